"""Clinician accounts, invitations and the client's sharing choices: the named actions.

Homework, session briefs and notes live in their own modules (homework.py, briefs.py,
notes.py); reading what a client shares is in reading.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.audit import services as audit
from cove.clinic.choices import Flag, ShareEnd
from cove.clinic.models import ClinicianProfile, ClinicInvite, ClinicLink
from cove.core import invite_codes
from cove.core.errors import InputError
from cove.vault import areas
from cove.vault.models import Grant
from cove.vault.services import grant_area, revoke_area

if TYPE_CHECKING:
    from cove.accounts.models import User
    from cove.vault.keyring import Vault

INVITE_LIFETIME = timedelta(hours=24)
INVITE_PURPOSE = "clinic"
APPROVAL = "approval"
OPEN = "open"


# ---- Clinician accounts ----------------------------------------------------------------


def mode() -> str:
    return OPEN if getattr(settings, "COVE_CLINICIANS", APPROVAL) == OPEN else APPROVAL


def profile_of(user: User) -> ClinicianProfile | None:
    return ClinicianProfile.objects.filter(user_id=user.pk).first()


def save_profile(user: User, name: str, practice: str, note: str) -> ClinicianProfile:
    """Write (or change) the profile. With COVE_CLINICIANS=open it is approved at once;
    otherwise it waits for the operator's `cove clinician approve USER`.

    The name and practice are what the operator checked, so changing either sends an
    approved profile back to waiting (clients' shares pause, their grants stay); the note
    is the clinician's own words to clients and changes without a new check."""
    name, practice, note = name.strip(), practice.strip(), note.strip()
    if not name:
        raise InputError({"name": [_("Please write the name clients will see.")]})
    with transaction.atomic():
        profile, created = ClinicianProfile.objects.select_for_update().get_or_create(
            user_id=user.pk, defaults={"name": name, "practice": practice, "note": note})
        checked_again = False
        if not created:
            checked_again = (mode() == APPROVAL and profile.approved_at is not None
                             and (profile.name, profile.practice) != (name, practice))
            profile.name, profile.practice, profile.note = name, practice, note
        if checked_again:
            profile.approved_at = None
            profile.asked_at = timezone.now()
        if mode() == OPEN and profile.approved_at is None:
            profile.approved_at = timezone.now()
        profile.save()
        _sync_flag(user, profile)
        audit.record("clinic.profile_saved", subject=user, actor=user,
                     detail={"approved": profile.approved_at is not None,
                             "checked_again": checked_again})
    return profile


def has_clients(clinician: User) -> bool:
    return ClinicLink.objects.filter(clinician_id=clinician.pk, ended_at__isnull=True).exists()


def reading_paused(owner_id: int, reader_id: int) -> bool:
    """True while a clinician the owner linked with is not approved (waiting for a new
    check, or withdrawn): their grants stay, but nothing of the owner's opens for them."""
    linked = ClinicLink.objects.filter(owner_id=owner_id, clinician_id=reader_id,
                                       ended_at__isnull=True).exists()
    return linked and not ClinicianProfile.objects.filter(
        user_id=reader_id, approved_at__isnull=False).exists()


def approve(username: str) -> ClinicianProfile:
    """The operator's `cove clinician approve USER`: makes (or confirms) a clinician."""
    user = get_user_model().objects.find(username)
    if user is None:
        raise InputError({"username": [_("There is no account with that name.")]})
    with transaction.atomic():
        profile, _created = ClinicianProfile.objects.get_or_create(
            user_id=user.pk, defaults={"name": user.username})
        profile.approved_at = profile.approved_at or timezone.now()
        profile.save(update_fields=["approved_at"])
        _sync_flag(user, profile)
        audit.record("clinic.approved", subject=user, detail={})
    return profile


def withdraw(username: str) -> bool:
    """The operator's `cove clinician withdraw USER`: the account is no longer a clinician."""
    user = get_user_model().objects.find(username)
    if user is None:
        return False
    with transaction.atomic():
        ClinicianProfile.objects.filter(user_id=user.pk).update(approved_at=None)
        user.is_clinician = False
        user.save(update_fields=["is_clinician"])
        audit.record("clinic.withdrawn", subject=user, detail={})
    return True


def _sync_flag(user: User, profile: ClinicianProfile) -> None:
    approved = profile.approved_at is not None
    if user.is_clinician != approved:
        user.is_clinician = approved
        user.save(update_fields=["is_clinician"])


def is_approved(user: User) -> bool:
    return bool(getattr(user, "is_clinician", False)) and ClinicianProfile.objects.filter(
        user_id=user.pk, approved_at__isnull=False).exists()


def display_name(user: User) -> str:
    profile = profile_of(user)
    return profile.name if profile is not None and profile.approved_at else user.username


# ---- Invitations -----------------------------------------------------------------------


@dataclass(frozen=True)
class NewInvite:
    code: str
    expires_at: datetime


def new_invite(clinician: User) -> NewInvite:
    """A fresh code for one client: single use, 24 hours. Only its digest is kept."""
    code = invite_codes.new_code()
    expires = timezone.now() + INVITE_LIFETIME
    ClinicInvite.objects.create(clinician=clinician, expires_at=expires,
                                code_digest=invite_codes.code_digest(INVITE_PURPOSE, code))
    audit.record("clinic.invite_made", subject=clinician, actor=clinician, detail={})
    return NewInvite(code=code, expires_at=expires)


def _code_failed() -> InputError:
    return InputError({"code": [_("That code did not work.")]})


def find_invite(client: User, typed: str) -> ClinicInvite:
    """The open invitation behind a code, or "That code did not work." (throttling is the
    caller's: see views.join and api.join)."""
    code = invite_codes.normalise(typed)
    if not code:
        raise _code_failed()
    invite = ClinicInvite.objects.select_related("clinician").filter(
        code_digest=invite_codes.code_digest(INVITE_PURPOSE, code), used_at__isnull=True,
        expires_at__gt=timezone.now()).first()
    if invite is None or invite.clinician_id == client.pk or not is_approved(invite.clinician):
        raise _code_failed()
    return invite


# ---- The client's sharing choices ------------------------------------------------------


@dataclass(frozen=True)
class ShareChoice:
    areas: list[str]
    end: str = ShareEnd.NONE
    until: date | None = None
    next_session: date | None = None
    flags: list[str] | None = None


def _check_choice(choice: ShareChoice) -> datetime | None:
    errors: dict[str, list[str]] = {}
    unknown = [a for a in choice.areas if a not in areas.SHAREABLE]
    if unknown or not choice.areas:
        errors["areas"] = [_("Please choose at least one part to share.")]
    if any(f not in Flag.values for f in choice.flags or []):
        errors["flags"] = [_("Please choose from the list.")]
    today = timezone.localdate()
    ends_at: datetime | None = None
    if choice.end == ShareEnd.DATE:
        if choice.until is None or choice.until < today:
            errors["until"] = [_("Please choose today or a later date.")]
        else:
            ends_at = _start_of(choice.until + timedelta(days=1))
    elif choice.end == ShareEnd.AFTER_SESSION:
        if choice.next_session is None or choice.next_session < today:
            errors["next_session"] = [_("Please write the date of your next session.")]
        else:
            # Ends the day after the session: at the end of that day.
            ends_at = _start_of(choice.next_session + timedelta(days=2))
    elif choice.end != ShareEnd.NONE:
        errors["end"] = [_("Please choose from the list.")]
    if choice.next_session is not None and choice.next_session < today - timedelta(days=366):
        errors["next_session"] = [_("Please choose a date closer to today.")]
    if errors:
        raise InputError(errors)
    return ends_at


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def join(vault: Vault, invite: ClinicInvite, choice: ShareChoice) -> ClinicLink:
    """Redeem an invitation: link with the clinician and share the chosen parts."""
    ends_at = _check_choice(choice)
    with transaction.atomic():
        used = ClinicInvite.objects.filter(pk=invite.pk, used_at__isnull=True,
                                           expires_at__gt=timezone.now()).update(
            used_at=timezone.now())
        if not used:
            raise _code_failed()
        link = ClinicLink.objects.unlocked(vault).filter(
            owner_id=vault.user.pk, clinician_id=invite.clinician_id).first()
        if link is None:
            link = ClinicLink(vault=vault, clinician_id=invite.clinician_id)  # type: ignore[misc]
            link.key_for_client, link.key_for_clinician = ClinicLink.seal_new_key(
                vault.user.pk, invite.clinician_id)
        else:
            link.key_for_clinician = _reseal_for_clinician(link)
            link.ended_at = None
        link.save()
        audit.record("clinic.linked", subject=vault.user, actor=vault.user, detail={})
        _apply(vault, link, choice, ends_at)
    return link


def _reseal_for_clinician(link: ClinicLink) -> str:
    from cove.clinic.models import sealed_text
    from cove.vault.models import KeyBundle

    public = bytes(KeyBundle.objects.get(user_id=link.clinician_id).public_key)
    return sealed_text(public, link.link_key())


def change_sharing(vault: Vault, link: ClinicLink, choice: ShareChoice,
                   version: int | None = None) -> ClinicLink:
    """Change what is shared, for how long, the next session date and the allowed flags.
    `version` is the link version the person's form was based on (stale: Conflict)."""
    from cove.vault.records import get_owned_for_update

    ends_at = _check_choice(choice)
    with transaction.atomic():
        locked = get_owned_for_update(ClinicLink, vault, link.pk, version=version, yours={
            "next_session": choice.next_session.isoformat() if choice.next_session else "",
            "flags": list(choice.flags or [])})
        _apply(vault, locked, choice, ends_at)
    return locked


def _apply(vault: Vault, link: ClinicLink, choice: ShareChoice, ends_at: datetime | None) -> None:
    clinician = link.clinician
    wanted = set(choice.areas)
    held = set(Grant.objects.filter(owner_id=vault.user.pk, grantee_id=clinician.pk)
               .values_list("area", flat=True))
    for area in sorted(held - wanted):
        revoke_area(vault, clinician.pk, area)
    for area in sorted(wanted - held):
        grant_area(vault, clinician, area)
    Grant.objects.filter(owner_id=vault.user.pk, grantee_id=clinician.pk).update(ends_at=ends_at)
    link.next_session = choice.next_session.isoformat() if choice.next_session else ""
    link.until_after_session = choice.end == ShareEnd.AFTER_SESSION
    link.flags = sorted(set(choice.flags or []))
    link.save()


def stop_sharing(vault: Vault, link: ClinicLink) -> None:
    """Stop everything at once: every grant goes, and the clinician's copy of the link key."""
    with transaction.atomic():
        for area in list(Grant.objects.filter(owner_id=vault.user.pk, grantee_id=link.clinician_id)
                         .values_list("area", flat=True)):
            revoke_area(vault, link.clinician_id, area)
        ClinicLink.objects.filter(pk=link.pk).update(key_for_clinician=None,
                                                     ended_at=timezone.now())
        audit.record("clinic.unlinked", subject=vault.user, actor=vault.user, detail={})


def my_links(vault: Vault) -> list[ClinicLink]:
    return list(ClinicLink.objects.owned_by(vault).filter(ended_at__isnull=True)
                .select_related("clinician").order_by("created_at")[:50])


def my_link(vault: Vault, link_id: object) -> ClinicLink:
    from cove.vault.records import get_owned_or_404

    link = get_owned_or_404(ClinicLink, vault, link_id)
    if link.ended_at is not None:
        raise Http404
    return link


def live_areas(owner_id: int, clinician_id: int) -> list[str]:
    return sorted(Grant.objects.live().filter(owner_id=owner_id, grantee_id=clinician_id)
                  .values_list("area", flat=True))


def share_end(owner_id: int, clinician_id: int) -> datetime | None:
    grant = Grant.objects.live().filter(owner_id=owner_id, grantee_id=clinician_id).first()
    return grant.ends_at if grant is not None else None


def client_link(vault: Vault, link_id: object) -> ClinicLink:
    """A clinician's view of one client's link: theirs, open and sharing, or 404."""
    import uuid

    try:
        pk = uuid.UUID(str(link_id))
    except ValueError:
        raise Http404 from None
    link = ClinicLink.objects.unlocked(vault).select_related("owner").filter(
        pk=pk, clinician_id=vault.user.pk).first()
    if link is None or not link.open_for_clinician():
        audit.record_denied_access(vault.user, "clinic.link")
        raise Http404
    return link


def caseload_links(vault: Vault) -> list[ClinicLink]:
    links = (ClinicLink.objects.unlocked(vault).select_related("owner")
             .filter(clinician_id=vault.user.pk, ended_at__isnull=True,
                     key_for_clinician__isnull=False).order_by("created_at")[:200])
    return [link for link in links if link.open_for_clinician()]


# ---- Throttled code checks --------------------------------------------------------------

INVITE_FREE_TRIES = 5
INVITE_MAX_DELAY = 300


def open_invite(client: User, typed: str) -> ClinicInvite:
    """Check a typed code, throttled per person like any guess: a few free tries, then a
    growing wait. Call outside a transaction (the view is non-atomic), so a wrong guess
    stays counted."""
    from cove.accounts import throttle
    from cove.accounts.errors import Throttled
    from cove.core import integrity

    counter = throttle.Counter(integrity.tag("throttle", "clinic-invite", str(client.pk)).hex(),
                               INVITE_MAX_DELAY, INVITE_FREE_TRIES)
    gate = throttle.Gate(counters=(counter,), device=None)
    wait = gate.enter()
    if wait is not None:
        raise Throttled(wait, field="code")
    invite = find_invite(client, typed)
    gate.succeeded()
    return invite
