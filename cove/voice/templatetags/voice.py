"""`{% voice_notes_for entry %}` / `{% voice_notes_for practice %}`: its voice notes, and a way
to add one.

A template tag rather than a view helper, so journal and ladder never import voice notes.
"""

from __future__ import annotations

from typing import Any

from django import template

from cove.journal.models import JournalEntry
from cove.voice import media, services

register = template.Library()


@register.inclusion_tag("voice/includes/for_record.html", takes_context=True)
def voice_notes_for(context: dict[str, Any], record: Any) -> dict[str, Any]:
    """For a journal entry or a practice: its notes, and a link to record one for it."""
    request = context["request"]
    kind = "entry" if isinstance(record, JournalEntry) else "practice"
    return {"record": record, "kind": kind,
            "notes": services.notes_for(request.vault, record), "available": media.available()}
