"""Shared agreements: suggested by one, agreed or changed by the other, with history.

A change that only makes things safer (see rules.is_safer) counts at once, without
waiting. Anything else waits until the other person agrees, changes it or sets it aside.
A new suggestion replaces one that was still waiting, whoever wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.core.errors import InputError
from cove.partners.public import get_link_record_for_update, link_records
from cove.together import rules
from cove.together.choices import AgreementTopic, ChangeStatus
from cove.together.common import lock_link, new
from cove.together.models import Agreement, AgreementChange

if TYPE_CHECKING:
    from cove.partners.public import Link
    from cove.vault.keyring import Vault

TOGETHER = "together"


@dataclass(frozen=True)
class Suggested:
    at_once: list[str]  # topics that counted at once
    waiting: AgreementChange | None


def agreement_of(vault: Vault, link: Link) -> Agreement | None:
    return link_records(Agreement, vault, link).first()


def current_terms(vault: Vault, link: Link) -> dict[str, Any]:
    agreement = agreement_of(vault, link)
    return rules.clean_terms(agreement.terms if agreement else {})


def history(vault: Vault, link: Link) -> QuerySet[AgreementChange]:
    """Every suggestion, newest first (page it before opening rows)."""
    return link_records(AgreementChange, vault, link).order_by("-created_at")


def waiting_change(vault: Vault, link: Link) -> AgreementChange | None:
    return history(vault, link).filter(status=ChangeStatus.WAITING).first()


def _check(link: Link, raw: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    minutes = raw.get(AgreementTopic.SESSION_MINUTES.value)
    if minutes not in (None, ""):
        try:
            value = int(minutes)
        except (TypeError, ValueError):
            value = -1
        if not rules.MINUTES_MIN <= value <= rules.MINUTES_MAX:
            errors[AgreementTopic.SESSION_MINUTES.value] = [
                _("Choose between %(low)d and %(high)d minutes, or leave it empty.")
                % {"low": rules.MINUTES_MIN, "high": rules.MINUTES_MAX}]
    pause = raw.get(AgreementTopic.AFTER_PAUSE.value) or {}
    allowed = {TOGETHER, *(str(m) for m in link.member_ids())}
    if not isinstance(pause, dict) or set(pause) - allowed:
        errors[AgreementTopic.AFTER_PAUSE.value] = [_("This part of the plan could not be used.")]
    if errors:
        raise InputError(errors)
    return rules.clean_terms(raw)


def suggest(vault: Vault, link: Link, proposed: dict[str, Any],
            version: int | None = None) -> Suggested:
    """Suggest new terms (the whole set). Safer parts count now; the rest waits."""
    cleaned = _check(link, proposed)
    with transaction.atomic():
        lock_link(link)
        agreement = agreement_of(vault, link)
        if agreement is None:
            agreement = new(Agreement, vault, link=link, terms=rules.empty_terms())
            agreement.save()
        else:
            agreement = get_link_record_for_update(
                Agreement, vault, link, agreement.pk, version=version, yours=cleaned)
        current = rules.clean_terms(agreement.terms)
        at_once, waiting = rules.split_change(current, cleaned)
        if not at_once and not waiting:
            raise InputError(_("Nothing was changed."))
        now = timezone.now()
        open_rows = list(link_records(AgreementChange, vault, link).select_for_update()
                         .filter(status=ChangeStatus.WAITING))
        if at_once:
            agreement.terms = {**current, **at_once}
            agreement.save()
            new(AgreementChange, vault, link=link, changes=at_once,
                            status=ChangeStatus.AT_ONCE, decided_at=now).save()
        replaced = open_rows if waiting else [
            row for row in open_rows if set(row.changes) & set(at_once)]
        for row in replaced:
            row.status, row.decided_at = ChangeStatus.REPLACED, now
            row.save(update_fields=["status", "decided_at"])
        change = None
        if waiting:
            change = new(AgreementChange, vault, link=link, changes=waiting,
                                     status=ChangeStatus.WAITING)
            change.save()
    return Suggested(at_once=list(at_once), waiting=change)


def accept(vault: Vault, link: Link, change_id: object) -> Agreement:
    """The other person agrees to a waiting suggestion: it becomes part of the terms."""
    with transaction.atomic():
        lock_link(link)
        change = get_link_record_for_update(AgreementChange, vault, link, change_id)
        if change.status != ChangeStatus.WAITING:
            raise InputError(_("This suggestion is no longer waiting."))
        if change.owner_id == vault.user.pk:
            raise InputError(_("The other person agrees to a suggestion, not the one who "
                               "made it."))
        agreement = agreement_of(vault, link)
        if agreement is None:  # pragma: no cover - suggest() always makes one first
            agreement = new(Agreement, vault, link=link, terms=rules.empty_terms())
        current = rules.clean_terms(agreement.terms)
        agreement.terms = rules.clean_terms({**current, **change.changes})
        agreement.save()
        change.status, change.decided_at = ChangeStatus.ACCEPTED, timezone.now()
        change.save(update_fields=["status", "decided_at"])
    return agreement


def set_aside(vault: Vault, link: Link, change_id: object) -> None:
    """Either person sets a waiting suggestion aside; the terms stay as they are."""
    with transaction.atomic():
        lock_link(link)
        change = get_link_record_for_update(AgreementChange, vault, link, change_id)
        if change.status != ChangeStatus.WAITING:
            raise InputError(_("This suggestion is no longer waiting."))
        change.status, change.decided_at = ChangeStatus.SET_ASIDE, timezone.now()
        change.save(update_fields=["status", "decided_at"])
