"""Ladder and practice operations as JSON, on the same services as the pages.

Operations about ladders, steps and distress words are tagged "ladder"; the practice
session operations are tagged "practice".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from cove.core import policy
from cove.ladder import models as m
from cove.ladder import services
from cove.ladder.models import ComfortStep, Ladder, PracticeSession
from cove.safety.public import get_aftercare_wishes
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_or_404

PREFIX = "/ladder/"
router = Router(auth=django_auth)
LADDER, PRACTICE = ["ladder"], ["practice"]

Rating = Field(default=None, ge=0, le=100)
Status_ = Literal["not_yet", "practising", "comfortable", "resting"]
WithWhom = Literal["alone", "partner"]


class Message(Schema):
    detail: str


class StepOut(Schema):
    id: UUID
    ladder_id: UUID
    position: int
    title: str
    with_whom: str
    minutes: int | None
    expected_distress: int | None
    notes: str
    status: str


class LadderOut(Schema):
    id: UUID
    title: str
    about: str
    created_at: datetime


class LadderDetail(LadderOut):
    steps: list[StepOut]


class LadderIn(Schema):
    title: str = Field(default="", max_length=services.TITLE_MAX)
    starter: Literal["closeness", "own-body", "touch-stages", "partnered", "blank"] = "blank"


class LadderPatch(Schema):
    title: str | None = Field(default=None, min_length=1, max_length=services.TITLE_MAX)
    about: str | None = Field(default=None, max_length=services.TEXT_MAX)


class StepIn(Schema):
    title: str = Field(min_length=1, max_length=services.TITLE_MAX)
    with_whom: WithWhom = "alone"
    minutes: int | None = Field(default=None, ge=1, le=240)
    expected_distress: int | None = Rating
    notes: str = Field(default="", max_length=services.TEXT_MAX)
    status: Status_ = "not_yet"


class StepPatch(Schema):
    title: str | None = Field(default=None, min_length=1, max_length=services.TITLE_MAX)
    with_whom: WithWhom | None = None
    minutes: int | None = Field(default=None, ge=1, le=240)
    expected_distress: int | None = Rating
    notes: str | None = Field(default=None, max_length=services.TEXT_MAX)
    status: Status_ | None = None


class SplitIn(Schema):
    first: str = Field(min_length=1, max_length=services.TITLE_MAX)
    second: str = Field(min_length=1, max_length=services.TITLE_MAX)
    first_distress: int | None = Rating
    second_distress: int | None = Rating


class MoveIn(Schema):
    direction: Literal["up", "down"]


class OrderIn(Schema):
    steps: list[UUID] = Field(max_length=200)


class WordsIn(Schema):
    words: dict[Literal["0", "25", "50", "75", "100"], str]


class CheckinIn(Schema):
    answer: Literal["yes", "not_sure", "no"]


class CheckinOut(Schema):
    started: bool
    session_id: UUID | None = None
    detail: str


class PracticeOut(Schema):
    id: UUID
    step_id: UUID
    created_at: datetime
    phase: str
    outcome: str
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
    checkin_every: Literal[0, 2, 5, 10] = 0


class GentleIn(Schema):
    answer: Literal["continue", "slow", "pause", "finished"]


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


def _vault(request: HttpRequest) -> Vault:
    vault: Vault = request.vault  # type: ignore[attr-defined]
    return vault


def _step(step: ComfortStep) -> dict[str, Any]:
    return {"id": step.pk, "ladder_id": step.ladder_id, "position": step.position,
            "title": step.title, "with_whom": step.with_whom, "minutes": step.minutes,
            "expected_distress": step.expected_distress, "notes": step.notes,
            "status": step.status}


def _ladder(ladder: Ladder) -> dict[str, Any]:
    return {"id": ladder.pk, "title": ladder.title, "about": ladder.about,
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


def _unprocessable(exc: Exception) -> Status:
    return Status(422, {"detail": str(exc)})


# --- ladder ------------------------------------------------------------------------

@router.get("/ladders", response=list[LadderOut], tags=LADDER, summary="Your ladders")
@policy.signed_in
def list_ladders(request: HttpRequest) -> Any:
    return [_ladder(lad) for lad in services.ladders_of(_vault(request))]


@router.post("/ladders", response={201: LadderDetail}, tags=LADDER,
             summary="Make a ladder, blank or from a starting point")
@policy.signed_in
def create_ladder(request: HttpRequest, payload: LadderIn) -> Any:
    vault = _vault(request)
    ladder = services.create_ladder(vault, payload.title, payload.starter)
    steps = [_step(s) for s in services.steps_of(vault, ladder)]
    return Status(201, {**_ladder(ladder), "steps": steps})


@router.get("/ladders/{ladder_id}", response={200: LadderDetail, 404: Message}, tags=LADDER,
            summary="One ladder with its steps in order")
@policy.signed_in
def get_ladder(request: HttpRequest, ladder_id: UUID) -> Any:
    vault = _vault(request)
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    return {**_ladder(ladder), "steps": [_step(s) for s in services.steps_of(vault, ladder)]}


@router.patch("/ladders/{ladder_id}", response={200: LadderOut, 404: Message}, tags=LADDER,
              summary="Rename a ladder")
@policy.signed_in
def patch_ladder(request: HttpRequest, ladder_id: UUID, payload: LadderPatch) -> Any:
    ladder = get_owned_or_404(Ladder, _vault(request), ladder_id)
    services.update_ladder(ladder, payload.title if payload.title is not None else ladder.title,
                           payload.about if payload.about is not None else ladder.about)
    return _ladder(ladder)


@router.delete("/ladders/{ladder_id}", response={204: None, 404: Message}, tags=LADDER,
               summary="Delete a ladder, its steps and practices")
@policy.signed_in
def delete_ladder(request: HttpRequest, ladder_id: UUID) -> Any:
    services.delete_ladder(get_owned_or_404(Ladder, _vault(request), ladder_id))
    return Status(204, None)


@router.post("/ladders/{ladder_id}/steps", response={201: StepOut, 404: Message, 422: Message},
             tags=LADDER, summary="Add a step at the end of a ladder")
@policy.signed_in
def add_step(request: HttpRequest, ladder_id: UUID, payload: StepIn) -> Any:
    vault = _vault(request)
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    try:
        step = services.add_step(vault, ladder, **payload.dict())
    except ValueError as exc:
        return _unprocessable(exc)
    return Status(201, _step(step))


@router.post("/ladders/{ladder_id}/order", response={200: LadderDetail, 404: Message},
             tags=LADDER, summary="Put the steps in this order")
@policy.signed_in
def order_steps(request: HttpRequest, ladder_id: UUID, payload: OrderIn) -> Any:
    vault = _vault(request)
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    services.reorder_steps(vault, ladder, [str(i) for i in payload.steps])
    return {**_ladder(ladder), "steps": [_step(s) for s in services.steps_of(vault, ladder)]}


@router.get("/steps/{step_id}", response={200: StepOut, 404: Message}, tags=LADDER,
            summary="One step")
@policy.signed_in
def get_step(request: HttpRequest, step_id: UUID) -> Any:
    return _step(get_owned_or_404(ComfortStep, _vault(request), step_id))


@router.patch("/steps/{step_id}", response={200: StepOut, 404: Message, 422: Message},
              tags=LADDER, summary="Change a step, including its status (only you set it)")
@policy.signed_in
def patch_step(request: HttpRequest, step_id: UUID, payload: StepPatch) -> Any:
    step = get_owned_or_404(ComfortStep, _vault(request), step_id)
    try:
        services.update_step(step, **payload.dict(exclude_unset=True))
    except ValueError as exc:
        return _unprocessable(exc)
    return _step(step)


@router.delete("/steps/{step_id}", response={204: None, 404: Message}, tags=LADDER,
               summary="Delete a step and its practices")
@policy.signed_in
def delete_step(request: HttpRequest, step_id: UUID) -> Any:
    services.delete_step(get_owned_or_404(ComfortStep, _vault(request), step_id))
    return Status(204, None)


@router.post("/steps/{step_id}/move", response={200: list[StepOut], 404: Message}, tags=LADDER,
             summary="Move a step one place up or down")
@policy.signed_in
def move_step(request: HttpRequest, step_id: UUID, payload: MoveIn) -> Any:
    vault = _vault(request)
    step = get_owned_or_404(ComfortStep, vault, step_id)
    services.move_step(vault, step, payload.direction)
    return [_step(s) for s in services.steps_of(vault, services.ladder_of(vault, step))]


@router.post("/steps/{step_id}/split", response={200: list[StepOut], 404: Message, 422: Message},
             tags=LADDER, summary="Make a step smaller: two gentler steps in its place")
@policy.signed_in
def split_step(request: HttpRequest, step_id: UUID, payload: SplitIn) -> Any:
    vault = _vault(request)
    step = get_owned_or_404(ComfortStep, vault, step_id)
    try:
        first, second = services.split_step(vault, step, payload.first, payload.second,
                                            payload.first_distress, payload.second_distress)
    except ValueError as exc:
        return _unprocessable(exc)
    return [_step(first), _step(second)]


@router.get("/steps/{step_id}/progress", response={200: ProgressOut, 404: Message},
            tags=LADDER, summary="Before, peak and after distress of each practice, with facts")
@policy.signed_in
def step_progress(request: HttpRequest, step_id: UUID) -> Any:
    vault = _vault(request)
    step = get_owned_or_404(ComfortStep, vault, step_id)
    points = services.step_progress(vault, step)
    return {"points": [p.__dict__ for p in points], "facts": services.progress_facts(points)}


@router.get("/words", response=dict[str, str], tags=LADDER,
            summary="Your words for 0, 25, 50, 75 and 100")
@policy.signed_in
def get_words(request: HttpRequest) -> Any:
    return {str(k): v for k, v in services.distress_words(_vault(request)).items()}


@router.put("/words", response=dict[str, str], tags=LADDER,
            summary="Set your words for the distress scale")
@policy.signed_in
def put_words(request: HttpRequest, payload: WordsIn) -> Any:
    vault = _vault(request)
    services.save_distress_words(vault, {int(k): v for k, v in payload.words.items()})
    return {str(k): v for k, v in services.distress_words(vault).items()}


# --- practice ----------------------------------------------------------------------

@router.post("/steps/{step_id}/checkin",
             response={200: CheckinOut, 201: CheckinOut, 404: Message}, tags=PRACTICE,
             summary="Check in: only a clear yes starts a practice (201); "
             "any other answer stores nothing")
@policy.signed_in
def checkin(request: HttpRequest, step_id: UUID, payload: CheckinIn) -> Any:
    vault = _vault(request)
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
def list_sessions(request: HttpRequest, step_id: UUID) -> Any:
    vault = _vault(request)
    step = get_owned_or_404(ComfortStep, vault, step_id)
    return [_session(s) for s in services.sessions_of_step(vault, step, 20)]


def _load(request: HttpRequest, session_id: UUID) -> PracticeSession:
    return get_owned_or_404(PracticeSession, _vault(request), session_id)


def _out(request: HttpRequest, session: PracticeSession) -> dict[str, Any]:
    wishes = get_aftercare_wishes(_vault(request)) if session.phase == m.AFTER else []
    return _session(session, wishes)


@router.get("/practices/{session_id}", response={200: PracticeOut, 404: Message}, tags=PRACTICE,
            summary="One practice, where it stands")
@policy.signed_in
def get_session(request: HttpRequest, session_id: UUID) -> Any:
    return _out(request, _load(request, session_id))


@router.post("/practices/{session_id}/before",
             response={200: PracticeOut, 404: Message, 409: Message, 422: Message},
             tags=PRACTICE, summary="Ratings and plans before, then the practice begins")
@policy.signed_in
def before(request: HttpRequest, session_id: UUID, payload: BeforeIn) -> Any:
    session = _load(request, session_id)
    try:
        services.record_before(session, expected=payload.expected, now=payload.now,
                               minutes=payload.minutes, fear=payload.fear,
                               checkin_every=payload.checkin_every)
    except services.PhaseError as exc:
        return Status(409, {"detail": str(exc)})
    except ValueError as exc:
        return _unprocessable(exc)
    return _out(request, session)


@router.post("/practices/{session_id}/during",
             response={200: PracticeOut, 404: Message, 409: Message}, tags=PRACTICE,
             summary="Answer a gentle check-in (continue, slow, pause) or finish")
@policy.signed_in
def during(request: HttpRequest, session_id: UUID, payload: GentleIn) -> Any:
    session = _load(request, session_id)
    try:
        if payload.answer == "finished":
            services.finish_during(session)
        else:
            services.record_gentle_checkin(session, payload.answer)
    except services.PhaseError as exc:
        return Status(409, {"detail": str(exc)})
    return _out(request, session)


@router.post("/practices/{session_id}/pause", response={200: PracticeOut, 404: Message},
             tags=PRACTICE, summary="Pause now, from any phase")
@policy.signed_in
def pause(request: HttpRequest, session_id: UUID) -> Any:
    session = _load(request, session_id)
    services.pause_practice(session)
    return _out(request, session)


@router.post("/practices/{session_id}/resume",
             response={200: PracticeOut, 404: Message, 409: Message}, tags=PRACTICE,
             summary="Go on after a pause")
@policy.signed_in
def resume(request: HttpRequest, session_id: UUID) -> Any:
    session = _load(request, session_id)
    try:
        services.resume_practice(session)
    except services.PhaseError as exc:
        return Status(409, {"detail": str(exc)})
    return _out(request, session)


@router.post("/practices/{session_id}/end", response={200: PracticeOut, 404: Message},
             tags=PRACTICE, summary="End for today, keeping what was saved")
@policy.signed_in
def end(request: HttpRequest, session_id: UUID) -> Any:
    session = _load(request, session_id)
    services.end_for_today(session)
    return _out(request, session)


@router.post("/practices/{session_id}/after",
             response={200: PracticeOut, 404: Message, 409: Message, 422: Message},
             tags=PRACTICE, summary="Ratings, aftercare and a short look back")
@policy.signed_in
def after(request: HttpRequest, session_id: UUID, payload: AfterIn) -> Any:
    session = _load(request, session_id)
    try:
        services.record_after(session, peak=payload.peak, after=payload.now,
                              aftercare_done=payload.aftercare_done,
                              aftercare_skipped=payload.aftercare_skipped,
                              felt_ok=payload.felt_ok, was_hard=payload.was_hard,
                              compared_to_fear=payload.compared_to_fear,
                              would_change=payload.would_change, small_win=payload.small_win)
    except services.PhaseError as exc:
        return Status(409, {"detail": str(exc)})
    except ValueError as exc:
        return _unprocessable(exc)
    return _out(request, session)
