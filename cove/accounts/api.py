"""Account operations: CSRF cookie, sign up/in/out, sessions, re-auth, and the credential flows.

Passphrase change, recovery, emergency reset, deletion and export are the same flows the
pages use (cove.accounts.credentials). A wrong passphrase answers 403 (401 at sign-in), a
throttled one 429 with Retry-After, unusable input 422 (docs/api.md).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from ninja.utils import check_csrf
from pydantic import Field

from cove.accounts import credentials, presence, services
from cove.accounts.models import User
from cove.accounts.passphrase import MAX_LENGTH
from cove.core import policy
from cove.core.http import CoveRequest, LockedRequest
from cove.core.paging import Paging

PREFIX = "/"
router = Router()
AUTH = ["auth"]
PRIVACY = ["privacy"]


class Credentials(Schema):
    username: str = Field(max_length=40)
    passphrase: str = Field(max_length=MAX_LENGTH)


class SignUpOut(Schema):
    username: str
    recovery_code: str


class Me(Schema):
    username: str
    # The idle limit in effect: the site's default or the shorter one the person chose.
    idle_timeout_minutes: float


def _me_out(user: User) -> dict[str, Any]:
    return {"username": user.username,
            "idle_timeout_minutes": presence.idle_limit_seconds(user) / 60}


class Message(Schema):
    detail: str


class PassphraseIn(Schema):
    passphrase: str = Field(max_length=MAX_LENGTH)


class SessionOut(Schema):
    id: int
    device: str
    created_at: str
    last_seen_at: str
    current: bool


class ChangePassphraseIn(Schema):
    current: str = Field(max_length=MAX_LENGTH)
    new: str = Field(max_length=MAX_LENGTH)


class RecoverIn(Schema):
    username: str = Field(max_length=40)
    recovery_code: str = Field(max_length=80)
    new_passphrase: str = Field(max_length=MAX_LENGTH)


class RecoveryCodeOut(Schema):
    recovery_code: str


class ResetOut(Schema):
    recovery_code: str
    calendar_url: str | None = Field(
        None, description="The new private calendar address, if you had one (shown once).")


REFUSED: dict[int, Any] = {401: Message, 403: Message, 409: Message, 422: dict, 429: Message,
                           503: Message}


def _csrf_failed(request: HttpRequest) -> HttpResponse | None:
    if check_csrf(request) is not None:
        return JsonResponse({"detail": "CSRF check failed. Get a token from GET /api/v1/auth/csrf "
                             "and send it in the X-CSRFToken header."}, status=403)
    return None


@router.get("/auth/csrf", response={200: dict}, auth=None, tags=AUTH,
            summary="Set the CSRF cookie")
@policy.public
def csrf(request: HttpRequest) -> dict[str, str]:
    return {"csrf_token": get_token(request)}


@router.post("/auth/signup", response={201: SignUpOut, **REFUSED}, auth=None, tags=AUTH,
             summary="Make an account; returns the one-time recovery code")
@policy.public
@transaction.non_atomic_requests
def signup(request: HttpRequest, payload: Credentials) -> Any:
    failed = _csrf_failed(request)
    if failed:
        return failed
    result = services.sign_up(request, payload.username, payload.passphrase)
    return Status(201, {"username": result.user.username, "recovery_code": result.recovery_code})


@router.post("/auth/login", response={200: Me, **REFUSED}, auth=None, tags=AUTH,
             summary="Sign in")
@policy.public
@transaction.non_atomic_requests
def login(request: HttpRequest, payload: Credentials) -> Any:
    failed = _csrf_failed(request)
    if failed:
        return failed
    user = services.sign_in(request, payload.username, payload.passphrase)
    return Status(200, _me_out(user))


@router.post("/auth/logout", response={204: None}, auth=django_auth, tags=AUTH, summary="Sign out")
@policy.signed_in_locked
def logout(request: LockedRequest) -> Any:
    services.sign_out(request)
    return Status(204, None)


@router.get("/auth/me", response=Me, auth=django_auth, tags=AUTH, summary="Who is signed in")
@policy.signed_in_locked
def me(request: LockedRequest) -> Any:
    return _me_out(request.person)


@router.post("/auth/reauth", response={204: None, **REFUSED}, auth=django_auth, tags=AUTH,
             summary="Confirm the passphrase before export, deletion or sharing (5 minutes)")
@policy.signed_in
@transaction.non_atomic_requests
def reauth(request: CoveRequest, payload: PassphraseIn) -> Any:
    credentials.reauthenticate(request, payload.passphrase)
    return Status(204, None)


@router.get("/auth/sessions", response=list[SessionOut], auth=django_auth, tags=AUTH,
            summary="Your sessions")
@policy.signed_in_locked
def sessions(request: LockedRequest, paging: Query[Paging]) -> Any:
    current = request.session.session_key
    return [
        {"id": s.pk, "device": s.device, "created_at": s.created_at.isoformat(),
         "last_seen_at": s.last_seen_at.isoformat(), "current": s.session_key == current}
        for s in paging.slice(services.active_sessions(request.person))
    ]


@router.post("/auth/sessions/{session_id}/end", response={204: None, 404: Message},
             auth=django_auth, tags=AUTH, summary="End one of your other sessions")
@policy.signed_in_locked
def end_session(request: LockedRequest, session_id: int) -> Any:
    if not services.end_session(request.person, session_id, request.session.session_key):
        return Status(404, {"detail": "Not found."})
    return Status(204, None)


@router.post("/auth/sessions/end-others", response={200: dict}, auth=django_auth, tags=AUTH,
             summary="End every session but this one")
@policy.signed_in_locked
def end_others(request: LockedRequest) -> Any:
    return {"ended": services.end_other_sessions(request.person, request.session.session_key)}


@router.get("/export", response={200: dict, 403: Message}, auth=django_auth, tags=PRIVACY,
            summary="Everything you own, decrypted (schema cove-export v1)")
@policy.signed_in
def export(request: CoveRequest) -> Any:
    return credentials.export_document(request)


@router.post("/account/passphrase", response={204: None, **REFUSED}, auth=django_auth,
             tags=PRIVACY, summary="Change your passphrase (re-wraps your key only; a calendar "
             "address you had is replaced)")
@policy.signed_in
@transaction.non_atomic_requests
def change_passphrase(request: CoveRequest, payload: ChangePassphraseIn) -> Any:
    credentials.change_passphrase(request, payload.current, payload.new)
    return Status(204, None)


@router.post("/account/recover", response={200: RecoveryCodeOut, **REFUSED}, auth=None,
             tags=PRIVACY, summary="Set a new passphrase with the recovery code; returns a new code")
@policy.public
@transaction.non_atomic_requests
def recover(request: HttpRequest, payload: RecoverIn) -> Any:
    if check_csrf(request) is not None:
        return Status(403, {"detail": "CSRF check failed."})
    code = credentials.recover(request, payload.username, payload.recovery_code,
                               payload.new_passphrase, new_field="new_passphrase")
    return Status(200, {"recovery_code": code})


@router.post("/account/emergency-reset", response={200: ResetOut, **REFUSED}, auth=django_auth,
             tags=PRIVACY,
             summary="Stop all sharing, end other sessions, new keys, recovery code and calendar")
@policy.signed_in
@transaction.non_atomic_requests
def emergency_reset(request: CoveRequest, payload: PassphraseIn) -> Any:
    done = credentials.emergency_reset(request, payload.passphrase)
    url = (request.build_absolute_uri(reverse("progress:feed", args=[done.calendar_token]))
           if done.calendar_token else None)
    return Status(200, {"recovery_code": done.recovery_code, "calendar_url": url})


@router.post("/account/delete", response={204: None, **REFUSED}, auth=django_auth, tags=PRIVACY,
             summary="Delete your account and crypto-shred everything you own")
@policy.signed_in
@transaction.non_atomic_requests
def delete(request: CoveRequest, payload: PassphraseIn) -> Any:
    credentials.delete_account(request, payload.passphrase)
    return Status(204, None)
