"""Account actions: sign up, sign in, sessions, settings. Views and the API call these.

Passphrase work (Argon2id) always happens before any transaction; the writes that follow
are wrapped in one (docs/architecture.md, "Transactions").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.auth import login, logout
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.accounts import deletion, devices, throttle
from cove.accounts.errors import PassphraseRefused, Throttled
from cove.accounts.models import User, UserSession, username_validator
from cove.audit import services as audit
from cove.core.errors import InputError
from cove.vault import kdf
from cove.vault import services as vault_services
from cove.vault.session import close_vault_session, open_vault_session

SESSION_STARTED = "cove_started_at"
SESSION_SEEN = "cove_seen_at"


@dataclass(frozen=True)
class SignUpResult:
    user: User
    recovery_code: str


def check_new_passphrase(username: str, passphrase: str, field: str = "passphrase") -> None:
    """Raise InputError (one message, the most specific) if the passphrase cannot be used."""
    try:
        validate_password(passphrase, user=User(username=username))
    except ValidationError as exc:
        raise InputError({field: exc.messages[:1]}) from None


def clean_new_account(username: str, passphrase: str) -> None:
    """Check a sign-up without creating anything; raise InputError by field."""
    errors: dict[str, list[str]] = {}
    try:
        username_validator(username)
    except ValidationError as exc:
        errors["username"] = list(exc.messages)
    try:
        check_new_passphrase(username, passphrase)
    except InputError as exc:
        errors.update(exc.errors)
    if errors:
        raise InputError(errors)


@kdf.admitted
def sign_up(request: HttpRequest, username: str, passphrase: str) -> SignUpResult:
    """Create an account with its keys, sign it in, and return the one-time recovery code."""
    clean_new_account(username, passphrase)
    taken = InputError({"username": [_("That username is not available. Please choose "
                                       "another one.")]})
    if User.objects.find(username) is not None:
        raise taken
    stretched = vault_services.stretch(passphrase)  # the slow part, before the transaction
    try:
        with transaction.atomic():
            user = User(username=username)
            user.set_unusable_password()
            user.save()
            data_key, code = vault_services.create_keys(user, stretched)
            audit.record("auth.signup", subject=user, actor=user)
            start_session(request, user, data_key)
    except IntegrityError:  # the same name, taken a moment ago by someone else
        raise taken from None
    devices.remember(request, user)
    return SignUpResult(user=user, recovery_code=code)


@kdf.admitted
def sign_in(request: HttpRequest, username: str, passphrase: str) -> User:
    """Check the passphrase (throttled, one Argon2id run) and open a session with the vault.

    An unknown name, a closed account and a wrong passphrase get the same answer after the
    same work.
    """
    deletion.finish_interrupted()
    user = User.objects.find(username)
    gate = throttle.gate(request, username, user)
    wait = gate.enter()
    if wait is not None:
        raise Throttled(wait)
    unlocked = None
    if user is not None and user.is_active:
        unlocked = vault_services.unlock_with_passphrase(user, passphrase)
    else:
        vault_services.pretend_to_unlock(passphrase)
    if user is None or unlocked is None:
        gate.failed()
        if user is not None:
            audit.record("auth.login_failed", subject=user)
        raise PassphraseRefused(
            _("That username and passphrase do not match. Please try again."), field="", status=401
        )
    gate.succeeded()
    with transaction.atomic():
        start_session(request, user, unlocked.data_key)
        audit.record("auth.login", subject=user, actor=user)
    devices.remember(request, user, gate.device)
    return user


def _device_summary(request: HttpRequest) -> str:
    agent = request.META.get("HTTP_USER_AGENT", "")
    browser = next(
        (name for name in ("Firefox", "Edg", "Chrome", "Safari") if name in agent), ""
    ).replace("Edg", "Edge")
    system = next(
        (name for name in ("Android", "iPhone", "iPad", "Windows", "Mac OS", "Linux") if name in agent),
        "",
    ).replace("Mac OS", "Mac")
    summary = " on ".join(part for part in (browser, system) if part)
    return re.sub(r"[^\w .-]", "", summary)[:80] or _("A browser")


def start_session(request: HttpRequest, user: User, data_key: bytes) -> None:
    """A new session (new id) with the unlocked vault, listed on the sessions page."""
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    now = timezone.now()
    request.session[SESSION_STARTED] = now.isoformat()
    request.session[SESSION_SEEN] = now.isoformat()
    open_vault_session(request, user, data_key)
    request.session.save()
    UserSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={"user": user, "device": _device_summary(request), "created_at": now,
                  "last_seen_at": now},
    )


def keep_session_after_key_change(request: HttpRequest, user: User) -> None:
    """The verifier changed (passphrase change, reset, upgrade): keep *this* session signed in.

    Django gives the session a new id when it does this; the sessions page follows it.
    """
    from django.contrib.auth import update_session_auth_hash

    old_key = request.session.session_key
    update_session_auth_hash(request, user)
    request.session.save()
    if old_key and old_key != request.session.session_key:
        UserSession.objects.filter(session_key=old_key).update(
            session_key=request.session.session_key
        )


def end_current_session(request: HttpRequest) -> None:
    if request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()
    close_vault_session(request)


def sign_out(request: HttpRequest) -> None:
    user = request.user
    with transaction.atomic():
        if isinstance(user, User):
            audit.record("auth.logout", subject=user, actor=user)
        end_current_session(request)
        logout(request)


def active_sessions(user: User) -> list[UserSession]:
    """The person's sessions that still exist, newest first; stale records are tidied away."""
    rows = list(UserSession.objects.filter(user=user).order_by("-last_seen_at")[:200])
    alive = set(
        Session.objects.filter(
            session_key__in=[row.session_key for row in rows], expire_date__gt=timezone.now()
        ).values_list("session_key", flat=True)
    )
    stale = [row.pk for row in rows if row.session_key not in alive]
    if stale:
        UserSession.objects.filter(pk__in=stale).delete()
    return [row for row in rows if row.session_key in alive]


def end_session(user: User, session_id: int, current_key: str | None) -> bool:
    row = UserSession.objects.filter(user=user, pk=session_id).first()
    if row is None or row.session_key == current_key:
        return False
    with transaction.atomic():
        Session.objects.filter(session_key=row.session_key).delete()
        row.delete()
        audit.record("auth.session_ended", subject=user, actor=user)
    return True


def end_other_sessions(user: User, current_key: str | None) -> int:
    with transaction.atomic():
        rows = UserSession.objects.filter(user=user).exclude(session_key=current_key or "")
        keys = list(rows.values_list("session_key", flat=True))
        Session.objects.filter(session_key__in=keys).delete()
        count, _ = rows.delete()
        audit.record("auth.other_sessions_ended", subject=user, actor=user,
                     detail={"count": count})
    return count


def set_idle_timeout(user: User, minutes: int) -> None:
    with transaction.atomic():
        user.idle_timeout_minutes = minutes
        user.save(update_fields=["idle_timeout_minutes"])
        audit.record(
            "security.idle_timeout_changed", subject=user, actor=user, detail={"minutes": minutes}
        )


def set_email(user: User, email: str) -> None:
    with transaction.atomic():
        user.email = email
        user.save(update_fields=["email"])
        audit.record("security.email_changed", subject=user, actor=user)
