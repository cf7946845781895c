"""Rituals without pressure: a weekly check-in, a gratitude list and small wins.

Each person writes their own; only what they choose to share is sealed under the link
key. There are no streaks, no scores, no reminders and no counts of the other person's
entries: lists show entries, newest first, a page at a time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from cove.core.errors import InputError
from cove.partners.public import get_link_record_for_update, link_records
from cove.together import rules
from cove.together.choices import CheckInPart, NoteKind
from cove.together.common import new
from cove.together.models import CheckIn, Note, SharedCheckIn

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from cove.partners.public import Link
    from cove.vault.keyring import Vault

NOTE_MAX = 500


def add_checkin(vault: Vault, link: Link, parts: dict[str, str], shared: set[str]
                ) -> list[str]:
    """Keep the parts written (returned); those in `shared` go to both, the rest stay private."""
    known = {p.value for p in CheckInPart}
    written = {k: v.strip()[: rules.TEXT_MAX] for k, v in parts.items()
               if k in known and v and v.strip()}
    if not written:
        raise InputError(_("Write at least one part, or leave it for another time."))
    together = {k: v for k, v in written.items() if k in shared}
    alone = {k: v for k, v in written.items() if k not in shared}
    with transaction.atomic():
        if together:
            new(SharedCheckIn, vault, link=link, parts=together).save()
        if alone:
            new(CheckIn, vault, link=link, parts=alone).save()
    return sorted(written)


def shared_checkins(vault: Vault, link: Link) -> QuerySet[SharedCheckIn]:
    return link_records(SharedCheckIn, vault, link).order_by("-created_at")


def own_checkins(vault: Vault, link: Link) -> QuerySet[CheckIn]:
    return CheckIn.objects.owned_by(vault).filter(link=link).order_by("-created_at")


def add_note(vault: Vault, link: Link, kind: str, text: str) -> Note:
    text = " ".join(text.split())
    if kind not in {k.value for k in NoteKind}:
        raise InputError({"kind": [_("Choose a thank-you or a small win.")]})
    if not text:
        raise InputError({"text": [_("Write a few words first.")]})
    if len(text) > NOTE_MAX:
        raise InputError({"text": [_("Please keep it under %(n)d characters.") % {"n": NOTE_MAX}]})
    note = new(Note, vault, link=link, kind=kind, text=text)
    note.save()
    return note


def notes(vault: Vault, link: Link) -> QuerySet[Note]:
    return link_records(Note, vault, link).order_by("-created_at")


def delete_note(vault: Vault, link: Link, note_id: object) -> None:
    """Take back one's own note (the other person's stay)."""
    with transaction.atomic():
        note = get_link_record_for_update(Note, vault, link, note_id)
        if note.owner_id != vault.user.pk:
            raise InputError(_("Only the person who wrote it can take it back."))
        note.delete()
