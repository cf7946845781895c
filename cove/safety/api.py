"""Safety plan and comfort box operations (tag `safety`), on the same services as the pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import ConfigDict, Field

from cove.core import policy
from cove.core.http import CoveRequest
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


class PlanIn(PlanParts):
    version: int | None = Field(
        default=None, ge=0, description="How many saves your copy was based on (`version` "
        "from GET /plan); if the plan was saved since, the answer is 409 with both.")


class PlanOut(Schema):
    id: UUID | None
    saved_at: datetime | None
    parts: PlanParts
    version: int = Field(description="How many times the plan was saved.")


class Refused(Schema):
    detail: str
    errors: list[dict[str, Any]]


class Changed(Schema):
    detail: str
    version: int
    current: dict[str, Any]
    yours: dict[str, Any]


EDIT_ERRORS: dict[int, Any] = {409: Changed, 422: Refused}


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
    version: int | None = Field(
        default=None, ge=0, description="The box's version your copy was based on (0: none "
        "saved yet); if it changed since, the answer is 409 with both.")


class PausePlanOut(Schema):
    stop_word: str
    signal: str
    after_pause: str
    aftercare: list[str]


def _plan_out(version: SafetyPlanVersion | None, count: int) -> dict[str, Any]:
    return {
        "id": version.pk if version else None,
        "saved_at": version.created_at if version else None,
        "parts": services.plan_parts(version),
        "version": count,
    }


@router.get("/plan", response=PlanOut, auth=django_auth,
            summary="Your plan as last saved (empty parts if none yet)")
@policy.signed_in
def get_plan(request: CoveRequest) -> Any:
    return _plan_out(services.current_plan(request.vault), services.plan_version(request.vault))


@router.put("/plan", response={200: PlanOut, **EDIT_ERRORS}, auth=django_auth,
            summary="Save your plan; earlier versions are kept")
@policy.signed_in
def put_plan(request: CoveRequest, payload: PlanIn) -> Any:
    saved = services.save_plan(request.vault, payload.model_dump(exclude={"version"}),
                               version=payload.version)
    return Status(200, _plan_out(saved, services.plan_version(request.vault)))


@router.get("/plan/versions", response=list[VersionOut], auth=django_auth,
            summary="Dates of every saved version, newest first")
@policy.signed_in
def list_versions(request: CoveRequest, paging: Query[Paging]) -> Any:
    versions = paging.slice(services.plan_versions(request.vault))
    return [{"id": v.pk, "saved_at": v.created_at} for v in versions]


@router.get("/plan/versions/{version_id}", response={200: PlanOut, 404: Message},
            auth=django_auth, summary="One saved version of your plan")
@policy.signed_in
def get_version(request: CoveRequest, version_id: str) -> Any:
    version = get_owned_or_404(SafetyPlanVersion, request.vault, version_id)
    earlier = SafetyPlanVersion.objects.filter(owner_id=request.person.pk,
                                               created_at__lte=version.created_at).count()
    return _plan_out(version, earlier)


@router.get("/pause", response=PausePlanOut, auth=django_auth,
            summary="Your pause plan and the aftercare you want")
@policy.signed_in
def get_pause(request: CoveRequest) -> Any:
    from cove.safety.public import get_aftercare_wishes, get_pause_plan

    pause = get_pause_plan(request.vault)
    return {
        "stop_word": pause.stop_word if pause else "",
        "signal": pause.signal if pause else "",
        "after_pause": pause.after_pause if pause else "",
        "aftercare": get_aftercare_wishes(request.vault),
    }


@router.get("/comfort", response=ComfortBoxIO, auth=django_auth, summary="Your comfort box")
@policy.signed_in
def get_comfort(request: CoveRequest) -> Any:
    box = services.comfort_box(request.vault)
    return {"items": services.comfort_items(box),
            "reset_ritual": services.opened_text(box.reset_ritual) if box else "",
            "version": box.version if box else 0}


@router.put("/comfort", response={200: ComfortBoxIO, **EDIT_ERRORS}, auth=django_auth,
            summary="Save your comfort box and reset ritual")
@policy.signed_in
def put_comfort(request: CoveRequest, payload: ComfortBoxIO) -> Any:
    box = services.save_comfort_box(request.vault, payload.items.model_dump(),
                                    payload.reset_ritual, version=payload.version)
    return Status(200, {"items": services.comfort_items(box),
                        "reset_ritual": services.opened_text(box.reset_ritual),
                        "version": box.version})
