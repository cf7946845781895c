"""Practising a ladder step together: one calm screen for both, a pause either can make.

The step's owner starts it from one of their own steps; its title is copied, sealed under
the link key, so the other person sees it (that is the owner sharing this one step). The
state (practising, paused, ended) is a plain column both screens poll once a second; a
pause is one row update, so it reaches the other screen within about a second.
Afterwards the aftercare checklist from the agreement is ticked together, and each writes
a private debrief under their own key, sharing only the part they choose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from cove.core.errors import InputError
from cove.partners.public import get_link_record_for_update, get_link_record_or_404, link_records
from cove.together import agreements, rules, steps
from cove.together.choices import PracticeState
from cove.together.common import lock_link, new
from cove.together.models import Debrief, PracticeNote, SharedPractice

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from cove.partners.public import Link
    from cove.vault.keyring import Vault

# Which state each action leads to, and from which states it may be taken.
MOVES = {
    "pause": ({PracticeState.ACTIVE, PracticeState.PAUSED}, PracticeState.PAUSED),
    "resume": ({PracticeState.PAUSED}, PracticeState.ACTIVE),
    "end": ({PracticeState.ACTIVE, PracticeState.PAUSED}, PracticeState.ENDED),
}


def practices(vault: Vault, link: Link) -> QuerySet[SharedPractice]:
    return link_records(SharedPractice, vault, link).order_by("-created_at")


def current(vault: Vault, link: Link) -> SharedPractice | None:
    """The practice not yet ended, if there is one (at most one per link)."""
    return practices(vault, link).exclude(state=PracticeState.ENDED).first()


def start(vault: Vault, link: Link, step_id: object) -> SharedPractice:
    step = steps.own_step(vault, step_id)
    minutes = agreements.current_terms(vault, link).get("session_minutes") or step.minutes
    with transaction.atomic():
        lock_link(link)
        if current(vault, link) is not None:
            raise InputError(_("A practice together is already going. End it first."))
        practice = new(SharedPractice, vault, link=link, step_title=step.title,
                                  minutes=minutes)
        practice.save()
    return practice


def get(vault: Vault, link: Link, practice_id: object) -> SharedPractice:
    return get_link_record_or_404(SharedPractice, vault, link, practice_id)


def move(vault: Vault, link: Link, practice_id: object, action: str) -> SharedPractice:
    """Pause, resume or end. A pause always works, however often it is pressed."""
    if action not in MOVES:
        raise InputError(_("That is not something this practice can do."))
    allowed, target = MOVES[action]
    with transaction.atomic():
        practice = get_link_record_for_update(SharedPractice, vault, link, practice_id)
        if practice.state not in allowed:
            raise InputError(_("This practice has already ended."))
        if practice.state != target:
            practice.state = target
            practice.save(update_fields=["state"])
    return practice


def tick_aftercare(vault: Vault, link: Link, practice_id: object, done: list[str]) -> None:
    """Set which agreed aftercare items are done (either person ticks for both)."""
    checklist = agreements.current_terms(vault, link)["aftercare"]
    with transaction.atomic():
        practice = get_link_record_for_update(SharedPractice, vault, link, practice_id)
        if practice.state != PracticeState.ENDED:
            raise InputError(_("Aftercare comes once the practice has ended."))
        practice.aftercare_done = [item for item in checklist if item in set(done)]
        practice.save()


def write_debrief(vault: Vault, link: Link, practice_id: object, private_text: str,
                  shared_text: str) -> None:
    """A private debrief (own key) and, only if written, a part to share."""
    private_text, shared_text = private_text.strip(), shared_text.strip()
    if not private_text and not shared_text:
        raise InputError({"text": [_("Write something first, or simply leave this page.")]})
    if max(len(private_text), len(shared_text)) > rules.TEXT_MAX * 4:
        raise InputError({"text": [_("Please keep it a little shorter.")]})
    with transaction.atomic():
        practice = get(vault, link, practice_id)
        if practice.state != PracticeState.ENDED:
            raise InputError(_("The debrief comes once the practice has ended."))
        if private_text:
            new(Debrief, vault, practice=practice, step_title=practice.step_title,
                    text=private_text).save()
        if shared_text:
            new(PracticeNote, vault, link=link, practice=practice, text=shared_text).save()


def shared_notes(vault: Vault, link: Link, practice: SharedPractice) -> list[PracticeNote]:
    return list(link_records(PracticeNote, vault, link).filter(practice=practice)
                .order_by("created_at")[:20])


def my_debriefs(vault: Vault, practice: SharedPractice) -> list[Debrief]:
    return list(Debrief.objects.owned_by(vault).filter(practice=practice)
                .order_by("created_at")[:20])
