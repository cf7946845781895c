"""Linking two accounts: invitation codes, redeeming (throttled), confirming, unlinking.

Split out of services.py by feature; views and the API call these through services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import models, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.accounts.errors import Throttled
from cove.audit import services as audit
from cove.core import integrity, invite_codes
from cove.core.errors import InputError
from cove.vault import crypto
from cove.vault.models import KeyBundle

from .models import Invitation, Link, LinkKey, LinkState

if TYPE_CHECKING:
    import uuid

    from cove.accounts.models import User
    from cove.accounts.throttle import Gate
    from cove.vault.keyring import Vault

INVITE_PURPOSE = "partner"
INVITATION_LIFETIME = timedelta(hours=24)
# Redeeming: a few free tries, then a doubling wait (capped), forgotten a day later
# (the shared throttle's FORGET_AFTER).
FREE_TRIES = 5
MAX_WAIT_SECONDS = 300
# Codes one person may have waiting at once; making another retires the oldest.
MAX_OPEN_INVITATIONS = 5


@dataclass(frozen=True)
class NewInvitation:
    """The code is shown once to the person who made it and never stored."""

    invitation: Invitation
    code: str


def code_did_not_work() -> InputError:
    # One answer for every failure: no hint whether a code existed, expired or was used.
    return InputError({"code": [_("That code did not work.")]})


def create_invitation(user: User) -> NewInvitation:
    """A single-use code for someone to link with `user`, valid for 24 hours."""
    now = timezone.now()
    with transaction.atomic():
        Invitation.objects.filter(expires_at__lte=now).delete()
        code = invite_codes.new_code()
        invitation = Invitation.objects.create(
            inviter=user,
            code_digest=invite_codes.code_digest(INVITE_PURPOSE, code),
            expires_at=now + INVITATION_LIFETIME,
        )
        waiting = Invitation.objects.filter(inviter=user).order_by("-created_at", "-pk")
        retired = list(waiting.values_list("pk", flat=True)[MAX_OPEN_INVITATIONS:])
        Invitation.objects.filter(pk__in=retired).delete()
        audit.record("partners.invitation_made", subject=user, actor=user)
    return NewInvitation(invitation=invitation, code=code)


def open_invitations(user: User) -> list[Invitation]:
    return list(
        Invitation.objects.filter(inviter=user, expires_at__gt=timezone.now())
        .order_by("created_at")[:20]
    )


def cancel_invitation(user: User, invitation_id: uuid.UUID | str) -> None:
    with transaction.atomic():
        deleted, _count = Invitation.objects.filter(inviter=user, pk=invitation_id).delete()
        if not deleted:
            raise Http404


def _redeem_gate(user: User) -> Gate:
    """The shared throttle (cove.accounts.throttle), one counter per person, as for
    clinician codes: keyed by a hash, so the table names nobody."""
    from cove.accounts import throttle

    counter = throttle.Counter(integrity.tag("throttle", "partner-invite", str(user.pk)).hex(),
                               MAX_WAIT_SECONDS, FREE_TRIES)
    return throttle.Gate(counters=(counter,), device=None)


def reserve_redeem_try(user: User) -> None:
    """Count a try at a code before checking it (given back on success), so parallel
    guesses cannot slip past the wait together; raise Throttled while a wait runs.

    Call it outside the transaction or savepoint that a wrong code rolls back (the view
    and API operation are non-atomic), so a refused code is still counted."""
    wait = _redeem_gate(user).enter()
    if wait is not None:
        raise Throttled(wait, field="code")


def _give_back_try(user: User) -> None:
    _redeem_gate(user).succeeded()


def redeem_invitation(user: User, typed: str) -> Link:
    """Use someone's code: a pending link that both of them then confirm.

    Counts the try first (reserve_redeem_try), then checks the code; the caller must not
    run this inside a transaction that a refusal rolls back. Every failure says only
    "That code did not work".
    """
    reserve_redeem_try(user)
    return redeem_reserved_try(user, typed)


def redeem_reserved_try(user: User, typed: str) -> Link:
    """The check itself, after `reserve_redeem_try` counted it (pages use the two steps,
    each through submit(), so a refused code's savepoint cannot take the count back)."""
    code = invite_codes.normalise(typed or "")
    if not code:
        raise code_did_not_work()
    digest = invite_codes.code_digest(INVITE_PURPOSE, code)
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(code_digest=digest, expires_at__gt=timezone.now())
            .first()
        )
        if invitation is None or invitation.inviter_id == user.pk or Link.objects.filter(
            models.Q(inviter_id=invitation.inviter_id, invitee_id=user.pk)
            | models.Q(inviter_id=user.pk, invitee_id=invitation.inviter_id)
        ).exists():
            invitation = None
        else:
            inviter_id = invitation.inviter_id
            invitation.delete()  # single use
            link = Link.objects.create(inviter_id=inviter_id, invitee=user)
            audit.record("partners.code_used", subject=user, actor=user)
            _give_back_try(user)
    if invitation is None:
        raise code_did_not_work()
    return link


def pending_links(user: User) -> list[Link]:
    return list(
        Link.objects.of(user.pk).filter(state=LinkState.PENDING)
        .select_related("inviter", "invitee").order_by("created_at")[:20]
    )


def _my_link_for_update(user: User, link_id: uuid.UUID | str) -> Link:
    try:
        link = Link.objects.select_for_update().of(user.pk).filter(pk=link_id).first()
    except (ValueError, TypeError):
        link = None
    if link is None:
        raise Http404
    return link


def confirm_link(user: User, link_id: uuid.UUID | str) -> Link:
    """The person confirms a pending link; when both have, it becomes active and the link
    key is made and sealed to each member's public key."""
    with transaction.atomic():
        link = _my_link_for_update(user, link_id)
        if link.is_active:
            return link
        if user.pk == link.inviter_id:
            link.inviter_confirmed = True
        else:
            link.invitee_confirmed = True
        if link.inviter_confirmed and link.invitee_confirmed:
            _start(link)
        link.save()
        audit.record("partners.confirmed", subject=user, actor=user)
    return link


def _start(link: Link) -> None:
    key = crypto.new_key()
    link.key_version += 1
    link.state = LinkState.ACTIVE
    link.linked_at = timezone.now()
    for member_id in link.member_ids():
        public = bytes(KeyBundle.objects.get(user_id=member_id).public_key)
        LinkKey.objects.update_or_create(
            link=link, member_id=member_id,
            defaults={"version": link.key_version,
                      "sealed_key": crypto.seal_to_public_key(public, key)},
        )


def unlink(vault: Vault, link_id: uuid.UUID | str) -> None:
    """Leave a link (or decline a pending one) at once. The other person is not told:
    the link, its keys and everything sealed under them go; partner shares the leaver
    gave the other stop and their keys rotate (see cove.partners.sharing)."""
    from cove.partners import sharing

    user = vault.user
    with transaction.atomic():
        link = _my_link_for_update(user, link_id)
        other_id = link.other_id(user.pk)
        link.delete()
        sharing.stop_sharing_with(vault, other_id)
        audit.record("partners.unlinked", subject=user, actor=user)


def end_all_links(vault: Vault) -> int:
    """Safety Check: leave every link, pending or active. Returns how many."""
    ids = list(Link.objects.of(vault.user.pk).values_list("pk", flat=True))
    for link_id in ids:
        unlink(vault, link_id)
    return len(ids)
