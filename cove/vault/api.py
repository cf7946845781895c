"""Privacy operations: export, sharing, passphrase, recovery, emergency reset, deletion."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, JsonResponse
from ninja import Router, Schema, Status
from ninja.security import django_auth
from ninja.utils import check_csrf
from pydantic import Field

from cove.accounts import services as accounts
from cove.accounts import throttle
from cove.accounts.models import User
from cove.accounts.passphrase import MAX_LENGTH
from cove.audit import services as audit
from cove.core import policy
from cove.vault import areas, services
from cove.vault.export import build_export, record_as_dict
from cove.vault.sessions_reauth import recently_reauthenticated
from cove.vault.sharing import grants_given, grants_received, shared_records

PREFIX = "/"
router = Router(tags=["privacy"])


class Message(Schema):
    detail: str


class GrantIn(Schema):
    username: str = Field(max_length=40)
    area: str = Field(max_length=32)


class GrantOut(Schema):
    area: str
    username: str
    since: str


class ChangePassphraseIn(Schema):
    current: str = Field(max_length=MAX_LENGTH)
    new: str = Field(max_length=MAX_LENGTH)


class RecoverIn(Schema):
    username: str = Field(max_length=40)
    recovery_code: str = Field(max_length=80)
    new_passphrase: str = Field(max_length=MAX_LENGTH)


class PassphraseIn(Schema):
    passphrase: str = Field(max_length=MAX_LENGTH)


class RecoveryCodeOut(Schema):
    recovery_code: str


def _me(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _reauth_needed() -> JsonResponse:
    return JsonResponse(
        {"detail": "Please confirm your passphrase first (POST /api/v1/auth/reauth)."}, status=403
    )


@router.get("/export", response={200: dict, 403: Message}, auth=django_auth,
            summary="Everything you own, decrypted (schema cove-export v1)")
@policy.signed_in
def export(request: HttpRequest) -> Any:
    if not recently_reauthenticated(request):
        return _reauth_needed()
    audit.record("security.export", subject=_me(request), actor=_me(request))
    return build_export(request.vault)  # type: ignore[attr-defined]


@router.get("/sharing/grants", response=list[GrantOut], auth=django_auth,
            summary="Areas you share, and with whom")
@policy.signed_in
def list_grants(request: HttpRequest) -> Any:
    return [{"area": g.area, "username": g.grantee.username, "since": g.created_at.isoformat()}
            for g in grants_given(_me(request))]


@router.post("/sharing/grants", response={201: GrantOut, 403: Message, 404: Message,
                                          422: Message}, auth=django_auth,
             summary="Share one area with another account")
@policy.signed_in
def add_grant(request: HttpRequest, payload: GrantIn) -> Any:
    if not recently_reauthenticated(request):
        return _reauth_needed()
    if payload.area not in areas.SHAREABLE:
        return Status(422, {"detail": "That area cannot be shared."})
    grantee = User.objects.filter(username_key=payload.username.casefold()).first()
    if grantee is None or grantee.pk == request.user.pk:
        return Status(404, {"detail": "Not found."})
    services.grant_area(request.vault, grantee, payload.area)  # type: ignore[attr-defined]
    return Status(201, {"area": payload.area, "username": grantee.username, "since": ""})


@router.post("/sharing/grants/revoke", response={204: None}, auth=django_auth,
             summary="Stop sharing one area with one account (silent to them)")
@policy.signed_in
def revoke_grant(request: HttpRequest, payload: GrantIn) -> Any:
    grantee = User.objects.filter(username_key=payload.username.casefold()).first()
    if grantee is not None:
        services.revoke_area(request.vault, grantee.pk, payload.area)  # type: ignore[attr-defined]
    return Status(204, None)


@router.get("/sharing/received", response=list[GrantOut], auth=django_auth,
            summary="Areas other people share with you")
@policy.signed_in
def list_received(request: HttpRequest) -> Any:
    return [{"area": g.area, "username": g.owner.username, "since": g.created_at.isoformat()}
            for g in grants_received(_me(request))]


@router.get("/sharing/from/{username}/{area}", response={200: list[dict], 404: Message},
            auth=django_auth, summary="Read an area someone shares with you (logged for them)")
@policy.grantee("any")
def read_shared(request: HttpRequest, username: str, area: str) -> Any:
    owner = User.objects.filter(username_key=username.casefold()).first()
    if owner is None:
        return Status(404, {"detail": "Not found."})
    records = shared_records(request.vault, owner, area)  # type: ignore[attr-defined]
    return [{"kind": r._meta.label_lower, **record_as_dict(r)} for r in records]


@router.get("/sharing/access-log", response=list[dict], auth=django_auth,
            summary="Who viewed what you share, and when")
@policy.signed_in_locked
def access_log(request: HttpRequest) -> Any:
    events = audit.events_for(_me(request)).filter(kind="shared.read")[:200]
    return [{"when": e.created_at.isoformat(), "who": e.detail.get("reader", ""),
             "area": e.detail.get("area", ""), "items": e.detail.get("items", 0)} for e in events]


@router.post("/account/passphrase", response={204: None, 403: Message, 422: dict},
             auth=django_auth, summary="Change your passphrase (re-wraps your key only)")
@policy.signed_in
def change_passphrase(request: HttpRequest, payload: ChangePassphraseIn) -> Any:
    user = _me(request)
    data_key = accounts.check_passphrase(user, payload.current)
    if data_key is None:
        return Status(403, {"detail": "That is not your current passphrase."})
    errors = accounts.clean_new_account(user.username, payload.new)
    if "passphrase" in errors:
        return Status(422, {"detail": "The new passphrase cannot be used.",
                     "errors": [{"loc": ["body", "payload", "new"], "msg": m}
                                for m in errors["passphrase"]]})
    from cove.vault.views import apply_new_passphrase

    apply_new_passphrase(request, user, data_key, payload.new)
    return Status(204, None)


@router.post("/account/recover", response={200: RecoveryCodeOut, 403: Message, 422: dict,
                                           429: Message}, auth=None,
             summary="Set a new passphrase with the recovery code; returns a new code")
@policy.public
def recover(request: HttpRequest, payload: RecoverIn) -> Any:
    if check_csrf(request) is not None:
        return Status(403, {"detail": "CSRF check failed."})
    address = throttle.client_address(request)
    wait = throttle.check("recover:" + payload.username, address)
    if wait is not None:
        return Status(429, {"detail": f"Please wait {wait.seconds} seconds, then try again."})
    user = User.objects.filter(username_key=payload.username.casefold()).first()
    data_key = services.unlock_with_recovery_code(user, payload.recovery_code) if user else None
    if user is None or data_key is None:
        throttle.record_failure("recover:" + payload.username, address)
        return Status(403, {"detail": "That username and recovery code do not match."})
    errors = accounts.clean_new_account(user.username, payload.new_passphrase)
    if "passphrase" in errors:
        return Status(422, {"detail": "The new passphrase cannot be used.",
                     "errors": [{"loc": ["body", "payload", "new_passphrase"], "msg": m}
                                for m in errors["passphrase"]]})
    throttle.record_success("recover:" + payload.username, address)
    from cove.vault.views import _finish_recovery

    return Status(200, {"recovery_code": _finish_recovery(request, user, data_key,
                                                   payload.new_passphrase)})


@router.post("/account/emergency-reset", response={200: RecoveryCodeOut, 403: Message},
             auth=django_auth,
             summary="Stop all sharing, end other sessions, new keys and recovery code")
@policy.signed_in
def emergency_reset(request: HttpRequest, payload: PassphraseIn) -> Any:
    user = _me(request)
    data_key = accounts.check_passphrase(user, payload.passphrase)
    if data_key is None:
        return Status(403, {"detail": "That passphrase does not match."})
    from cove.vault.views import emergency_reset_action

    return Status(200, {"recovery_code": emergency_reset_action(request, user, data_key,
                                                         payload.passphrase)})


@router.post("/account/delete", response={204: None, 403: Message}, auth=django_auth,
             summary="Delete your account and crypto-shred everything you own")
@policy.signed_in
def delete(request: HttpRequest, payload: PassphraseIn) -> Any:
    user = _me(request)
    if accounts.check_passphrase(user, payload.passphrase) is None:
        return Status(403, {"detail": "That passphrase does not match."})
    try:
        accounts.delete_account(request, user)
    except ValidationError:  # pragma: no cover - nothing in deletion validates input
        return Status(403, {"detail": "Could not delete."})
    return Status(204, None)
