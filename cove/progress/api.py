"""Check-in and progress operations (tags "checkins" and "progress"), reminders and feed."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from django.urls import reverse
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from cove.core import policy
from cove.core.http import CoveRequest
from cove.core.schemas import VERSION_HELP, Conflicted, Invalid, Message
from cove.progress import reminders, services
from cove.progress.choices import ProgressRange, ReminderWhat, Weekday
from cove.progress.forms import MAX_NOTE
from cove.progress.models import CheckIn, Reminder
from cove.vault.records import get_owned_or_404

PREFIX = "/progress/"
router = Router()
CHECKINS = ["checkins"]
PROGRESS = ["progress"]

Rating = int | None


class CheckInIn(Schema):
    mood: Rating = Field(None, ge=0, le=10)
    distress: Rating = Field(None, ge=0, le=10)
    tension: Rating = Field(None, ge=0, le=10)
    sleep: Rating = Field(None, ge=0, le=10)
    stress: Rating = Field(None, ge=0, le=10)
    note: str = Field("", max_length=MAX_NOTE)
    version: int | None = Field(None, ge=1, description=VERSION_HELP)


class CheckInOut(Schema):
    id: uuid.UUID
    version: int
    day: date
    mood: Rating
    distress: Rating
    tension: Rating
    sleep: Rating
    stress: Rating
    note: str


class DaysQuery(Schema):
    days: int = Field(30, ge=1, le=800)


class RangeQuery(Schema):
    range: ProgressRange = ProgressRange.MONTH


class TrendRowOut(Schema):
    label: str
    values: dict[str, float | None]


class WinOut(Schema):
    when: datetime
    text: str
    source: str


class MeasureRowOut(Schema):
    when: datetime
    total: int
    band: str | None
    change: int | None
    marker: str


class MeasureOut(Schema):
    instrument: str
    title: str
    max_total: int
    summary: str
    rows: list[MeasureRowOut]


class PracticeRowOut(Schema):
    started_at: datetime
    distress_before: int | None
    distress_peak: int | None
    distress_after: int | None
    small_win: bool
    ended_early: bool


class StepTrendOut(Schema):
    step_id: str
    step_title: str
    ladder_title: str
    summary: str
    practices: list[PracticeRowOut]


class SummaryOut(Schema):
    range: str
    weekly: bool
    checkins: int
    trends: list[TrendRowOut]
    wins: list[WinOut]
    practices: list[StepTrendOut]
    measures: list[MeasureOut]


class ReminderIn(Schema):
    what: ReminderWhat
    time_of_day: time
    weekdays: list[Weekday] = Field(min_length=1, max_length=7)
    by_email: bool = False
    timezone: str | None = Field(None, max_length=64, description="IANA name, for emails")


class ReminderOut(Schema):
    id: uuid.UUID
    version: int
    what: ReminderWhat
    time_of_day: time
    weekdays: list[Weekday]
    paused: bool
    by_email: bool


class PauseIn(Schema):
    paused: bool
    version: int | None = Field(None, ge=1, description=VERSION_HELP)


class FeedOut(Schema):
    url: str


def _checkin_out(checkin: CheckIn) -> dict[str, Any]:
    ratings = checkin.rating_map
    return {"id": checkin.pk, "version": checkin.version, "day": checkin.day,
            "note": checkin.note,
            **{name: ratings.get(name) for name in ("mood", "distress", "tension", "sleep",
                                                    "stress")}}


def _reminder_out(reminder: Reminder) -> dict[str, Any]:
    return {"id": reminder.pk, "version": reminder.version, "what": reminder.what,
            "time_of_day": reminder.time_of_day,
            "weekdays": [int(d) for d in reminder.weekdays], "paused": reminder.paused,
            "by_email": reminder.by_email}


@router.get("/checkins", response=list[CheckInOut], auth=django_auth, tags=CHECKINS,
            summary="Your check-ins of the last `days` days, oldest first")
@policy.signed_in
def list_checkins(request: CoveRequest, query: Query[DaysQuery]) -> Any:
    first = services.today() - timedelta(days=query.days - 1)
    found = services.checkins_since(request.vault, first, with_notes=True)
    return [_checkin_out(c) for c in found]


@router.get("/checkins/today", response={200: CheckInOut, 404: Message}, auth=django_auth,
            tags=CHECKINS, summary="Today's check-in, if there is one")
@policy.signed_in
def today_checkin(request: CoveRequest) -> Any:
    found = services.checkin_for(request.vault, services.today())
    if found is None:
        return Status(404, {"detail": "No check-in today, and that is fine."})
    return _checkin_out(found)


@router.put("/checkins/today", response={200: CheckInOut, 409: Conflicted}, auth=django_auth,
            tags=CHECKINS,
            summary="Save today's check-in (every answer optional, 0 to 10)")
@policy.signed_in
def save_today(request: CoveRequest, payload: CheckInIn) -> Any:
    ratings = {k: v for k, v in payload.dict().items()
               if k not in ("note", "version") and v is not None}
    checkin = services.save_checkin(request.vault, services.today(), ratings,
                                    payload.note.strip(), version=payload.version)
    return _checkin_out(checkin)


@router.get("/summary", response=SummaryOut, auth=django_auth, tags=PROGRESS,
            summary="Check-in trends, small wins, practices and questionnaire totals")
@policy.signed_in
def summary(request: CoveRequest, query: Query[RangeQuery]) -> Any:
    vault = request.vault
    trends = services.checkin_trends(vault, query.range)
    return {
        "range": trends.range_key, "weekly": trends.by_week, "checkins": trends.count,
        "trends": [{"label": r.label, "values": r.values} for r in trends.rows],
        "wins": [{"when": w.when, "text": w.text, "source": w.source}
                 for w in services.small_wins(vault)],
        "practices": [{"step_id": s.step_id, "step_title": s.step_title,
                       "ladder_title": s.ladder_title, "summary": s.summary,
                       "practices": [vars(p) for p in s.practices]}
                      for s in services.practice_trends(vault, drawn=False)],
        "measures": [{"instrument": m.instrument, "title": m.title, "max_total": m.max_total,
                      "summary": m.summary, "rows": [vars(r) for r in m.rows]}
                     for m in services.measure_trends(vault)],
    }


@router.get("/reminders", response=list[ReminderOut], auth=django_auth, tags=PROGRESS,
            summary="Your reminders")
@policy.signed_in
def list_reminders(request: CoveRequest) -> Any:
    return [_reminder_out(r) for r in reminders.reminders_of(request.vault)]


@router.post("/reminders", response={201: ReminderOut, 422: Invalid}, auth=django_auth,
             tags=PROGRESS, summary="Add a reminder (what, when, which weekdays; Monday is 0)")
@policy.signed_in
def add_reminder(request: CoveRequest, payload: ReminderIn) -> Any:
    reminder = reminders.add_reminder(request.vault, payload.what, payload.time_of_day,
                                     payload.weekdays, payload.by_email, payload.timezone)
    return Status(201, _reminder_out(reminder))


@router.post("/reminders/{reminder_id}/pause",
             response={200: ReminderOut, 404: Message, 409: Conflicted},
             auth=django_auth, tags=PROGRESS, summary="Pause a reminder or turn it back on")
@policy.signed_in
def pause_reminder(request: CoveRequest, reminder_id: str, payload: PauseIn) -> Any:
    return _reminder_out(reminders.set_paused(request.vault, reminder_id, payload.paused,
                                             version=payload.version))


@router.delete("/reminders/{reminder_id}", response={204: None, 404: Message},
               auth=django_auth, tags=PROGRESS, summary="Remove a reminder")
@policy.signed_in
def delete_reminder(request: CoveRequest, reminder_id: str) -> Any:
    reminders.remove_reminder(get_owned_or_404(Reminder, request.vault, reminder_id))
    return Status(204, None)


@router.post("/calendar", response={201: FeedOut}, auth=django_auth, tags=PROGRESS,
             summary="Make a new private calendar address (the old one stops working)")
@policy.signed_in
def new_calendar(request: CoveRequest) -> Any:
    token = reminders.new_feed_token(request.person)
    return Status(201, {"url": request.build_absolute_uri(reverse("progress:feed",
                                                                  args=[token]))})


@router.delete("/calendar", response={204: None}, auth=django_auth, tags=PROGRESS,
               summary="Turn the calendar address off")
@policy.signed_in
def revoke_calendar(request: CoveRequest) -> Any:
    reminders.revoke_feed(request.person)
    return Status(204, None)
