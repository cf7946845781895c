"""Safety plan and comfort box operations (tag `safety`), on the same services as the pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import ConfigDict, Field

from cove.core import policy
from cove.core.paging import Paging
from cove.safety import services
from cove.safety.models import SafetyPlanVersion
from cove.safety.parts import MAX_PART_LENGTH, MAX_SHORT_LENGTH, RESET_RITUAL
from cove.vault.records import get_owned_or_404

PREFIX = "/plan/"
router = Router(tags=["safety"])

_Part = Field(default="", max_length=MAX_PART_LENGTH)


class Message(Schema):
    detail: str


class PlanParts(Schema):
    """Every part of the plan is optional text; unknown parts are refused."""

    model_config = ConfigDict(extra="forbid")

    warning_signs: str = _Part
    on_my_own: str = _Part
    people_places: str = _Part
    people_to_ask: str = _Part
    professionals: str = _Part
    safer_surroundings: str = _Part
    what_matters: str = _Part
    stop_word: str = Field(default="", max_length=MAX_SHORT_LENGTH)
    signal: str = _Part
    after_pause: str = _Part
    aftercare: str = _Part
    safe_space: str = _Part


class PlanOut(Schema):
    id: UUID | None
    saved_at: datetime | None
    parts: PlanParts


class VersionOut(Schema):
    id: UUID
    saved_at: datetime


class ComfortItems(Schema):
    model_config = ConfigDict(extra="forbid")

    words: str = _Part
    sounds: str = _Part
    textures: str = _Part
    scents: str = _Part
    places: str = _Part
    people: str = _Part
    activities: str = _Part


class ComfortBoxIO(Schema):
    model_config = ConfigDict(extra="forbid")

    items: ComfortItems = Field(default_factory=ComfortItems)
    reset_ritual: str = Field(default="", max_length=RESET_RITUAL.max_length)


class PausePlanOut(Schema):
    stop_word: str
    signal: str
    after_pause: str
    aftercare: list[str]


def _plan_out(version: SafetyPlanVersion | None) -> dict[str, Any]:
    return {
        "id": version.pk if version else None,
        "saved_at": version.created_at if version else None,
        "parts": services.plan_parts(version),
    }


def _invalid(exc: services.PlanInputError) -> Status:
    return Status(422, {
        "detail": "Some of what was sent could not be used.",
        "errors": [{"loc": ["body", "payload", key], "msg": " ".join(messages)}
                   for key, messages in exc.errors.items()],
    })


@router.get("/plan", response=PlanOut, auth=django_auth,
            summary="Your plan as last saved (empty parts if none yet)")
@policy.signed_in
def get_plan(request: HttpRequest) -> Any:
    return _plan_out(services.current_plan(services.vault_of(request)))


@router.put("/plan", response={200: PlanOut, 422: dict}, auth=django_auth,
            summary="Save your plan; earlier versions are kept")
@policy.signed_in
def put_plan(request: HttpRequest, payload: PlanParts) -> Any:
    try:
        version = services.save_plan(services.vault_of(request), payload.model_dump())
    except services.PlanInputError as exc:
        return _invalid(exc)
    return Status(200, _plan_out(version))


@router.get("/plan/versions", response=list[VersionOut], auth=django_auth,
            summary="Dates of every saved version, newest first")
@policy.signed_in
def list_versions(request: HttpRequest, paging: Query[Paging]) -> Any:
    versions = paging.slice(services.plan_versions(services.vault_of(request)))
    return [{"id": v.pk, "saved_at": v.created_at} for v in versions]


@router.get("/plan/versions/{version_id}", response={200: PlanOut, 404: Message},
            auth=django_auth, summary="One saved version of your plan")
@policy.signed_in
def get_version(request: HttpRequest, version_id: str) -> Any:
    return _plan_out(get_owned_or_404(SafetyPlanVersion, services.vault_of(request), version_id))


@router.get("/pause", response=PausePlanOut, auth=django_auth,
            summary="Your pause plan and the aftercare you want")
@policy.signed_in
def get_pause(request: HttpRequest) -> Any:
    from cove.safety.public import get_aftercare_wishes, get_pause_plan

    pause = get_pause_plan(services.vault_of(request))
    return {
        "stop_word": pause.stop_word if pause else "",
        "signal": pause.signal if pause else "",
        "after_pause": pause.after_pause if pause else "",
        "aftercare": get_aftercare_wishes(services.vault_of(request)),
    }


@router.get("/comfort", response=ComfortBoxIO, auth=django_auth, summary="Your comfort box")
@policy.signed_in
def get_comfort(request: HttpRequest) -> Any:
    box = services.comfort_box(services.vault_of(request))
    return {"items": services.comfort_items(box),
            "reset_ritual": services.opened_text(box.reset_ritual) if box else ""}


@router.put("/comfort", response={200: ComfortBoxIO, 422: dict}, auth=django_auth,
            summary="Save your comfort box and reset ritual")
@policy.signed_in
def put_comfort(request: HttpRequest, payload: ComfortBoxIO) -> Any:
    try:
        box = services.save_comfort_box(
            services.vault_of(request), payload.items.model_dump(), payload.reset_ritual
        )
    except services.PlanInputError as exc:
        return _invalid(exc)
    return Status(200, {"items": services.comfort_items(box),
                        "reset_ritual": services.opened_text(box.reset_ritual)})
