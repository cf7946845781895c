"""What other apps may read from the comfort ladder (progress and journal patterns use it).

Owned by the ladder app: these signatures are a contract; the bodies are filled in with
the ladder's own data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


@dataclass(frozen=True)
class PracticeFact:
    step_id: str
    step_title: str
    ladder_title: str
    started_at: datetime
    distress_before: int | None
    distress_peak: int | None
    distress_after: int | None
    small_win: bool
    ended_early: bool
    what_helped: list[str]


def recent_practices(vault: Vault, limit: int = 200,
                     steps: int | None = None) -> list[PracticeFact]:
    """The person's most recent practice sessions, newest first, at most `limit`.

    With `steps`, only the practices of the `steps` most recently practised steps among
    those `limit`: which steps they are is read from plain columns, so nothing else is
    opened. Only practices that began with a clear yes exist, so "not sure" and "no" never
    show up here. `ended_early` is a neutral fact (ended for today, made smaller, or left
    unfinished), never a mark against the person.
    """
    from cove.ladder.models import PracticeSession

    limit = max(0, min(int(limit), 1000))
    mine = PracticeSession.objects.owned_by(vault).order_by("-created_at", "-id")
    if steps is None:
        return _facts(vault, list(mine[:limit]))
    heads = list(mine.values_list("id", "step_id")[:limit])
    chosen: dict[Any, None] = {}
    for _pk, step_id in heads:
        if len(chosen) >= steps:
            break
        chosen.setdefault(step_id, None)
    ids = [pk for pk, step_id in heads if step_id in chosen]
    return _facts(vault, list(mine.filter(pk__in=ids)) if ids else [])


@dataclass(frozen=True)
class StepPeaks:
    step_id: str
    step_title: str
    ladder_title: str
    practices: int  # among the newest `limit` practices
    # Peak distress of the first and of the most recent of those practices that rated it
    # (one value when only one did, none when none did): the summary shows no other.
    peaks: tuple[int, ...]


def recent_step_peaks(vault: Vault, steps: int = 6, limit: int = 200) -> list[StepPeaks]:
    """The `steps` most recently practised steps among the newest `limit` practices, newest
    first, each with its number of practices and their peak distress.

    Which steps they are is read from plain columns; only the titles and the first and
    last peaks of each step are opened (`recent_practices` opens every answer of every
    practice).
    """
    from cove.ladder.models import ComfortStep, Ladder, PracticeSession

    limit = max(0, min(int(limit), 1000))
    mine = PracticeSession.objects.owned_by(vault).order_by("-created_at", "-id")
    counts: dict[Any, int] = {}
    for step_id in mine.values_list("step_id", flat=True)[:limit]:
        if step_id in counts or len(counts) < steps:
            counts[step_id] = counts.get(step_id, 0) + 1
    if not counts:
        return []
    # Those steps' practices among the newest `limit` are their newest sum(counts).
    chosen = (mine.filter(step_id__in=list(counts))
              .only("id", "owner", "created_at", "step", "distress_peak")[:sum(counts.values())])
    sessions: dict[Any, list[Any]] = {step_id: [] for step_id in counts}
    for session in reversed(list(chosen)):
        sessions[session.step_id].append(session)
    # By primary key, unordered: ordered, SQLite would walk the index of every step.
    found = {step.pk: step for step in ComfortStep.objects.owned_by(vault)
             .filter(pk__in=list(counts)).order_by()
             .only("id", "owner", "created_at", "ladder", "title")}
    ladders = {lad.pk: lad.title for lad in Ladder.objects.owned_by(vault)
               .filter(pk__in={step.ladder_id for step in found.values()}).order_by()
               .only("id", "owner", "created_at", "title")}
    return [StepPeaks(str(step_id), found[step_id].title,
                      ladders.get(found[step_id].ladder_id, ""), count,
                      _end_peaks(sessions[step_id]))
            for step_id, count in counts.items() if step_id in found]


def _end_peaks(sessions: list[Any]) -> tuple[int, ...]:
    """The peak distress of the first and of the most recent of these practices (oldest
    first) that rated it, opening only from each end until one is found."""
    rated = (i for i, session in enumerate(sessions) if session.distress_peak is not None)
    first = next(rated, None)
    if first is None:
        return ()
    for last in range(len(sessions) - 1, first, -1):
        if sessions[last].distress_peak is not None:
            return (sessions[first].distress_peak, sessions[last].distress_peak)
    return (sessions[first].distress_peak,)


def _facts(vault: Vault, sessions: list[Any]) -> list[PracticeFact]:
    from cove.ladder import models as m
    from cove.ladder.models import ComfortStep, Ladder

    step_ids = {s.step_id for s in sessions}
    steps = {s.pk: s for s in ComfortStep.objects.owned_by(vault).filter(pk__in=step_ids)}
    ladder_ids = {s.ladder_id for s in steps.values()}
    ladders = {lad.pk: lad for lad in Ladder.objects.owned_by(vault).filter(pk__in=ladder_ids)}
    facts = []
    for session in sessions:
        step = steps[session.step_id]
        ladder = ladders[step.ladder_id]
        helped = [str(item) for item in (session.aftercare_done or [])]
        facts.append(PracticeFact(
            step_id=str(step.pk),
            step_title=step.title,
            ladder_title=ladder.title,
            started_at=session.created_at,
            distress_before=session.distress_before,
            distress_peak=session.distress_peak,
            distress_after=session.distress_after,
            small_win=bool(session.small_win),
            ended_early=session.outcome != m.FINISHED,
            what_helped=helped,
        ))
    return facts


def is_ladder_record(record: object) -> bool:
    """True for the ladder's own records (ladders, steps, distress words, practices), which a
    clinician sees as practice curves; False for what is kept with a practice (a voice note)."""
    from cove.ladder import models as m

    return isinstance(record, m.Ladder | m.ComfortStep | m.DistressWords | m.PracticeSession)


def practices_from(records: list[object]) -> list[PracticeFact]:
    """Practice facts from already-opened ladder records (read through a grant with
    cove.vault.sharing.shared_records, or a person's own), newest first."""
    from cove.ladder import models as m

    steps = {r.pk: r for r in records if isinstance(r, m.ComfortStep)}
    ladders = {r.pk: r for r in records if isinstance(r, m.Ladder)}
    facts = []
    for session in records:
        if not isinstance(session, m.PracticeSession) or session.step_id not in steps:
            continue
        step = steps[session.step_id]
        ladder = ladders.get(step.ladder_id)
        facts.append(PracticeFact(
            step_id=str(step.pk), step_title=step.title,
            ladder_title=ladder.title if ladder is not None else "",
            started_at=session.created_at, distress_before=session.distress_before,
            distress_peak=session.distress_peak, distress_after=session.distress_after,
            small_win=bool(session.small_win), ended_early=session.outcome != m.FINISHED,
            what_helped=[str(item) for item in (session.aftercare_done or [])]))
    return sorted(facts, key=lambda f: f.started_at, reverse=True)


@dataclass(frozen=True)
class PracticeWin:
    step_title: str
    started_at: datetime


def recent_practice_wins(vault: Vault, limit: int = 12, scan: int = 200,
                         since: datetime | None = None) -> list[PracticeWin]:
    """Practices the person marked as a small win, newest first, among the newest `scan`
    (and only those after `since`, when given).

    "Small win" is sealed, so the newest practices are opened (that answer only) a batch at
    a time, and the scan stops once `limit` wins are found.
    """
    from cove.ladder.models import ComfortStep, PracticeSession

    mine = (PracticeSession.objects.owned_by(vault).order_by("-created_at", "-id")
            .only("id", "owner", "created_at", "step", "small_win"))
    if since is not None:  # a plain column: older practices are not opened at all
        mine = mine.filter(created_at__gt=since)
    batch = max(limit * 4, 20)
    found: list[Any] = []
    for start in range(0, max(0, min(int(scan), 1000)), batch):
        rows = list(mine[start:min(start + batch, scan)])
        found += [row for row in rows if row.small_win]
        if len(found) >= limit or len(rows) < batch:
            break
    found = found[:limit]
    if not found:
        return []
    titles = {step.pk: step.title for step in ComfortStep.objects.owned_by(vault)
              .filter(pk__in={row.step_id for row in found}).order_by()
              .only("id", "owner", "created_at", "title")}
    return [PracticeWin(titles[row.step_id], row.created_at) for row in found]
