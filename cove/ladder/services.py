"""Actions and reads for comfort ladders and practice sessions.

Design rules kept here (clinical.md, "Distress ratings and the comfort ladder"):
- Nothing moves a step by itself. Only the person sets a status; there is no "done".
- Distress ratings are a record, never a gate: no number unlocks or blocks anything.
- A practice session exists only after a clear yes at the check-in. "Not sure" and "no"
  create nothing, so nothing can be counted as failed.
- Each phase is saved when the person submits it. A practice left part way (tab closed,
  network lost, quick exit) simply stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Count, F, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cove.core.errors import InputError
from cove.ladder import models as m
from cove.ladder.choices import (
    CheckinEvery,
    DuringAnswer,
    MoveDirection,
    PracticeCheckinAnswer,
    StepStatus,
    WithWhom,
)
from cove.ladder.models import ComfortStep, DistressWords, Ladder, PracticeSession
from cove.ladder.starters import BY_KEY
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_for_update

TITLE_MAX = 200
TEXT_MAX = 4000
# The ladder page shows its steps in parts of this many; a step's own page has its actions.
STEPS_PER_PART = 20


class PhaseError(InputError):
    """The action does not fit the practice's current phase (e.g. a second 'after').

    The API answers 409 with {"detail"}; pages go to where the practice is now."""

    status = 409

    def __init__(self) -> None:
        super().__init__(_("This practice has moved on already. Here is where it is now."))

    def api_body(self) -> dict[str, Any]:
        return {"detail": self.first_message}


def _now() -> str:
    return timezone.now().isoformat()


def _whole_number(value: Any, field: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InputError({field: [_("Please use a whole number.")]}) from None


def _rating(value: Any, field: str = "expected_distress") -> int | None:
    if value is None or value == "":
        return None
    number = _whole_number(value, field)
    if not 0 <= number <= 100:
        raise InputError({field: [_("A rating goes from 0 to 100.")]})
    return number


def _minutes(value: Any, field: str = "minutes") -> int | None:
    if value is None or value == "":
        return None
    minutes = _whole_number(value, field)
    if not 1 <= minutes <= 240:
        raise InputError({field: [_("Minutes go from 1 to 240.")]})
    return minutes


# --- distress words ------------------------------------------------------------------

def default_distress_words() -> dict[int, str]:
    return {
        0: _("completely calm"),
        25: _("a little uneasy"),
        50: _("uneasy, but I can manage"),
        75: _("very upset"),
        100: _("the most distress I can imagine"),
    }


def distress_words(vault: Vault) -> dict[int, str]:
    """The person's own words for 0/25/50/75/100, with Cove's words where they wrote none."""
    words = default_distress_words()
    record = DistressWords.objects.owned_by(vault).first()
    if record is not None and isinstance(record.words, dict):
        for point in m.SCALE_POINTS:
            text = str(record.words.get(str(point), "")).strip()
            if text:
                words[point] = text
    return words


def save_distress_words(vault: Vault, words: dict[int, str]) -> DistressWords:
    cleaned = {str(p): str(words.get(p, "")).strip()[:TITLE_MAX] for p in m.SCALE_POINTS}
    record = DistressWords.objects.owned_by(vault).first()
    if record is None:
        record = DistressWords(owner=vault.user).bind(vault)
    record.words = cleaned
    record.save()
    return record


def words_for(value: int | None, words: dict[int, str]) -> str:
    """The nearest of the person's words for a rating (ties go to the lower point)."""
    if value is None:
        return ""
    nearest = min(m.SCALE_POINTS, key=lambda point: (abs(point - value), point))
    return words[nearest]


# --- ladders and steps ---------------------------------------------------------------

def ladders_of(vault: Vault) -> list[Ladder]:
    return list(Ladder.objects.owned_by(vault).order_by("created_at")[:50])


@transaction.atomic
def create_ladder(vault: Vault, title: str, starter_key: str = "blank") -> Ladder:
    starter = BY_KEY.get(starter_key) or BY_KEY["blank"]
    ladder = Ladder(owner=vault.user, title=(title.strip() or str(starter.title))[:TITLE_MAX],
                    about=str(starter.about)).bind(vault)
    ladder.save()
    for position, item in enumerate(starter.steps, start=1):
        ComfortStep(
            owner=vault.user, ladder=ladder, position=position, title=str(item.title),
            with_whom=item.with_whom, minutes=item.minutes,
            expected_distress=item.expected_distress, notes=str(item.notes), status=m.NOT_YET,
        ).bind(vault).save()
    return ladder


@transaction.atomic  # the row lock needs a transaction, whoever calls
def update_ladder(vault: Vault, ladder_id: Any, *, version: int | None = None,
                  **fields: Any) -> Ladder:
    """Rename a ladder or change its words (only the fields given change)."""
    cleaned: dict[str, Any] = {}
    if fields.get("title") is not None:
        title = str(fields["title"]).strip()
        if not title:
            raise InputError({"title": [_("Please give the ladder a name.")]})
        cleaned["title"] = title[:TITLE_MAX]
    if fields.get("about") is not None:
        cleaned["about"] = str(fields["about"]).strip()[:TEXT_MAX]
    ladder = get_owned_for_update(Ladder, vault, ladder_id, version=version, yours=cleaned)
    return _apply(ladder, cleaned)


def _apply(record: Any, cleaned: dict[str, Any]) -> Any:
    """Set and store only the fields that change, so an edit never writes back the rest."""
    changed = [name for name, value in cleaned.items() if getattr(record, name) != value]
    for name in changed:
        setattr(record, name, cleaned[name])
    if changed:
        record.save(update_fields=changed)
    return record


def delete_ladder(ladder: Ladder) -> None:
    ladder.delete()


def _in_order(vault: Vault, ladder: Ladder | UUID) -> QuerySet[ComfortStep]:
    return (ComfortStep.objects.owned_by(vault).filter(ladder=ladder)
            .order_by("position", "created_at", "id"))


def steps_of(vault: Vault, ladder: Ladder) -> list[ComfortStep]:
    return list(_in_order(vault, ladder)[:200])


def steps_part(vault: Vault, ladder: Ladder, number: Any) -> Page:
    """One part of a ladder's steps, easiest first; only that part's rows are fetched and
    opened, and their notes are left closed (the step's own page shows them)."""
    return Paginator(_in_order(vault, ladder).defer("notes"), STEPS_PER_PART).get_page(number)


def place_of(vault: Vault, step: ComfortStep) -> tuple[int, int]:
    """Where a step sits on its ladder: its number from the top, and how many steps."""
    earlier = Q(position__lt=step.position) | Q(
        position=step.position, created_at__lt=step.created_at) | Q(
        position=step.position, created_at=step.created_at, id__lt=step.pk)
    counts = ComfortStep.objects.owned_by(vault).filter(ladder_id=step.ladder_id).aggregate(
        earlier=Count("id", filter=earlier), total=Count("id"))
    return counts["earlier"] + 1, counts["total"]


def _places(vault: Vault, ladder: Ladder | UUID) -> list[ComfortStep]:
    """Every step of a ladder in order, with only its plain columns: moving steps needs no
    sealed value, so nothing is opened, however long the ladder is."""
    return list(_in_order(vault, ladder).only("id", "owner", "ladder", "position",
                                              "created_at"))


def part_of(number: int) -> int:
    """The part of the ladder page that shows the step with this number."""
    return (number - 1) // STEPS_PER_PART + 1


def ladder_of(vault: Vault, step: ComfortStep) -> Ladder:
    return Ladder.objects.owned_by(vault).get(pk=step.ladder_id)


def step_of(vault: Vault, session: PracticeSession) -> ComfortStep:
    return ComfortStep.objects.owned_by(vault).get(pk=session.step_id)


def _clean_step_fields(fields: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    if "title" in fields:
        title = str(fields["title"] or "").strip()
        if not title:
            raise InputError({"title": [_("Please write a few words for the step.")]})
        cleaned["title"] = title[:TITLE_MAX]
    if "with_whom" in fields:
        if fields["with_whom"] not in WithWhom.values:
            raise InputError({"with_whom": [_("Please choose on your own or with a partner.")]})
        cleaned["with_whom"] = str(fields["with_whom"])
    if "minutes" in fields:
        cleaned["minutes"] = _minutes(fields["minutes"])
    if "expected_distress" in fields:
        cleaned["expected_distress"] = _rating(fields["expected_distress"])
    if "notes" in fields:
        cleaned["notes"] = str(fields["notes"] or "").strip()[:TEXT_MAX]
    if "status" in fields:
        if fields["status"] not in StepStatus.values:
            raise InputError({"status": [_("Please choose one of the statuses.")]})
        cleaned["status"] = str(fields["status"])
    return cleaned


def _next_position(ladder: Ladder) -> int:
    top = ComfortStep.objects.filter(ladder=ladder).aggregate(top=Max("position"))["top"]
    return (top or 0) + 1


def add_step(vault: Vault, ladder: Ladder, **fields: Any) -> ComfortStep:
    cleaned = _clean_step_fields({"with_whom": m.ALONE, "status": m.NOT_YET, **fields})
    step = ComfortStep(owner=vault.user, ladder=ladder, position=_next_position(ladder),
                       **cleaned).bind(vault)
    step.save()
    return step


@transaction.atomic  # the row lock needs a transaction, whoever calls
def update_step(vault: Vault, step_id: Any, *, version: int | None = None,
                **fields: Any) -> ComfortStep:
    """Change a step: only the fields given are written, on a locked, current row.

    `version` is the version the person's copy was based on; if the step changed since,
    this raises Conflict (nothing is written)."""
    cleaned = _clean_step_fields(fields)
    step = get_owned_for_update(ComfortStep, vault, step_id, version=version, yours=cleaned)
    return _apply(step, cleaned)


def set_status(vault: Vault, step_id: Any, status: str) -> ComfortStep:
    """The only way a status changes: the person chooses it."""
    return update_step(vault, step_id, status=status)


def delete_step(step: ComfortStep) -> None:
    step.delete()


@transaction.atomic
def _renumber(ordered: Sequence[ComfortStep]) -> None:
    for position, step in enumerate(ordered, start=1):
        if step.position != position:
            ComfortStep.objects.filter(pk=step.pk).update(position=position)
            step.position = position


def move_step(vault: Vault, step: ComfortStep, direction: str) -> list[ComfortStep]:
    """Move a step one place up (gentler end) or down; the keyboard way to reorder."""
    if direction not in MoveDirection.values:
        raise InputError({"direction": [_("Please choose up or down.")]})
    ordered = _places(vault, step.ladder_id)
    index = next(i for i, s in enumerate(ordered) if s.pk == step.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    _renumber(ordered)
    return ordered


def reorder_steps(vault: Vault, ladder: Ladder, step_ids: Iterable[str]) -> None:
    """Put the given steps in the given order (drag and drop), in the places they hold
    between them: one part of the ladder page sends only its own steps, and every other
    step stays where it is. Unknown ids are ignored."""
    ordered = _places(vault, ladder)
    by_id = {str(s.pk): s for s in ordered}
    wanted = [by_id[i] for i in dict.fromkeys(str(i) for i in step_ids) if i in by_id]
    chosen, moving = set(wanted), iter(wanted)
    _renumber([next(moving) if s in chosen else s for s in ordered])


def _half(title: Any, distress: Any, field: str) -> dict[str, Any]:
    """One half of a split step; messages name the split form's fields."""
    text = str(title or "").strip()
    if not text:
        raise InputError({field: [_("Please write a few words for the step.")]})
    return {"title": text[:TITLE_MAX], "expected_distress": _rating(distress, f"{field}_distress")}


@transaction.atomic
def split_step(vault: Vault, step_id: Any, first: str, second: str,
               first_distress: int | None = None, second_distress: int | None = None,
               *, version: int | None = None) -> tuple[ComfortStep, ComfortStep]:
    """Make a step smaller: it becomes two gentler steps in its place.

    The first keeps the step's id, status and practice history; the second is new and
    starts as "not yet". Nothing else on the ladder changes but the positions after it.
    """
    first_fields = _half(first, first_distress, "first")
    second_fields = _half(second, second_distress, "second")
    step = get_owned_for_update(ComfortStep, vault, step_id, version=version,
                                yours={"title": first_fields["title"]})
    ComfortStep.objects.filter(ladder_id=step.ladder_id, position__gt=step.position).update(
        position=F("position") + 1
    )
    for name, value in first_fields.items():
        setattr(step, name, value)
    step.save()
    new = ComfortStep(
        ladder_id=step.ladder_id, owner_id=step.owner_id,
        position=step.position + 1, with_whom=step.with_whom, minutes=step.minutes,
        notes="", status=m.NOT_YET, **second_fields,
    ).bind(vault)
    new.save()
    return step, new


# --- practice sessions ---------------------------------------------------------------

YES, NOT_SURE, NO = PracticeCheckinAnswer.YES, PracticeCheckinAnswer.NOT_SURE, PracticeCheckinAnswer.NO


def start_practice(vault: Vault, step: ComfortStep, answer: str) -> PracticeSession | None:
    """Start a practice only on a clear yes. Any other answer creates nothing at all."""
    if answer != YES:
        return None
    session = PracticeSession(
        owner=vault.user, step=step, phase=m.BEFORE, distress_expected=step.expected_distress,
        planned_minutes=step.minutes, times={"started": _now()}, pauses=[], checkins=[],
    ).bind(vault)
    session.save()
    return session


def _require(session: PracticeSession, *phases: str) -> None:
    if session.phase not in phases:
        raise PhaseError


def _stamp(session: PracticeSession, key: str) -> None:
    times = dict(session.times or {})
    times[key] = _now()
    session.times = times


def record_before(session: PracticeSession, *, expected: Any = None, now: Any = None,
                  minutes: Any = None, fear: str = "",
                  checkin_every: Any = None) -> PracticeSession:
    _require(session, m.BEFORE)
    session.distress_expected = _rating(expected, "expected")
    session.distress_before = _rating(now, "now")
    planned = _minutes(minutes)
    if planned is not None:
        session.planned_minutes = planned
    if checkin_every not in (None, ""):
        every = _whole_number(checkin_every, "checkin_every")
        if every not in CheckinEvery.values:
            raise InputError({"checkin_every": [_("Please choose one of the check-in choices.")]})
        session.checkin_every = every or None
    session.fear = str(fear or "").strip()[:TEXT_MAX]
    session.phase = m.DURING
    _stamp(session, "during")
    session.save()
    return session


CONTINUE, SLOW, PAUSE = DuringAnswer.CONTINUE, DuringAnswer.SLOW, DuringAnswer.PAUSE


def record_gentle_checkin(session: PracticeSession, answer: str) -> None:
    """A "still OK?" answer during practice. "Pause" pauses at once."""
    _require(session, m.DURING)
    if answer not in (CONTINUE, SLOW, PAUSE):
        raise InputError({"answer": [_("Please choose continue, slow down or pause.")]})
    session.checkins = [*(session.checkins or []), {"at": _now(), "answer": answer}]
    if answer == PAUSE:
        _pause(session)
    session.save()


def _pause(session: PracticeSession) -> None:
    session.resume_phase = session.phase
    session.phase = m.PAUSED
    session.pauses = [*(session.pauses or []), {"at": _now(), "phase": session.resume_phase}]


def pause_practice(session: PracticeSession) -> None:
    """Pause from any phase, no questions asked. Pausing twice is harmless."""
    if session.phase in (m.PAUSED, m.ENDED):
        return
    _pause(session)
    session.save()


def resume_practice(session: PracticeSession) -> None:
    _require(session, m.PAUSED)
    session.phase = session.resume_phase or m.DURING
    session.save()


def end_for_today(session: PracticeSession, outcome: str = m.ENDED_FOR_TODAY) -> None:
    """End now, keeping everything recorded so far. Ending is always a good choice."""
    if session.phase == m.ENDED:
        return
    reached_after = session.phase == m.AFTER or (
        session.phase == m.PAUSED and session.resume_phase == m.AFTER)
    if outcome == m.ENDED_FOR_TODAY and reached_after:
        # The practice itself was done; only the notes were left out.
        outcome = m.FINISHED
    session.phase = m.ENDED
    session.outcome = outcome
    _stamp(session, "ended")
    session.save()


def finish_during(session: PracticeSession) -> None:
    _require(session, m.DURING)
    session.phase = m.AFTER
    _stamp(session, "after")
    session.save()


def record_after(session: PracticeSession, *, peak: Any = None, after: Any = None,
                 aftercare_done: Sequence[str] = (), aftercare_skipped: bool = False,
                 felt_ok: str = "", was_hard: str = "", compared_to_fear: str = "",
                 would_change: str = "", small_win: bool = False) -> PracticeSession:
    _require(session, m.AFTER)
    session.distress_peak = _rating(peak, "peak")
    session.distress_after = _rating(after, "now")
    session.aftercare_done = [str(item)[:TITLE_MAX] for item in aftercare_done][:50]
    session.aftercare_skipped = bool(aftercare_skipped)
    session.felt_ok = str(felt_ok or "").strip()[:TEXT_MAX]
    session.was_hard = str(was_hard or "").strip()[:TEXT_MAX]
    session.compared_to_fear = str(compared_to_fear or "").strip()[:TEXT_MAX]
    session.would_change = str(would_change or "").strip()[:TEXT_MAX]
    session.small_win = bool(small_win)
    session.phase = m.ENDED
    session.outcome = m.FINISHED
    _stamp(session, "ended")
    session.save()
    return session


def sessions_of_step(vault: Vault, step: ComfortStep, limit: int = 20) -> list[PracticeSession]:
    return list(PracticeSession.objects.owned_by(vault).filter(step=step)
                .order_by("-created_at")[:limit])


# --- progress of a step (only when the person opens it) -----------------------------

@dataclass(frozen=True)
class ProgressPoint:
    number: int
    when: Any
    before: int | None
    peak: int | None
    after: int | None
    unfinished: bool


def step_progress(vault: Vault, step: ComfortStep, limit: int = 30) -> list[ProgressPoint]:
    """The step's last `limit` practices, oldest first, with their three ratings."""
    recent = list(reversed(sessions_of_step(vault, step, limit)))
    return [
        ProgressPoint(i, s.created_at, s.distress_before, s.distress_peak, s.distress_after,
                      s.phase != m.ENDED)
        for i, s in enumerate(recent, start=1)
    ]


def _change(values: list[int], what: str) -> str:
    count = len(values)
    if count == 1:
        return _("You have one practice with a %(what)s rating so far: %(value)s.") % {
            "what": what, "value": values[0]}
    if values[0] == values[-1]:
        return ngettext(
            "Over your last %(count)s practice, your %(what)s rating stayed at %(first)s.",
            "Over your last %(count)s practices, your %(what)s rating stayed at %(first)s.",
            count,
        ) % {"count": count, "what": what, "first": values[0]}
    return ngettext(
        "Over your last %(count)s practice, your %(what)s rating went from %(first)s to %(last)s.",
        "Over your last %(count)s practices, your %(what)s rating went from %(first)s to %(last)s.",
        count,
    ) % {"count": count, "what": what, "first": values[0], "last": values[-1]}


def progress_facts(points: Sequence[ProgressPoint], window: int = 5) -> list[str]:
    """Plain facts about the last few practices. Facts only: never advice, never a verdict."""
    recent = list(points)[-window:]
    facts = []
    for attr, what in (("before", _("before")), ("peak", _("peak")), ("after", _("after"))):
        values = [getattr(p, attr) for p in recent if getattr(p, attr) is not None]
        if values:
            facts.append(_change(values, what))
    return facts
