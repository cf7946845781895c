"""Closed choices of the journal, declared once (see cove.core.choices)."""

from __future__ import annotations

from django.db import models

from cove.core import choices
from cove.journal.kinds import KINDS

# The kinds of entry: their keys and names come from the prompts' data (kinds.py).
JournalKind = models.TextChoices(  # type: ignore[call-overload]
    "JournalKind", [(kind.key.upper(), (kind.key, kind.label)) for kind in KINDS]
)

choices.register("journal.kind", JournalKind)
