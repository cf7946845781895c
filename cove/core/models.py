"""The readiness probe row, and the drafts of long forms (cove.core.drafts)."""

from __future__ import annotations

from django.db import models

from cove.vault import areas
from cove.vault.fields import SealedIntegerField, SealedJSONField, SealedTextField
from cove.vault.records import SealedRecord


class ReadinessProbe(models.Model):
    """Written by every readiness check: a database that cannot take this write is not ready."""

    node = models.CharField(max_length=255, primary_key=True)
    checked_at = models.DateTimeField()


class Draft(SealedRecord):
    """A long form's answers kept between its steps (cove.core.drafts): sealed, owned,
    versioned, and never the real record. Which form it belongs to is sealed too, so the
    database cannot tell whether a person ever started a safety plan."""

    sharing_area = areas.PRIVATE
    form = SealedTextField()  # a flow's key, such as "safety.plan"
    step = SealedIntegerField()  # the step to come back to (0-based)
    # The version of the real record the answers were based on: finishing saves with it,
    # so a change made elsewhere meanwhile is shown (Conflict), never written over.
    based_on = SealedIntegerField()
    answers = SealedJSONField(plain_default={}, pad_minimum=4096)
