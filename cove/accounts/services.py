"""Account actions. Views and the API both call these; each writes its audit entry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.accounts import throttle
from cove.accounts.models import User, UserSession, username_validator
from cove.audit import services as audit
from cove.vault import services as vault_services
from cove.vault.session import close_vault_session, open_vault_session

SESSION_STARTED = "cove_started_at"
SESSION_SEEN = "cove_seen_at"


class SignInRefused(Exception):
    def __init__(self, message: str, wait_seconds: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.wait_seconds = wait_seconds


@dataclass(frozen=True)
class SignUpResult:
    user: User
    recovery_code: str


def clean_new_account(username: str, passphrase: str) -> dict[str, list[str]]:
    """Check a sign-up without creating anything; return errors by field."""
    errors: dict[str, list[str]] = {}
    try:
        username_validator(username)
    except ValidationError as exc:
        errors["username"] = list(exc.messages)
    try:
        validate_password(passphrase, user=User(username=username))
    except ValidationError as exc:
        errors["passphrase"] = list(exc.messages)
    return errors


def sign_up(request: HttpRequest, username: str, passphrase: str) -> SignUpResult:
    """Create an account with its keys, sign it in, and return the one-time recovery code."""
    errors = clean_new_account(username, passphrase)
    if errors:
        raise ValidationError(errors)
    user = User(username=username)
    user.set_password(passphrase)
    try:
        with transaction.atomic():
            if User.objects.filter(username_key=username.casefold()).exists():
                raise IntegrityError
            user.save()
            data_key, code = vault_services.create_keys(user, passphrase)
            audit.record("auth.signup", subject=user, actor=user)
    except IntegrityError:
        raise ValidationError(
            {"username": [_("That username is not available. Please choose another one.")]}
        ) from None
    _start_session(request, user, data_key)
    return SignUpResult(user=user, recovery_code=code)


def sign_in(request: HttpRequest, username: str, passphrase: str) -> User:
    """Check the passphrase (with throttling) and open a session with the unlocked vault."""
    address = throttle.client_address(request)
    wait = throttle.check(username, address)
    if wait is not None:
        raise SignInRefused(
            _("Please wait %(seconds)d seconds, then try again.") % {"seconds": wait.seconds},
            wait_seconds=wait.seconds,
        )
    user = authenticate(request, username=username.casefold(), password=passphrase)
    data_key = None
    if isinstance(user, User):
        data_key = vault_services.unlock_with_passphrase(user, passphrase)
    if not isinstance(user, User) or data_key is None:
        throttle.record_failure(username, address)
        existing = User.objects.filter(username_key=username.casefold()).only("pk").first()
        if existing is not None:
            audit.record("auth.login_failed", subject=existing)
        raise SignInRefused(_("That username and passphrase do not match. Please try again."))
    throttle.record_success(username, address)
    _start_session(request, user, data_key)
    audit.record("auth.login", subject=user, actor=user)
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


def _start_session(request: HttpRequest, user: User, data_key: bytes) -> None:
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


def unlock(request: HttpRequest, passphrase: str) -> bool:
    """Open the vault again for a signed-in session that lost its key material."""
    user = request.user
    assert isinstance(user, User)
    address = throttle.client_address(request)
    wait = throttle.check(user.username, address)
    if wait is not None:
        raise SignInRefused(
            _("Please wait %(seconds)d seconds, then try again.") % {"seconds": wait.seconds},
            wait_seconds=wait.seconds,
        )
    data_key = vault_services.unlock_with_passphrase(user, passphrase) if user.check_password(
        passphrase
    ) else None
    if data_key is None:
        throttle.record_failure(user.username, address)
        audit.record("auth.login_failed", subject=user)
        return False
    throttle.record_success(user.username, address)
    open_vault_session(request, user, data_key)
    audit.record("auth.unlocked", subject=user, actor=user)
    return True


def check_passphrase(user: User, passphrase: str) -> bytes | None:
    """Re-check the passphrase before a sensitive action; return the data key if right."""
    if not user.check_password(passphrase):
        return None
    return vault_services.unlock_with_passphrase(user, passphrase)


def end_current_session(request: HttpRequest) -> None:
    if request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()
    close_vault_session(request)


def sign_out(request: HttpRequest) -> None:
    user = request.user
    if user.is_authenticated:
        audit.record("auth.logout", subject=user, actor=user)
    end_current_session(request)
    logout(request)


def active_sessions(user: User) -> list[UserSession]:
    """The person's sessions that still exist, newest first; stale records are tidied away."""
    rows = list(UserSession.objects.filter(user=user).order_by("-last_seen_at"))
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
    Session.objects.filter(session_key=row.session_key).delete()
    row.delete()
    audit.record("auth.session_ended", subject=user, actor=user)
    return True


def end_other_sessions(user: User, current_key: str | None) -> int:
    rows = UserSession.objects.filter(user=user).exclude(session_key=current_key or "")
    keys = list(rows.values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    count, _ = rows.delete()
    audit.record("auth.other_sessions_ended", subject=user, actor=user, detail={"count": count})
    return count


def set_idle_timeout(user: User, minutes: int) -> None:
    user.idle_timeout_minutes = minutes
    user.save(update_fields=["idle_timeout_minutes"])
    audit.record(
        "security.idle_timeout_changed", subject=user, actor=user, detail={"minutes": minutes}
    )


def set_email(user: User, email: str) -> None:
    user.email = email
    user.save(update_fields=["email"])
    audit.record("security.email_changed", subject=user, actor=user)


def delete_account(request: HttpRequest, user: User) -> None:
    """Crypto-shred the person's data, then remove the account and end every session."""
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    with transaction.atomic():
        vault_services.shred(user)
        Session.objects.filter(session_key__in=keys).delete()
        audit.record("auth.account_deleted", subject_id=user.pk)
        user.delete()
    close_vault_session(request)
    logout(request)
