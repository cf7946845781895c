"""Sharing operations: share an area, stop sharing, read what others share, the access log.

The credential operations (passphrase, recovery, emergency reset, deletion, export) are
flows of the accounts app (cove/accounts/api.py); the vault app stays below accounts and
finds people through the user model's one lookup, `User.objects.find()`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.http import JsonResponse
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from cove.audit import receipts
from cove.audit import services as audit
from cove.core import policy
from cove.core.http import CoveRequest, LockedRequest
from cove.core.paging import Paging
from cove.vault import areas, repair, services
from cove.vault.export import shared_as_dict
from cove.vault.sessions_reauth import recently_reauthenticated
from cove.vault.sharing import grants_given, grants_received, shared_records

PREFIX = "/"
router = Router(tags=["privacy"])


def _find(username: str) -> Any:
    return get_user_model().objects.find(username)


class Message(Schema):
    detail: str


class GrantIn(Schema):
    username: str = Field(max_length=40)
    area: str = Field(max_length=32)


class GrantOut(Schema):
    area: str
    username: str
    since: str


def _reauth_needed() -> JsonResponse:
    return JsonResponse(
        {"detail": "Please confirm your passphrase first (POST /api/v1/auth/reauth)."}, status=403
    )


@router.get("/sharing/grants", response=list[GrantOut], auth=django_auth,
            summary="Areas you share, and with whom")
@policy.signed_in
def list_grants(request: CoveRequest, paging: Query[Paging]) -> Any:
    return [{"area": g.area, "username": g.grantee.username, "since": g.created_at.isoformat()}
            for g in paging.slice(grants_given(request.person))]


@router.post("/sharing/grants", response={201: GrantOut, 403: Message, 404: Message,
                                          422: Message}, auth=django_auth,
             summary="Share one area with another account")
@policy.signed_in
def add_grant(request: CoveRequest, payload: GrantIn) -> Any:
    if not recently_reauthenticated(request):
        return _reauth_needed()
    if payload.area not in areas.SHAREABLE:
        return Status(422, {"detail": "That area cannot be shared."})
    grantee = _find(payload.username)
    if grantee is None or grantee.pk == request.person.pk:
        return Status(404, {"detail": "Not found."})
    services.grant_area(request.vault, grantee, payload.area)
    return Status(201, {"area": payload.area, "username": grantee.username, "since": ""})


@router.post("/sharing/grants/revoke", response={204: None}, auth=django_auth,
             summary="Stop sharing one area with one account (silent to them)")
@policy.signed_in
def revoke_grant(request: CoveRequest, payload: GrantIn) -> Any:
    grantee = _find(payload.username)
    if grantee is not None:
        services.revoke_area(request.vault, grantee.pk, payload.area)
    return Status(204, None)


@router.get("/sharing/received", response=list[GrantOut], auth=django_auth,
            summary="Areas other people share with you")
@policy.signed_in
def list_received(request: CoveRequest, paging: Query[Paging]) -> Any:
    return [{"area": g.area, "username": g.owner.username, "since": g.created_at.isoformat()}
            for g in paging.slice(grants_received(request.person))]


@router.get("/sharing/from/{username}/{area}", response={200: list[dict], 404: Message},
            auth=django_auth, summary="Read an area someone shares with you (logged for them)")
@policy.grantee("any")
def read_shared(request: CoveRequest, username: str, area: str) -> Any:
    owner = _find(username)
    if owner is None:
        return Status(404, {"detail": "Not found."})
    records = shared_records(request.vault, owner, area)
    return [{"kind": r._meta.label_lower, **shared_as_dict(r)} for r in records]


@router.get("/sharing/access-log", response=list[dict], auth=django_auth,
            summary="Who viewed what you share, and when")
@policy.signed_in_locked
def access_log(request: LockedRequest, paging: Query[Paging]) -> Any:
    events = paging.slice(audit.events_for(request.person).filter(kind="shared.read"))
    # One row per look: `areas` names every area read (`area` is the first, for older clients).
    return [{"when": e.created_at.isoformat(), "who": e.detail.get("reader", ""),
             "area": e.detail.get("area", ""), "areas": list(receipts.areas_of(e.detail)),
             "items": e.detail.get("items", 0), "what": e.detail.get("what", "")}
            for e in events]




class UnreadableOut(Schema):
    kind: str
    id: str
    created_at: str


class UnreadableIn(Schema):
    kind: str = Field(max_length=100)
    id: str = Field(max_length=40)


@router.get("/vault/unreadable", response=list[UnreadableOut], auth=django_auth,
            summary="Your items that no longer open (damaged), oldest first")
@policy.signed_in
def list_unreadable(request: CoveRequest) -> Any:
    return [{"kind": i.kind, "id": str(i.id), "created_at": i.created_at.isoformat()}
            for i in repair.unreadable_items(request.vault)]


@router.post("/vault/unreadable/remove", response={204: None, 404: Message}, auth=django_auth,
             summary="Remove one of your items that no longer opens")
@policy.signed_in
def remove_unreadable(request: CoveRequest, payload: UnreadableIn) -> Any:
    repair.remove_unreadable(request.vault, payload.kind, payload.id)
    return Status(204, None)
