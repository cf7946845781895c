"""`{% voice_notes_for entry %}`: a journal entry's voice notes, and a way to add one.

A template tag rather than a view helper, so the journal app never imports voice notes.
"""

from __future__ import annotations

from typing import Any

from django import template

from cove.voice import media, services

register = template.Library()


@register.inclusion_tag("voice/includes/for_entry.html", takes_context=True)
def voice_notes_for(context: dict[str, Any], entry: Any) -> dict[str, Any]:
    request = context["request"]
    return {"entry": entry, "notes": services.notes_for_entry(request.vault, entry),
            "available": media.available()}
