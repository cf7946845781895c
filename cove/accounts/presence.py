"""Presence: how long a signed-in session stays open without use, and what happens after.

A session that has not been used for the idle limit *locks*: the sealed copy of the data
key is dropped (so nothing can be read or written until the passphrase is entered again),
but the session itself stays, so a form sent after the limit is carried through the
unlock page instead of being lost behind a sign-in. The absolute lifetime still signs the
session out. Typing, practising and reading count as use: the page sends a light
heartbeat (`presence_views.heartbeat`) that carries no content.

The limit is the site's `COVE_IDLE_TIMEOUT_MINUTES`, or the shorter one a person chose.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import ngettext

from cove.accounts.models import IDLE_TIMEOUT_MINUTES, UserSession
from cove.accounts.services import SESSION_SEEN, SESSION_STARTED, end_current_session
from cove.audit import services as audit
from cove.vault.session import SESSION_FIELD, close_vault_session
from cove.vault.sessions_reauth import REAUTH_FIELD

# Set while a session is locked for being idle (or locked from the page); cleared when the
# vault is opened again. Only unlocking and signing out work while it is set.
LOCKED_AT = "cove_locked_at"

# The longest gap between writes of "last seen": the limit is exact to within this.
MAX_SEEN_WRITE_SECONDS = 30.0
# How long before the limit the page offers "Stay signed in".
MAX_WARNING_SECONDS = 60.0


def site_idle_minutes() -> float:
    return float(settings.COVE_IDLE_TIMEOUT_MINUTES)


def idle_limit_seconds(user: object) -> float:
    """The person's idle limit: the site's default, or the shorter one they chose."""
    site = site_idle_minutes()
    chosen = getattr(user, "idle_timeout_minutes", None)
    return (min(site, float(chosen)) if chosen else site) * 60


def warning_seconds(limit: float) -> float:
    return min(MAX_WARNING_SECONDS, limit / 3)


def seen_write_seconds(limit: float) -> float:
    return min(MAX_SEEN_WRITE_SECONDS, limit / 10)


def _minutes(value: float) -> str:
    return f"{value:g}"


def idle_choices() -> list[tuple[str, str]]:
    """The site's default first (stored as no choice), then each shorter limit."""
    site = site_idle_minutes()
    usual = ngettext("After %(n)s minute (the usual)", "After %(n)s minutes (the usual)",
                     max(1, round(site))) % {"n": _minutes(site)}
    shorter = [(str(m), ngettext("After %(n)s minute", "After %(n)s minutes", m) % {"n": m})
               for m in IDLE_TIMEOUT_MINUTES if m < site]
    return [("", usual), *shorter]


def _stamp(request: HttpRequest, key: str) -> datetime | None:
    value = request.session.get(key)
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def is_locked(request: HttpRequest) -> bool:
    return LOCKED_AT in request.session


def past_absolute_limit(request: HttpRequest) -> bool:
    started = _stamp(request, SESSION_STARTED)
    if started is None:
        return True
    return timezone.now() - started > timedelta(hours=settings.COVE_SESSION_MAX_HOURS)


def seconds_left(request: HttpRequest) -> float:
    """Seconds until this session locks for being idle (0 when it already should)."""
    seen = _stamp(request, SESSION_SEEN)
    if seen is None:
        return 0.0
    limit = idle_limit_seconds(request.user)
    return max(0.0, limit - (timezone.now() - seen).total_seconds())


def leave_quickly(request: HttpRequest) -> None:
    """"Leave quickly": end this session at once (the page has already gone)."""
    user = request.user
    if user.is_authenticated:
        audit.record("auth.quick_exit", subject=user, actor=user)
        end_current_session(request)
        logout(request)


def end_for_age(request: HttpRequest) -> None:
    """Sign out a session that has lived past its absolute lifetime."""
    end_current_session(request)
    logout(request)


def lock(request: HttpRequest) -> None:
    """Drop the key material but keep the session: the passphrase opens it again."""
    close_vault_session(request)
    request.session.pop(REAUTH_FIELD, None)
    request.session[LOCKED_AT] = timezone.now().isoformat()


def guard(request: HttpRequest) -> None:
    """Apply the limits to a signed-in request before its view runs, then count it as use."""
    if past_absolute_limit(request):
        end_for_age(request)
        return
    if is_locked(request):
        return
    if SESSION_FIELD in request.session and seconds_left(request) <= 0:
        lock(request)
        return
    touch(request)


def touch(request: HttpRequest) -> None:
    """Count this request as use; write at most every few seconds to spare the database."""
    now = timezone.now()
    seen = _stamp(request, SESSION_SEEN)
    every = seen_write_seconds(idle_limit_seconds(request.user))
    if seen is not None and (now - seen).total_seconds() < every:
        return
    request.session[SESSION_SEEN] = now.isoformat()
    if request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).update(
            last_seen_at=now
        )


def opened(request: HttpRequest) -> None:
    """The vault was opened in this request (sign-in, unlock): the idle clock starts again."""
    request.session.pop(LOCKED_AT, None)
    request.session[SESSION_SEEN] = timezone.now().isoformat()
