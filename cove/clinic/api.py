"""The clinician third over JSON (tag `clinicians`), on the same services as the pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.db import transaction
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import ConfigDict, Field

from cove.clinic import homework, notes, reading, services
from cove.clinic.choices import Flag, HomeworkAnswer, HomeworkKind, ShareEnd
from cove.clinic.models import ClinicLink, Homework
from cove.core import policy
from cove.core.http import CoveRequest
from cove.core.paging import Paging

PREFIX = "/clinic/"
router = Router(tags=["clinicians"])


class Message(Schema):
    detail: str


class ProfileIn(Schema):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=80)
    practice: str = Field(default="", max_length=120)
    note: str = Field(default="", max_length=300)


class ProfileOut(Schema):
    name: str
    practice: str
    note: str
    approved: bool


class InviteOut(Schema):
    code: str
    expires_at: datetime


class ShareIn(Schema):
    model_config = ConfigDict(extra="forbid")
    areas: list[str] = Field(max_length=10)
    end: ShareEnd = ShareEnd.NONE
    until: date | None = None
    next_session: date | None = None
    flags: list[Flag] = Field(default_factory=list, max_length=5)


class LinkIn(ShareIn):
    version: int | None = None


class JoinIn(ShareIn):
    code: str = Field(max_length=20)


class ClientLinkOut(Schema):
    id: UUID
    version: int
    clinician: str
    areas: list[str]
    ends_at: datetime | None
    next_session: str


class CaseOut(Schema):
    id: UUID
    client: str
    areas: list[str]
    last_changed: datetime | None
    next_session: str
    ends_at: datetime | None
    flags: list[str]


class ClientMeasureRowOut(Schema):
    when: datetime
    total: int
    band: str | None
    difference: int | None
    reliable: bool
    meaningful: bool
    response: bool


class ClientMeasureOut(Schema):
    instrument: str
    title: str
    max_total: int
    reliable_size: int | None
    meaningful_size: int | None
    response_size: int | None
    rows: list[ClientMeasureRowOut]
    items: list[dict[str, Any]]


class SuggestIn(Schema):
    model_config = ConfigDict(extra="forbid")
    kind: HomeworkKind
    title: str = Field(max_length=200)
    detail: str = Field(default="", max_length=2000)


class HomeworkOut(Schema):
    id: UUID
    version: int
    kind: str
    title: str
    detail: str
    answer: str
    my_version: str
    how_it_went: str
    created_at: datetime


class HomeworkAnswerIn(Schema):
    model_config = ConfigDict(extra="forbid")
    answer: HomeworkAnswer
    my_version: str = Field(default="", max_length=2000)
    how_it_went: str = Field(default="", max_length=2000)
    version: int | None = None


class ClinicianNoteIn(Schema):
    model_config = ConfigDict(extra="forbid")
    body: str = Field(max_length=8000)


class ClinicianNoteOut(Schema):
    id: UUID
    body: str
    created_at: datetime


def _choice(payload: ShareIn) -> services.ShareChoice:
    return services.ShareChoice(areas=list(payload.areas), end=payload.end, until=payload.until,
                                next_session=payload.next_session,
                                flags=[str(f) for f in payload.flags])


def _link_out(link: ClinicLink) -> dict[str, Any]:
    return {"id": link.pk, "version": link.version,
            "clinician": services.display_name(link.clinician),
            "areas": services.live_areas(link.owner_id, link.clinician_id),
            "ends_at": services.share_end(link.owner_id, link.clinician_id),
            "next_session": str(link.next_session or "")}


def _homework_out(item: Homework) -> dict[str, Any]:
    return {"id": item.pk, "version": item.version, "kind": item.kind, "title": item.title,
            "detail": item.detail, "answer": item.answer or "", "my_version": item.my_version,
            "how_it_went": item.how_it_went, "created_at": item.created_at}


# ---- Anyone signed in -------------------------------------------------------------------


@router.put("/profile", response={200: ProfileOut, 422: dict}, auth=django_auth,
            summary="Write your clinician profile (approved at once when COVE_CLINICIANS=open)")
@policy.signed_in
def put_profile(request: CoveRequest, payload: ProfileIn) -> Any:
    profile = services.save_profile(request.person, payload.name, payload.practice, payload.note)
    return {"name": profile.name, "practice": profile.practice, "note": profile.note,
            "approved": profile.approved_at is not None}


@router.post("/join", response={201: ClientLinkOut, 422: dict, 429: Message}, auth=django_auth,
             summary="Redeem a clinician's code and share the chosen parts")
@policy.signed_in
@transaction.non_atomic_requests
def join(request: CoveRequest, payload: JoinIn) -> Any:
    invite = services.open_invite(request.person, payload.code)
    return Status(201, _link_out(services.join(request.vault, invite, _choice(payload))))


@router.get("/links", response={200: list[ClientLinkOut]}, auth=django_auth,
            summary="The clinicians you share with")
@policy.signed_in
def my_links(request: CoveRequest) -> Any:
    return [_link_out(link) for link in services.my_links(request.vault)]


@router.put("/links/{link_id}", response={200: ClientLinkOut, 404: Message, 409: dict, 422: dict},
            auth=django_auth, summary="Change what you share with a clinician, and for how long")
@policy.signed_in
def change_link(request: CoveRequest, link_id: str, payload: LinkIn) -> Any:
    link = services.my_link(request.vault, link_id)
    return _link_out(services.change_sharing(request.vault, link, _choice(payload),
                                             payload.version))


@router.delete("/links/{link_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Stop sharing with a clinician, at once")
@policy.signed_in
def stop_link(request: CoveRequest, link_id: str) -> Any:
    services.stop_sharing(request.vault, services.my_link(request.vault, link_id))
    return Status(204, None)


@router.get("/links/{link_id}/suggestions", response={200: list[HomeworkOut], 404: Message},
            auth=django_auth, summary="Suggestions from this clinician, newest first")
@policy.signed_in
def my_suggestions(request: CoveRequest, link_id: str, paging: Query[Paging]) -> Any:
    link = services.my_link(request.vault, link_id)
    items = homework.for_client(request.vault, link, limit=paging.offset + paging.limit)
    return [_homework_out(i) for i in paging.slice(items)]


@router.post("/suggestions/{homework_id}/answer",
             response={200: HomeworkOut, 404: Message, 409: dict, 422: dict}, auth=django_auth,
             summary="Accept, change or decline a suggestion (no reason needed)")
@policy.signed_in
def answer(request: CoveRequest, homework_id: str, payload: HomeworkAnswerIn) -> Any:
    item = homework.answer(request.vault, homework_id, payload.answer, payload.my_version,
                           payload.how_it_went, payload.version)
    return _homework_out(item)


# ---- Approved clinicians ----------------------------------------------------------------


@router.post("/invites", response={201: InviteOut}, auth=django_auth,
             summary="A one-time code (24 hours) for a new client")
@policy.clinician
def make_invite(request: CoveRequest) -> Any:
    made = services.new_invite(request.person)
    return Status(201, {"code": made.code, "expires_at": made.expires_at})


@router.get("/clients", response={200: list[CaseOut]}, auth=django_auth,
            summary="Your caseload: clients who share with you and what they share")
@policy.clinician
def caseload(request: CoveRequest, paging: Query[Paging]) -> Any:
    rows = []
    links = paging.slice(services.caseload_links(request.vault))
    changed = reading.last_changed(request.person.pk, [link.owner_id for link in links])
    for link in links:
        view = reading.ClientView(request.vault, link)
        rows.append({"id": link.pk, "client": link.owner.username, "areas": view.areas,
                     "last_changed": changed[link.owner_id],
                     "next_session": str(link.next_session or ""),
                     "ends_at": services.share_end(link.owner_id, link.clinician_id),
                     "flags": view.flags()})
    return rows


@router.get("/clients/{link_id}/questionnaires", response={200: list[ClientMeasureOut], 404: Message},
            auth=django_auth, summary="A client's questionnaires over time, with reliable change")
@policy.clinician
def client_measures(request: CoveRequest, link_id: str) -> Any:
    view = reading.ClientView(request.vault, services.client_link(request.vault, link_id))
    return [{"instrument": m.instrument, "title": m.title, "max_total": m.max_total,
             "reliable_size": m.reliable_size, "meaningful_size": m.meaningful_size,
             "response_size": m.response_size, "items": m.items,
             "rows": [vars(r) for r in m.rows]} for m in view.measures()]


@router.get("/clients/{link_id}/fhir", response={200: dict, 404: Message}, auth=django_auth,
            summary="A client's shared questionnaires as a FHIR R4 Bundle")
@policy.clinician
def client_fhir(request: CoveRequest, link_id: str) -> Any:
    view = reading.ClientView(request.vault, services.client_link(request.vault, link_id))
    return view.fhir_bundle()


@router.post("/clients/{link_id}/suggestions", response={201: HomeworkOut, 404: Message,
                                                         422: dict},
             auth=django_auth, summary="Suggest a ladder step, exercise, prompt or topic")
@policy.clinician
def suggest(request: CoveRequest, link_id: str, payload: SuggestIn) -> Any:
    link = services.client_link(request.vault, link_id)
    return Status(201, _homework_out(homework.suggest(request.vault, link, payload.kind,
                                                      payload.title, payload.detail)))


@router.get("/clients/{link_id}/suggestions", response={200: list[HomeworkOut], 404: Message},
            auth=django_auth, summary="Your suggestions to this client and their answers")
@policy.clinician
def client_suggestions(request: CoveRequest, link_id: str, paging: Query[Paging]) -> Any:
    link = services.client_link(request.vault, link_id)
    items = homework.for_client(request.vault, link, limit=paging.offset + paging.limit)
    return [_homework_out(i) for i in paging.slice(items)]


@router.get("/clients/{link_id}/notes", response={200: list[ClinicianNoteOut], 404: Message},
            auth=django_auth, summary="Your private notes about this client")
@policy.clinician
def list_notes(request: CoveRequest, link_id: str, paging: Query[Paging]) -> Any:
    link = services.client_link(request.vault, link_id)
    found = notes.notes_about(request.vault, link, limit=paging.offset + paging.limit)
    return [{"id": n.pk, "body": n.body, "created_at": n.created_at}
            for n in paging.slice(found)]


@router.post("/clients/{link_id}/notes", response={201: ClinicianNoteOut, 404: Message, 422: dict},
             auth=django_auth, summary="Write a private note (sealed under your own keys)")
@policy.clinician
def add_note(request: CoveRequest, link_id: str, payload: ClinicianNoteIn) -> Any:
    link = services.client_link(request.vault, link_id)
    note = notes.add_note(request.vault, link, payload.body)
    return Status(201, {"id": note.pk, "body": note.body, "created_at": note.created_at})
