"""The one row each app server writes to prove the database still takes writes."""

from __future__ import annotations

from django.db import models


class ReadinessProbe(models.Model):
    """Written by every readiness check: a database that cannot take this write is not ready."""

    node = models.CharField(max_length=255, primary_key=True)
    checked_at = models.DateTimeField()
