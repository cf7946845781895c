"""Attached notes follow their journal entry's sharing area (marked shareable or not)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from cove.journal.models import JournalEntry
from cove.voice import services


@receiver(post_save, sender=JournalEntry, dispatch_uid="cove.voice.follow_entry")
def _entry_saved(sender: type[JournalEntry], instance: JournalEntry, created: bool,
                 **kwargs: Any) -> None:
    vault = getattr(instance, "_vault", None)
    if created or vault is None:
        return
    services.follow_entry(vault, instance)
