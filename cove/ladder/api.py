"""Ladder and practice operations as JSON, on the same services as the pages.

Operations about ladders, steps and distress words are tagged "ladder"; the practice
session operations are tagged "practice".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from cove.core import policy
from cove.core.http import CoveRequest
from cove.core.schemas import VERSION_HELP, Conflicted, Invalid, Message
from cove.ladder import models as m
from cove.ladder import services
from cove.ladder.choices import (
    CheckinEvery,
    DuringAnswer,
    LadderStarter,
    MoveDirection,
    PracticeCheckinAnswer,
    PracticeOutcome,
    PracticePhase,
    StepStatus,
    WithWhom,
)
from cove.ladder.models import ComfortStep, Ladder, PracticeSession
from cove.safety.public import get_aftercare_wishes
from cove.vault.records import get_owned_or_404

PREFIX = "/ladder/"
router = Router(auth=django_auth)
LADDER, PRACTICE = ["ladder"], ["practice"]

Rating = Field(default=None, ge=0, le=100)
Version = Field(default=None, ge=1, description=VERSION_HELP)


class StepOut(Schema):
    id: UUID
    ladder_id: UUID
    position: int
    version: int
    title: str
    with_whom: WithWhom
    minutes: int | None
    expected_distress: int | None
    notes: str
    status: StepStatus


class LadderOut(Schema):
    id: UUID
    version: int
    title: str
    about: str
    created_at: datetime


class LadderDetail(LadderOut):
    steps: list[StepOut]


class LadderIn(Schema):
    title: str = Field(default="", max_length=services.TITLE_MAX)
    starter: LadderStarter = LadderStarter.BLANK


class LadderPatch(Schema):
    title: str | None = Field(default=None, min_length=1, max_length=services.TITLE_MAX)
    about: str | None = Field(default=None, max_length=services.TEXT_MAX)
    version: int | None = Version


class StepIn(Schema):
    title: str = Field(min_length=1, max_length=services.TITLE_MAX)
    with_whom: WithWhom = WithWhom.ALONE
    minutes: int | None = Field(default=None, ge=1, le=240)
    expected_distress: int | None = Rating
    notes: str = Field(default="", max_length=services.TEXT_MAX)
    status: StepStatus = StepStatus.NOT_YET


class StepPatch(Schema):
    title: str | None = Field(default=None, min_length=1, max_length=services.TITLE_MAX)
    with_whom: WithWhom | None = None
    minutes: int | None = Field(default=None, ge=1, le=240)
    expected_distress: int | None = Rating
    notes: str | None = Field(default=None, max_length=services.TEXT_MAX)
    status: StepStatus | None = None
    version: int | None = Version


class SplitIn(Schema):
    first: str = Field(min_length=1, max_length=services.TITLE_MAX)
    second: str = Field(min_length=1, max_length=services.TITLE_MAX)
    first_distress: int | None = Rating
    second_distress: int | None = Rating
    version: int | None = Version


class MoveIn(Schema):
    direction: MoveDirection


class OrderIn(Schema):
    steps: list[UUID] = Field(max_length=200)


class WordsIn(Schema):
    words: dict[Literal["0", "25", "50", "75", "100"], str]


class CheckinIn(Schema):
    answer: PracticeCheckinAnswer


class CheckinOut(Schema):
    started: bool
    session_id: UUID | None = None
    detail: str


class PracticeOut(Schema):
    id: UUID
    step_id: UUID
    created_at: datetime
    phase: PracticePhase
    outcome: PracticeOutcome | Literal[""]
    unfinished: bool
    distress_expected: int | None
    distress_before: int | None
    planned_minutes: int | None
    checkin_every: int | None
    fear: str
    pauses: list[dict[str, Any]]
    checkins: list[dict[str, Any]]
    distress_peak: int | None
    distress_after: int | None
    aftercare_done: list[str]
    aftercare_skipped: bool
    felt_ok: str
    was_hard: str
    compared_to_fear: str
    would_change: str
    small_win: bool
    aftercare_wishes: list[str] = []


class BeforeIn(Schema):
    expected: int | None = Rating
    now: int | None = Rating
    minutes: int | None = Field(default=None, ge=1, le=240)
    fear: str = Field(default="", max_length=services.TEXT_MAX)
    checkin_every: CheckinEvery = CheckinEvery.NEVER


class GentleIn(Schema):
    answer: DuringAnswer


class AfterIn(Schema):
    peak: int | None = Rating
    now: int | None = Rating
    aftercare_done: list[str] = Field(default_factory=list, max_length=50)
    aftercare_skipped: bool = False
    felt_ok: str = Field(default="", max_length=services.TEXT_MAX)
    was_hard: str = Field(default="", max_length=services.TEXT_MAX)
    compared_to_fear: str = Field(default="", max_length=services.TEXT_MAX)
    would_change: str = Field(default="", max_length=services.TEXT_MAX)
    small_win: bool = False


class PointOut(Schema):
    number: int
    when: datetime
    before: int | None
    peak: int | None
    after: int | None
    unfinished: bool


class ProgressOut(Schema):
    points: list[PointOut]
    facts: list[str]


def _step(step: ComfortStep) -> dict[str, Any]:
    return {"id": step.pk, "ladder_id": step.ladder_id, "position": step.position,
            "version": step.version,
            "title": step.title, "with_whom": step.with_whom, "minutes": step.minutes,
            "expected_distress": step.expected_distress, "notes": step.notes,
            "status": step.status}


def _ladder(ladder: Ladder) -> dict[str, Any]:
    return {"id": ladder.pk, "version": ladder.version, "title": ladder.title,
            "about": ladder.about,
            "created_at": ladder.created_at}


def _session(session: PracticeSession, wishes: list[str] | None = None) -> dict[str, Any]:
    return {
        "id": session.pk, "step_id": session.step_id, "created_at": session.created_at,
        "phase": session.phase, "outcome": session.outcome or "",
        "unfinished": session.is_unfinished,
        "distress_expected": session.distress_expected,
        "distress_before": session.distress_before, "planned_minutes": session.planned_minutes,
        "checkin_every": session.checkin_every, "fear": session.fear,
        "pauses": session.pauses or [], "checkins": session.checkins or [],
        "distress_peak": session.distress_peak, "distress_after": session.distress_after,
        "aftercare_done": session.aftercare_done or [],
        "aftercare_skipped": bool(session.aftercare_skipped), "felt_ok": session.felt_ok,
        "was_hard": session.was_hard, "compared_to_fear": session.compared_to_fear,
        "would_change": session.would_change, "small_win": bool(session.small_win),
        "aftercare_wishes": wishes or [],
    }


# --- ladder ------------------------------------------------------------------------

@router.get("/ladders", response=list[LadderOut], tags=LADDER, summary="Your ladders")
@policy.signed_in
def list_ladders(request: CoveRequest) -> Any:
    return [_ladder(lad) for lad in services.ladders_of(request.vault)]


@router.post("/ladders", response={201: LadderDetail}, tags=LADDER,
             summary="Make a ladder, blank or from a starting point")
@policy.signed_in
def create_ladder(request: CoveRequest, payload: LadderIn) -> Any:
    vault = request.vault
    ladder = services.create_ladder(vault, payload.title, payload.starter)
    steps = [_step(s) for s in services.steps_of(vault, ladder)]
    return Status(201, {**_ladder(ladder), "steps": steps})


@router.get("/ladders/{ladder_id}", response={200: LadderDetail, 404: Message}, tags=LADDER,
            summary="One ladder with its steps in order")
@policy.signed_in
def get_ladder(request: CoveRequest, ladder_id: UUID) -> Any:
    vault = request.vault
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    return {**_ladder(ladder), "steps": [_step(s) for s in services.steps_of(vault, ladder)]}


@router.patch("/ladders/{ladder_id}", response={200: LadderOut, 404: Message, 409: Conflicted,
                                               422: Invalid},
              tags=LADDER, summary="Rename a ladder")
@policy.signed_in
def patch_ladder(request: CoveRequest, ladder_id: UUID, payload: LadderPatch) -> Any:
    return _ladder(services.update_ladder(request.vault, ladder_id,
                                          **payload.dict(exclude_unset=True)))


@router.delete("/ladders/{ladder_id}", response={204: None, 404: Message}, tags=LADDER,
               summary="Delete a ladder, its steps and practices")
@policy.signed_in
def delete_ladder(request: CoveRequest, ladder_id: UUID) -> Any:
    services.delete_ladder(get_owned_or_404(Ladder, request.vault, ladder_id))
    return Status(204, None)


@router.post("/ladders/{ladder_id}/steps", response={201: StepOut, 404: Message, 422: Invalid},
             tags=LADDER, summary="Add a step at the end of a ladder")
@policy.signed_in
def add_step(request: CoveRequest, ladder_id: UUID, payload: StepIn) -> Any:
    vault = request.vault
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    return Status(201, _step(services.add_step(vault, ladder, **payload.dict())))


@router.post("/ladders/{ladder_id}/order", response={200: LadderDetail, 404: Message},
             tags=LADDER, summary="Put the steps in this order")
@policy.signed_in
def order_steps(request: CoveRequest, ladder_id: UUID, payload: OrderIn) -> Any:
    vault = request.vault
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    services.reorder_steps(vault, ladder, [str(i) for i in payload.steps])
    return {**_ladder(ladder), "steps": [_step(s) for s in services.steps_of(vault, ladder)]}


@router.get("/steps/{step_id}", response={200: StepOut, 404: Message}, tags=LADDER,
            summary="One step")
@policy.signed_in
def get_step(request: CoveRequest, step_id: UUID) -> Any:
    return _step(get_owned_or_404(ComfortStep, request.vault, step_id))


@router.patch("/steps/{step_id}",
              response={200: StepOut, 404: Message, 409: Conflicted, 422: Invalid},
              tags=LADDER, summary="Change a step, including its status (only you set it)")
@policy.signed_in
def patch_step(request: CoveRequest, step_id: UUID, payload: StepPatch) -> Any:
    return _step(services.update_step(request.vault, step_id,
                                      **payload.dict(exclude_unset=True)))


@router.delete("/steps/{step_id}", response={204: None, 404: Message}, tags=LADDER,
               summary="Delete a step and its practices")
@policy.signed_in
def delete_step(request: CoveRequest, step_id: UUID) -> Any:
    services.delete_step(get_owned_or_404(ComfortStep, request.vault, step_id))
    return Status(204, None)


@router.post("/steps/{step_id}/move", response={200: list[StepOut], 404: Message}, tags=LADDER,
             summary="Move a step one place up or down")
@policy.signed_in
def move_step(request: CoveRequest, step_id: UUID, payload: MoveIn) -> Any:
    vault = request.vault
    step = get_owned_or_404(ComfortStep, vault, step_id)
    services.move_step(vault, step, payload.direction)
    return [_step(s) for s in services.steps_of(vault, services.ladder_of(vault, step))]


@router.post("/steps/{step_id}/split",
             response={200: list[StepOut], 404: Message, 409: Conflicted, 422: Invalid},
             tags=LADDER, summary="Make a step smaller: two gentler steps in its place")
@policy.signed_in
def split_step(request: CoveRequest, step_id: UUID, payload: SplitIn) -> Any:
    first, second = services.split_step(request.vault, step_id, payload.first, payload.second,
                                        payload.first_distress, payload.second_distress,
                                        version=payload.version)
    return [_step(first), _step(second)]


@router.get("/steps/{step_id}/progress", response={200: ProgressOut, 404: Message},
            tags=LADDER, summary="Before, peak and after distress of each practice, with facts")
@policy.signed_in
def step_progress(request: CoveRequest, step_id: UUID) -> Any:
    vault = request.vault
    step = get_owned_or_404(ComfortStep, vault, step_id)
    points = services.step_progress(vault, step)
    return {"points": [p.__dict__ for p in points], "facts": services.progress_facts(points)}


@router.get("/words", response=dict[str, str], tags=LADDER,
            summary="Your words for 0, 25, 50, 75 and 100")
@policy.signed_in
def get_words(request: CoveRequest) -> Any:
    return {str(k): v for k, v in services.distress_words(request.vault).items()}


@router.put("/words", response=dict[str, str], tags=LADDER,
            summary="Set your words for the distress scale")
@policy.signed_in
def put_words(request: CoveRequest, payload: WordsIn) -> Any:
    vault = request.vault
    services.save_distress_words(vault, {int(k): v for k, v in payload.words.items()})
    return {str(k): v for k, v in services.distress_words(vault).items()}


# --- practice ----------------------------------------------------------------------

@router.post("/steps/{step_id}/checkin",
             response={200: CheckinOut, 201: CheckinOut, 404: Message}, tags=PRACTICE,
             summary="Check in: only a clear yes starts a practice (201); "
             "any other answer stores nothing")
@policy.signed_in
def checkin(request: CoveRequest, step_id: UUID, payload: CheckinIn) -> Any:
    vault = request.vault
    step = get_owned_or_404(ComfortStep, vault, step_id)
    session = services.start_practice(vault, step, payload.answer)
    if session is None:
        detail = (_("Not sure is a good answer: you can make the step smaller, ground "
                    "yourself first, or stop for today.") if payload.answer == "not_sure"
                  else _("No is a full answer. Nothing was recorded."))
        return Status(200, {"started": False, "session_id": None, "detail": detail})
    return Status(201, {"started": True, "session_id": session.pk,
                        "detail": _("The practice has begun.")})


@router.get("/steps/{step_id}/practices", response={200: list[PracticeOut], 404: Message},
            tags=PRACTICE, summary="The step's practices, newest first (at most 20)")
@policy.signed_in
def list_sessions(request: CoveRequest, step_id: UUID) -> Any:
    vault = request.vault
    step = get_owned_or_404(ComfortStep, vault, step_id)
    return [_session(s) for s in services.sessions_of_step(vault, step, 20)]


def _load(request: CoveRequest, session_id: UUID) -> PracticeSession:
    return get_owned_or_404(PracticeSession, request.vault, session_id)


def _out(request: CoveRequest, session: PracticeSession) -> dict[str, Any]:
    wishes = get_aftercare_wishes(request.vault) if session.phase == m.AFTER else []
    return _session(session, wishes)


@router.get("/practices/{session_id}", response={200: PracticeOut, 404: Message}, tags=PRACTICE,
            summary="One practice, where it stands")
@policy.signed_in
def get_session(request: CoveRequest, session_id: UUID) -> Any:
    return _out(request, _load(request, session_id))


@router.post("/practices/{session_id}/before",
             response={200: PracticeOut, 404: Message, 409: Message, 422: Invalid},
             tags=PRACTICE, summary="Ratings and plans before, then the practice begins")
@policy.signed_in
def before(request: CoveRequest, session_id: UUID, payload: BeforeIn) -> Any:
    session = _load(request, session_id)
    services.record_before(session, expected=payload.expected, now=payload.now,
                           minutes=payload.minutes, fear=payload.fear,
                           checkin_every=payload.checkin_every)
    return _out(request, session)


@router.post("/practices/{session_id}/during",
             response={200: PracticeOut, 404: Message, 409: Message}, tags=PRACTICE,
             summary="Answer a gentle check-in (continue, slow, pause) or finish")
@policy.signed_in
def during(request: CoveRequest, session_id: UUID, payload: GentleIn) -> Any:
    session = _load(request, session_id)
    if payload.answer == DuringAnswer.FINISHED:
        services.finish_during(session)
    else:
        services.record_gentle_checkin(session, payload.answer)
    return _out(request, session)


@router.post("/practices/{session_id}/pause", response={200: PracticeOut, 404: Message},
             tags=PRACTICE, summary="Pause now, from any phase")
@policy.signed_in
def pause(request: CoveRequest, session_id: UUID) -> Any:
    session = _load(request, session_id)
    services.pause_practice(session)
    return _out(request, session)


@router.post("/practices/{session_id}/resume",
             response={200: PracticeOut, 404: Message, 409: Message}, tags=PRACTICE,
             summary="Go on after a pause")
@policy.signed_in
def resume(request: CoveRequest, session_id: UUID) -> Any:
    session = _load(request, session_id)
    services.resume_practice(session)
    return _out(request, session)


@router.post("/practices/{session_id}/end", response={200: PracticeOut, 404: Message},
             tags=PRACTICE, summary="End for today, keeping what was saved")
@policy.signed_in
def end(request: CoveRequest, session_id: UUID) -> Any:
    session = _load(request, session_id)
    services.end_for_today(session)
    return _out(request, session)


@router.post("/practices/{session_id}/after",
             response={200: PracticeOut, 404: Message, 409: Message, 422: Invalid},
             tags=PRACTICE, summary="Ratings, aftercare and a short look back")
@policy.signed_in
def after(request: CoveRequest, session_id: UUID, payload: AfterIn) -> Any:
    session = _load(request, session_id)
    services.record_after(session, peak=payload.peak, after=payload.now,
                          aftercare_done=payload.aftercare_done,
                          aftercare_skipped=payload.aftercare_skipped,
                          felt_ok=payload.felt_ok, was_hard=payload.was_hard,
                          compared_to_fear=payload.compared_to_fear,
                          would_change=payload.would_change, small_win=payload.small_win)
    return _out(request, session)
