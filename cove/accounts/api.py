"""Account operations: CSRF cookie, sign up, sign in, sign out, sessions, re-auth."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from ninja import Router, Schema, Status
from ninja.security import django_auth
from ninja.utils import check_csrf
from pydantic import Field

from cove.accounts import presence, services
from cove.accounts.models import User
from cove.accounts.passphrase import MAX_LENGTH
from cove.audit import services as audit
from cove.core import policy
from cove.vault.sessions_reauth import mark_reauthenticated

PREFIX = "/auth/"
router = Router(tags=["auth"])


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


def _csrf_failed(request: HttpRequest) -> HttpResponse | None:
    failure = check_csrf(request)
    if failure is not None:
        return JsonResponse({"detail": "CSRF check failed. Get a token from GET /api/v1/auth/csrf "
                             "and send it in the X-CSRFToken header."}, status=403)
    return None


@router.get("/csrf", response={200: dict}, auth=None, summary="Set the CSRF cookie")
@policy.public
def csrf(request: HttpRequest) -> dict[str, str]:
    return {"csrf_token": get_token(request)}


@router.post("/signup", response={201: SignUpOut, 403: Message, 422: dict}, auth=None,
             summary="Make an account; returns the one-time recovery code")
@policy.public
def signup(request: HttpRequest, payload: Credentials) -> Any:
    failed = _csrf_failed(request)
    if failed:
        return failed
    try:
        result = services.sign_up(request, payload.username, payload.passphrase)
    except ValidationError as exc:
        return Status(422, {
            "detail": "Some of what was sent could not be used.",
            "errors": [
                {"loc": ["body", "payload", field], "msg": message}
                for field, messages in exc.message_dict.items()
                for message in messages
            ],
        })
    return Status(201, {"username": result.user.username, "recovery_code": result.recovery_code})


@router.post("/login", response={200: Me, 401: Message, 403: Message, 429: Message}, auth=None,
             summary="Sign in")
@policy.public
def login(request: HttpRequest, payload: Credentials) -> Any:
    failed = _csrf_failed(request)
    if failed:
        return failed
    try:
        user = services.sign_in(request, payload.username, payload.passphrase)
    except services.SignInRefused as refused:
        if refused.wait_seconds:
            response = JsonResponse({"detail": refused.message}, status=429)
            response["Retry-After"] = str(refused.wait_seconds)
            return response
        return Status(401, {"detail": refused.message})
    return Status(200, _me_out(user))


@router.post("/logout", response={204: None}, auth=django_auth, summary="Sign out")
@policy.signed_in_locked
def logout(request: HttpRequest) -> Any:
    services.sign_out(request)
    return Status(204, None)


@router.get("/me", response=Me, auth=django_auth, summary="Who is signed in")
@policy.signed_in_locked
def me(request: HttpRequest) -> Any:
    user = request.user
    assert isinstance(user, User)
    return _me_out(user)


@router.post("/reauth", response={204: None, 403: Message}, auth=django_auth,
             summary="Confirm the passphrase before export, deletion or sharing (5 minutes)")
@policy.signed_in
def reauth(request: HttpRequest, payload: PassphraseIn) -> Any:
    user = request.user
    assert isinstance(user, User)
    if services.check_passphrase(user, payload.passphrase) is None:
        audit.record("auth.login_failed", subject=user)
        return Status(403, {"detail": "That passphrase does not match."})
    mark_reauthenticated(request)
    return Status(204, None)


@router.get("/sessions", response=list[SessionOut], auth=django_auth, summary="Your sessions")
@policy.signed_in_locked
def sessions(request: HttpRequest) -> Any:
    user = request.user
    assert isinstance(user, User)
    current = request.session.session_key
    return [
        {"id": s.pk, "device": s.device, "created_at": s.created_at.isoformat(),
         "last_seen_at": s.last_seen_at.isoformat(), "current": s.session_key == current}
        for s in services.active_sessions(user)
    ]


@router.post("/sessions/{session_id}/end", response={204: None, 404: Message}, auth=django_auth,
             summary="End one of your other sessions")
@policy.signed_in_locked
def end_session(request: HttpRequest, session_id: int) -> Any:
    user = request.user
    assert isinstance(user, User)
    if not services.end_session(user, session_id, request.session.session_key):
        return Status(404, {"detail": "Not found."})
    return Status(204, None)


@router.post("/sessions/end-others", response={200: dict}, auth=django_auth,
             summary="End every session but this one")
@policy.signed_in_locked
def end_others(request: HttpRequest) -> Any:
    user = request.user
    assert isinstance(user, User)
    return {"ended": services.end_other_sessions(user, request.session.session_key)}
