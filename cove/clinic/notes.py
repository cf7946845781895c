"""Clinician notes: sealed under the clinician's own private key; nobody else can open
them, and they are in the clinician's export (every sealed record they own is)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from cove.clinic.models import ClinicianNote, ClinicLink
from cove.core.errors import InputError

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

MAX_NOTE = 8000


def add_note(vault: Vault, link: ClinicLink, body: str) -> ClinicianNote:
    body = body.strip()
    if not body or len(body) > MAX_NOTE:
        raise InputError({"body": [_("Please write a note (up to 8,000 characters).")]})
    note = ClinicianNote(vault=vault, client_id=link.owner_id, body=body)  # type: ignore[misc]
    note.save()
    return note


def notes_about(vault: Vault, link: ClinicLink, limit: int = 50) -> list[ClinicianNote]:
    return list(ClinicianNote.objects.owned_by(vault).filter(client_id=link.owner_id)
                .order_by("-created_at")[:limit])
