"""Homework suggestions: the clinician suggests, the client accepts, changes or declines.

No due dates, no reminders, nothing overdue; declining needs no reason. Sealed under the
link key, so only that client and that clinician can read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from cove.audit import services as audit
from cove.clinic.choices import HomeworkAnswer, HomeworkKind
from cove.clinic.models import ClinicLink, Homework
from cove.core.errors import InputError
from cove.vault.records import get_owned_for_update

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

MAX_TITLE = 200
MAX_TEXT = 2000


def suggest(vault: Vault, link: ClinicLink, kind: str, title: str, detail: str = "") -> Homework:
    """The clinician's action (the link was checked by services.client_link)."""
    title, detail = title.strip(), detail.strip()
    errors: dict[str, list[str]] = {}
    if kind not in HomeworkKind.values:
        errors["kind"] = [_("Please choose from the list.")]
    if not title or len(title) > MAX_TITLE:
        errors["title"] = [_("Please write a short suggestion (up to 200 characters).")]
    if len(detail) > MAX_TEXT:
        errors["detail"] = [_("Please keep this under 2,000 characters.")]
    if errors:
        raise InputError(errors)
    item = Homework(vault=vault, owner_id=link.owner_id, link=link, kind=kind, title=title,
                    detail=detail, answer="", my_version="", how_it_went="")  # type: ignore[misc]
    item.save()
    audit.record("clinic.suggested", subject=link.owner, actor=vault.user, detail={})
    return item


def answer(vault: Vault, homework_id: object, choice: str, my_version: str = "",
           how_it_went: str = "", version: int | None = None) -> Homework:
    """The client's answer: accept, change (in their words) or decline. No reason asked."""
    my_version, how_it_went = my_version.strip(), how_it_went.strip()
    errors: dict[str, list[str]] = {}
    if choice not in HomeworkAnswer.values:
        errors["answer"] = [_("Please choose one.")]
    if choice == HomeworkAnswer.CHANGED and not my_version:
        errors["my_version"] = [_("Please write your version.")]
    if len(my_version) > MAX_TEXT or len(how_it_went) > MAX_TEXT:
        errors[""] = [_("Please keep this under 2,000 characters.")]
    if errors:
        raise InputError(errors)
    with transaction.atomic():
        item = get_owned_for_update(Homework, vault, homework_id, version=version,
                                    yours={"answer": choice, "my_version": my_version,
                                           "how_it_went": how_it_went})
        item.answer = choice
        item.my_version = my_version if choice == HomeworkAnswer.CHANGED else ""
        item.how_it_went = how_it_went
        item.save()
        audit.record("clinic.answered", subject=vault.user, actor=vault.user, detail={})
    return item


def for_client(vault: Vault, link: ClinicLink, limit: int = 50) -> list[Homework]:
    """Suggestions on one link, newest first, opened with the bound vault's link key."""
    return list(Homework.objects.unlocked(vault).filter(link=link, owner_id=link.owner_id)
                .order_by("-created_at")[:limit])
