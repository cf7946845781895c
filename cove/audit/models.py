"""The append-only, hash-chained audit log. It records what happened, never content."""

from __future__ import annotations

from typing import Any

from django.db import models


class AuditEvent(models.Model):
    """One security-relevant event. Rows are never updated or deleted by Cove."""

    # Plain integers, not foreign keys: the chain must still verify after an account is
    # deleted, and a deleted person's events must not name them.
    subject_id = models.BigIntegerField(null=True, db_index=True)
    actor_id = models.BigIntegerField(null=True)
    kind = models.CharField(max_length=48)
    detail = models.JSONField(default=dict)
    created_at = models.DateTimeField(db_index=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise RuntimeError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("audit events are append-only")
