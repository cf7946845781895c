"""Wishes, discovered safely ("quiet overlap").

- Either member may start the first round on a link; from then on only that person (the
  pace-holder) starts rounds, each after the wait they chose when starting the last one.
- Each answers privately: yes, curious, not now or no. Only yes and curious are kept
  (rules.encode_answers); the starter's under their own key, the other's under the link
  key, so the other's page never opens the starter's answers.
- Only the starter sees the overlap, computed in memory from both sealed answer sets
  while their request runs; they may hold any item back before sharing the rest. Ending
  the round stores only what they shared and deletes both answer sets.
- The other person's pages and API answers read only the round's plain state, their own
  answers and what was shared: they are the same, byte for byte, whatever the starter
  answered and whatever the starter held back.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.core.errors import InputError
from cove.partners.public import get_link_record_or_404, link_records
from cove.together import rules
from cove.together.choices import PartnerWishAnswer, RoundState
from cove.together.common import lock_link, new
from cove.together.models import PartnerAnswers, StarterAnswers, WishRound

if TYPE_CHECKING:
    from cove.partners.public import Link
    from cove.vault.keyring import Vault

COOLDOWN_DAYS = (7, 14, 30, 90)
DEFAULT_COOLDOWN = 14


def latest_round(vault: Vault, link: Link) -> WishRound | None:
    return link_records(WishRound, vault, link).order_by("-created_at").first()


def pace_holder_id(vault: Vault, link: Link) -> int | None:
    first = link_records(WishRound, vault, link).order_by("created_at").only("owner").first()
    return first.owner_id if first else None


def next_start(vault: Vault, link: Link) -> datetime | None:
    """When the person may start a round: now-ish, a later date, or None (not theirs)."""
    holder = pace_holder_id(vault, link)
    if holder is not None and holder != vault.user.pk:
        return None
    latest = latest_round(vault, link)
    if latest is None:
        return timezone.now()
    if latest.state == RoundState.OPEN:
        return None
    assert latest.closed_at is not None
    return latest.closed_at + timedelta(days=latest.cooldown_days)


def start_round(vault: Vault, link: Link, cooldown_days: int) -> WishRound:
    if cooldown_days not in COOLDOWN_DAYS:
        raise InputError({"cooldown_days": [_("Choose one of the waits offered.")]})
    with transaction.atomic():
        lock_link(link)
        when = next_start(vault, link)
        if when is None or when > timezone.now():
            raise InputError(_("A new round cannot start yet."))
        wish_round = new(WishRound, vault, link=link, cooldown_days=cooldown_days)
        wish_round.save()
    return wish_round


def open_round(vault: Vault, link: Link, round_id: object) -> WishRound:
    wish_round = get_link_record_or_404(WishRound, vault, link, round_id)
    if wish_round.state != RoundState.OPEN:
        raise Http404
    return wish_round


def is_starter(vault: Vault, wish_round: WishRound) -> bool:
    return wish_round.owner_id == vault.user.pk


def _own_answers(vault: Vault, wish_round: WishRound) -> StarterAnswers | PartnerAnswers | None:
    if is_starter(vault, wish_round):
        return StarterAnswers.objects.owned_by(vault).filter(round=wish_round).first()
    return (PartnerAnswers.objects.filter(round=wish_round, owner_id=vault.user.pk)
            .unlocked(vault).first())


def my_answers(vault: Vault, wish_round: WishRound) -> dict[str, str]:
    """The person's own kept answers (yes and curious only) for an open round."""
    row = _own_answers(vault, wish_round)
    return rules.decode_answers(row.codes) if row else {}


def save_answers(vault: Vault, link: Link, round_id: object, answers: dict[str, str]) -> None:
    """Keep the person's yes and curious answers; no and not now are never stored."""
    allowed = {a.value for a in PartnerWishAnswer}
    if any(k not in rules.WISH_KEYS or (v and v not in allowed) for k, v in answers.items()):
        raise InputError(_("Some answers could not be used."))
    codes = rules.encode_answers(answers)
    with transaction.atomic():
        lock_link(link)
        wish_round = open_round(vault, link, round_id)
        row = _own_answers(vault, wish_round)
        if row is None:
            row = (new(StarterAnswers, vault, round=wish_round)
                   if is_starter(vault, wish_round)
                   else new(PartnerAnswers, vault, link=link, round=wish_round))
        row.codes = codes
        row.save()


def overlap(vault: Vault, link: Link, wish_round: WishRound) -> list[tuple[str, str]]:
    """What both answered yes or curious: for the starter only, and only while open."""
    if not is_starter(vault, wish_round) or wish_round.state != RoundState.OPEN:
        raise Http404
    mine = StarterAnswers.objects.owned_by(vault).filter(round=wish_round).first()
    theirs = (PartnerAnswers.objects.filter(round=wish_round).exclude(owner_id=vault.user.pk)
              .unlocked(vault).first())
    return rules.overlap(mine.codes if mine else rules.blank_codes(),
                         theirs.codes if theirs else rules.blank_codes())


def release(vault: Vault, link: Link, round_id: object, keep: list[str]) -> WishRound:
    """The starter ends the round, sharing the overlap items in `keep` and no others.

    Sharing nothing ends the round too, and looks exactly like it to the other person.
    Both answer sets are deleted: no history of answers is kept.
    """
    with transaction.atomic():
        lock_link(link)
        wish_round = open_round(vault, link, round_id)
        found = overlap(vault, link, wish_round)
        wanted = set(keep)
        wish_round.released = [[key, label] for key, label in found if key in wanted]
        wish_round.state, wish_round.closed_at = RoundState.CLOSED, timezone.now()
        wish_round.save()
        StarterAnswers.objects.filter(round=wish_round).delete()
        PartnerAnswers.objects.filter(round=wish_round).delete()
    return wish_round


def shared_rounds(vault: Vault, link: Link, limit: int = 5) -> list[WishRound]:
    """The most recent ended rounds, newest first: each stands alone, never compared."""
    return list(link_records(WishRound, vault, link).filter(state=RoundState.CLOSED)
                .order_by("-created_at")[:limit])
