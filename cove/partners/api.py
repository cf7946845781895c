"""Partner operations (tag `partners`), on the same services as the pages.

Linking: make a code, use one, confirm, leave (silent to the other). Sharing by part:
choose what one partner sees, read the exact preview, read what a partner shows you.
Safety Check: stop every share and link at once. Nothing here reports another person's
activity: no "last seen", no read receipts, no counts of their entries.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.db import transaction
from django.urls import reverse
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import ConfigDict, Field

from cove.core import policy
from cove.core.http import CoveRequest
from cove.core.paging import Paging
from cove.partners import services, sharing
from cove.partners.models import PART_OF_AREA, LinkState, SharePart
from cove.partners.public import active_links, get_active_link_or_404, other_member

PREFIX = "/partners/"
router = Router(tags=["partners"])


class Message(Schema):
    detail: str


ERRORS: dict[int, Any] = {404: Message, 409: dict, 422: dict}


class InvitationOut(Schema):
    id: UUID
    expires_at: datetime


class NewInvitationOut(InvitationOut):
    code: str = Field(description="Shown once; only a keyed digest is kept.")
    join_url: str = Field(description="Opens the join page with the code in the #fragment.")


class RedeemIn(Schema):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(max_length=20)


class LinkOut(Schema):
    id: UUID
    partner: str
    state: LinkState
    you_confirmed: bool


class SharingIn(Schema):
    model_config = ConfigDict(extra="forbid")
    parts: list[SharePart] = Field(default_factory=list, max_length=10)
    history: bool = False
    steps: list[str] = Field(default_factory=list, max_length=200)
    plan_parts: list[str] = Field(default_factory=list, max_length=10)
    contacts: list[str] = Field(default_factory=list, max_length=200)
    version: int | None = Field(default=None, description="Omit to keep whatever is saved.")


class SharingOut(Schema):
    parts: list[SharePart]
    history: bool
    steps: list[str]
    plan_parts: list[str]
    contacts: list[str]
    version: int | None


class SnapshotOut(Schema):
    part: SharePart
    label: str
    content: dict[str, Any]


class ReceiptOut(Schema):
    links_ended: int
    partner_shares_stopped: int
    other_shares_stopped: int
    people: int
    sessions_ended: int
    calendar_replaced: bool
    calendar_token: str | None = Field(description="The new calendar token, shown once.")


def _link_out(link: Any, request: CoveRequest) -> dict[str, Any]:
    me = request.person
    return {"id": link.pk, "partner": other_member(link, me).username, "state": link.state,
            "you_confirmed": link.confirmed_by(me.pk)}


def _snapshots(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"part": s["part"], "label": str(s["label"]), "content": s["content"]} for s in found]


@router.post("/invitations", response={201: NewInvitationOut}, auth=django_auth,
             summary="Make a single-use code for someone to link with you (24 hours)")
@policy.signed_in
def make_invitation(request: CoveRequest) -> Any:
    made = services.create_invitation(request.person)
    join_url = request.build_absolute_uri(reverse("partners:join")) + "#" + made.code
    return Status(201, {"id": made.invitation.pk, "expires_at": made.invitation.expires_at,
                        "code": made.code, "join_url": join_url})


@router.get("/invitations", response=list[InvitationOut], auth=django_auth,
            summary="Your codes not used yet")
@policy.signed_in
def list_invitations(request: CoveRequest, paging: Query[Paging]) -> Any:
    return [{"id": i.pk, "expires_at": i.expires_at}
            for i in paging.slice(services.open_invitations(request.person))]


@router.delete("/invitations/{invitation_id}", response={204: None, 404: Message},
               auth=django_auth, summary="Stop a code before it is used")
@policy.signed_in
def cancel_invitation(request: CoveRequest, invitation_id: UUID) -> Any:
    services.cancel_invitation(request.person, invitation_id)
    return Status(204, None)


@router.post("/redeem", response={201: LinkOut, 422: dict, 429: Message}, auth=django_auth,
             summary="Use someone's code: a link you both then confirm")
@policy.signed_in
@transaction.non_atomic_requests  # a wrong code's counted try must outlive the refusal
def redeem(request: CoveRequest, payload: RedeemIn) -> Any:
    link = services.redeem_invitation(request.person, payload.code)
    return Status(201, _link_out(link, request))


@router.get("/links", response=list[LinkOut], auth=django_auth,
            summary="Your links, waiting or active")
@policy.signed_in
def list_links(request: CoveRequest, paging: Query[Paging]) -> Any:
    me = request.person
    links = services.pending_links(me) + active_links(me)
    return [_link_out(link, request) for link in paging.slice(links)]


@router.post("/links/{link_id}/confirm", response={200: LinkOut, 404: Message},
             auth=django_auth, summary="Confirm a link; it starts when you both have")
@policy.signed_in
def confirm_link(request: CoveRequest, link_id: UUID) -> Any:
    return _link_out(services.confirm_link(request.person, link_id), request)


@router.delete("/links/{link_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Leave a link (or decline one) at once; the other is not told")
@policy.signed_in
def leave_link(request: CoveRequest, link_id: UUID) -> Any:
    services.unlink(request.vault, link_id)
    return Status(204, None)


def _sharing_out(request: CoveRequest, link: Any) -> dict[str, Any]:
    vault = request.vault
    row = sharing.choices_row(vault)
    options = sharing.options_of(vault)
    safety = sharing.part_options(options, SharePart.SAFETY)
    return {
        "parts": services.parts_shared_with(vault.user.pk, link.other_id(vault.user.pk)),
        "history": bool(sharing.part_options(options, SharePart.BOUNDARIES).get("history")),
        "steps": sharing.part_options(options, SharePart.LADDER).get("steps", []),
        "plan_parts": safety.get("parts", []),
        "contacts": safety.get("contacts", []),
        "version": row.version if row is not None else None,
    }


@router.get("/links/{link_id}/sharing", response={200: SharingOut, 404: Message},
            auth=django_auth, summary="What this partner may see, and what the parts include")
@policy.signed_in
def get_sharing(request: CoveRequest, link_id: UUID) -> Any:
    return _sharing_out(request, get_active_link_or_404(request.person, link_id))


@router.put("/links/{link_id}/sharing", response={200: SharingOut, **ERRORS},
            auth=django_auth, summary="Choose what this partner sees; unticked parts stop at once")
@policy.signed_in
def put_sharing(request: CoveRequest, link_id: UUID, payload: SharingIn) -> Any:
    link = get_active_link_or_404(request.person, link_id)
    services.save_options(request.vault, {
        "history": payload.history, "steps": payload.steps,
        "plan_parts": payload.plan_parts, "contacts": payload.contacts,
    }, version=payload.version)
    services.set_parts_for(request.vault, link, [p.value for p in payload.parts])
    return _sharing_out(request, link)


@router.get("/links/{link_id}/preview", response={200: list[SnapshotOut], 404: Message},
            auth=django_auth, summary="Exactly what this partner sees from you")
@policy.signed_in
def preview(request: CoveRequest, link_id: UUID) -> Any:
    link = get_active_link_or_404(request.person, link_id)
    return _snapshots(services.preview_for(request.vault, link))


@router.get("/links/{link_id}/shared-with-me", response={200: list[SnapshotOut], 404: Message},
            auth=django_auth, summary="What this partner shows you (each read is in their log)")
@policy.signed_in
def shared_with_me(request: CoveRequest, link_id: UUID) -> Any:
    link = get_active_link_or_404(request.person, link_id)
    return _snapshots(services.read_from(request.vault, link))


@router.get("/from/{username}/{area}", response={200: SnapshotOut, 404: Message},
            auth=django_auth, summary="One part a linked partner shows you (logged for them)")
@policy.grantee(policy.AREA_IN_URL)
def read_part(request: CoveRequest, username: str, area: str) -> Any:
    part = PART_OF_AREA.get(area)
    link = next((x for x in active_links(request.person)
                 if other_member(x, request.person).username == username), None)
    found = services.read_from(request.vault, link, only=part) if (
        link is not None and part is not None) else []
    if not found:
        return Status(404, {"detail": "Not found."})
    return _snapshots(found)[0]


@router.post("/safety-check", response=ReceiptOut, auth=django_auth,
             summary="Stop every share and partner link, end other sessions, new calendar address")
@policy.signed_in
def safety_check(request: CoveRequest) -> Any:
    receipt = services.run_safety_check(request.vault, request.session.session_key)
    return {**receipt.as_dict(), "calendar_token": receipt.calendar_token}
