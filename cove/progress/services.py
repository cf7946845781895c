"""Check-ins and progress reads. Views and the API call these (reminders and the calendar
feed: cove.progress.reminders)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cove.core import charts
from cove.core.errors import Conflict
from cove.progress.forms import SHORT_LABELS
from cove.progress.models import QUESTIONS, CheckIn
from cove.vault.records import get_owned_for_update

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

# ---- Daily check-ins ----------------------------------------------------------------


def today() -> date:
    return timezone.localdate()


def checkin_for(vault: Vault, day: date) -> CheckIn | None:
    return CheckIn.objects.owned_by(vault).filter(day=day).first()


def save_checkin(vault: Vault, day: date, ratings: dict[str, int], note: str, *,
                 version: int | None = None) -> CheckIn:
    """Keep one check-in a day: a second one that day replaces the first one's answers.

    `version` is the version of the day's check-in the person's form was based on; if it
    changed since (another tab or device), nothing is written and Conflict carries both.
    """
    clean = {k: v for k, v in ratings.items() if k in QUESTIONS and v is not None}
    with transaction.atomic():
        existing = checkin_for(vault, day)
        if existing is not None:
            existing = get_owned_for_update(CheckIn, vault, existing.pk)
            if version is not None and version != existing.version:
                raise Conflict(current={**existing.rating_map, "note": existing.note},
                               yours={**clean, "note": note}, version=existing.version)
            existing.ratings = clean
            existing.note = note
            existing.save()
            return existing
    checkin = CheckIn(owner=vault.user, day=day, ratings=clean, note=note).bind(vault)
    try:
        with transaction.atomic():
            checkin.save()
    except IntegrityError:  # two tabs saved at once: keep the later answers
        return save_checkin(vault, day, clean, note)
    return checkin


def recent_checkins(vault: Vault, limit: int = 14) -> list[CheckIn]:
    return list(CheckIn.objects.owned_by(vault).order_by("-day")[:limit])


def checkins_since(vault: Vault, first_day: date, with_notes: bool = False) -> list[CheckIn]:
    found = CheckIn.objects.owned_by(vault).filter(day__gte=first_day).order_by("day")
    if not with_notes:  # charts need only the ratings; leave the notes' ciphertext unread
        found = found.only("id", "owner", "created_at", "day", "ratings")
    return list(found)


# ---- Trends -------------------------------------------------------------------------

RANGES = {"month": 30, "quarter": 91, "year": 364}


@dataclass
class TrendRow:
    label: str
    values: dict[str, float | None]
    cells: list[str | None]  # the values as the table shows them (None: no answer)


@dataclass
class Trends:
    range_key: str
    by_week: bool
    rows: list[TrendRow]
    charts: list[charts.Chart]
    count: int
    checked_in_today: bool  # a check-in today, even one with no answers (the range ends today)


def checkin_trends(vault: Vault, range_key: str) -> Trends:
    """Daily values for a month; weekly averages for longer ranges. One query."""
    days = RANGES.get(range_key, RANGES["month"])
    last = today()
    first = last - timedelta(days=days - 1)
    found = checkins_since(vault, first)
    by_week = days > 31
    buckets: dict[date, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for checkin in found:
        start = checkin.day - timedelta(days=checkin.day.weekday()) if by_week else checkin.day
        for name, value in checkin.rating_map.items():
            buckets[start][name].append(value)
    slots: list[date] = []
    cursor = first - timedelta(days=first.weekday()) if by_week else first
    while cursor <= last:
        slots.append(cursor)
        cursor += timedelta(days=7 if by_week else 1)
    rows = []
    point = str(get_format("DECIMAL_SEPARATOR"))  # once, not once a cell in the template
    labels = [_short(slot) for slot in slots]
    for slot, short in zip(slots, labels, strict=True):
        values = {name: (round(sum(buckets[slot][name]) / len(buckets[slot][name]), 1)
                         if buckets[slot][name] else None)
                  for name in QUESTIONS}
        label = (_("Week of %(day)s") % {"day": short}) if by_week else short
        # A day's answer is a whole number ("7"); a week's is an average to a tenth ("6.5").
        rows.append(TrendRow(label, values, [
            None if v is None else str(v).replace(".", point) if by_week else str(round(v))
            for v in values.values()]))
    drawn = []
    for name in QUESTIONS:
        series = [row.values[name] for row in rows]
        known = [v for v in series if v is not None]
        desc = _describe_series(str(SHORT_LABELS[name]), known, by_week)
        drawn.append(charts.line_chart(
            f"trend-{name}", str(SHORT_LABELS[name]), desc, labels,
            [charts.Series(str(SHORT_LABELS[name]), series)], y_max=10, y_step=5))
    return Trends(range_key if range_key in RANGES else "month", by_week,
                  [r for r in rows if any(v is not None for v in r.values.values())],
                  drawn, len(found), any(checkin.day == last for checkin in found))


def _short(day: date) -> str:
    """A short date such as "3 Nov", with the month's name in the active language.

    The same as `date_format(day, "j M")` at a fraction of its cost (it is called once for
    every point of every chart).
    """
    return f"{day.day} {str(MONTHS_3[day.month]).title()}"


def _describe_series(label: str, known: list[float], by_week: bool) -> str:
    if not known:
        return _("%(what)s: no answers in this time.") % {"what": label}
    what = _("weekly averages") if by_week else _("daily answers")
    return _("%(what)s, %(kind)s from 0 to 10: %(n)s points, lowest %(low)s, highest "
             "%(high)s, most recent %(last)s.") % {
        "what": label, "kind": what, "n": len(known), "low": f"{min(known):g}",
        "high": f"{max(known):g}", "last": f"{known[-1]:g}"}


# ---- Measures (read through cove.measures.public) ------------------------------------

# PCL-5 change markers (Weathers et al. 2013, VA National Center for PTSD; clinical.md):
# a change of 5 or more points counts as a response, 10 or more as clinically meaningful.
PCL5_RESPONSE = 5
PCL5_MEANINGFUL = 10


@dataclass
class MeasureRow:
    when: datetime
    total: int
    band: str | None
    change: int | None
    marker: str
    change_text: str = "\u2013"  # as the table shows it: "+3", "-2", or a dash (first)


@dataclass
class MeasureTrend:
    instrument: str
    title: str
    max_total: int
    rows: list[MeasureRow]
    chart: charts.Chart
    summary: str
    thresholds: bool


def _change_text(change: int | None) -> str:
    if change is None:
        return "\u2013"  # the en dash the tables show for "nothing to compare"
    return f"+{change}" if change > 0 else str(change)


def _change_marker(instrument: str, change: int | None) -> str:
    if change is None or not instrument.startswith("pcl5"):
        return ""
    size = abs(change)
    if size >= PCL5_MEANINGFUL:
        return _("a change of 10 points or more")
    if size >= PCL5_RESPONSE:
        return _("a change of 5 points or more")
    return ""


# The progress page charts this many of the newest answers of each questionnaire; every
# answer stays on the questionnaires' own list of past answers.
MEASURE_POINTS = 12


def measure_trends(vault: Vault, limit: int = MEASURE_POINTS) -> list[MeasureTrend]:
    """The newest `limit` totals of each questionnaire, oldest first, with a chart each."""
    from cove.measures.public import measure_history

    grouped: dict[str, list[Any]] = defaultdict(list)
    for result in measure_history(vault, limit=limit):
        grouped[result.instrument].append(result)
    trends = []
    for instrument, results in grouped.items():
        results.sort(key=lambda r: r.authored_at)
        first = results[0]
        rows = []
        for index, result in enumerate(results):
            change = result.total - results[index - 1].total if index else None
            rows.append(MeasureRow(result.authored_at, result.total, result.band, change,
                                   _change_marker(instrument, change),
                                   _change_text(change)))
        last = results[-1]
        since_first = last.total - first.total
        if len(results) == 1:
            summary = _("One answer so far: %(total)s out of %(max)s.") % {
                "total": last.total, "max": last.max_total}
        else:
            summary = ngettext(
                "%(n)s answer. The first total was %(first)s and the latest is %(last)s "
                "(out of %(max)s).",
                "%(n)s answers. The first total was %(first)s and the latest is %(last)s "
                "(out of %(max)s).", len(results)) % {
                "n": len(results), "first": first.total, "last": last.total,
                "max": last.max_total}
            marker = _change_marker(instrument, since_first)
            if marker:
                summary += " " + _("Since the first answer, that is %(marker)s.") % {
                    "marker": marker}
        chart = charts.line_chart(
            f"measure-{instrument}", str(last.title), summary,
            [_short(r.authored_at.date()) for r in results],
            [charts.Series(str(last.title), [float(r.total) for r in results])],
            y_max=float(last.max_total))
        trends.append(MeasureTrend(instrument, str(last.title), last.max_total, rows, chart,
                                   summary, instrument.startswith("pcl5")))
    trends.sort(key=lambda t: t.title)
    return trends


# ---- Ladder practices (read through cove.ladder.public) ------------------------------


@dataclass
class StepPractice:
    step_id: str
    step_title: str
    ladder_title: str
    practices: list[Any]
    chart: charts.Chart | None
    summary: str


def practices(vault: Vault) -> list[Any]:
    """The recent practices (at most 200), for callers that need them all."""
    from cove.ladder.public import recent_practices

    return list(recent_practices(vault, limit=200))


def practice_trends(vault: Vault, facts: list[Any] | None = None,
                    steps: int = 6, drawn: bool = True) -> list[StepPractice]:
    """The `steps` most recently practised steps, each with its chart (unless not `drawn`).

    Without `facts`, only those steps' practices are opened; charts are drawn only for the
    steps shown. The API leaves charts out; the progress page lists steps with
    `practised_steps` and links each to its own chart.
    """
    if facts is None:
        from cove.ladder.public import recent_practices

        facts = recent_practices(vault, limit=200, steps=steps)
    grouped: dict[str, list[Any]] = defaultdict(list)
    for fact in facts:
        grouped[fact.step_id].append(fact)
    newest = sorted(grouped.values(), key=lambda group: max(f.started_at for f in group),
                    reverse=True)[:steps]
    found: list[StepPractice] = []
    for step_facts in newest:
        step_facts.sort(key=lambda f: f.started_at)
        last = step_facts[-1]
        summary = _practice_summary(len(step_facts), [
            f.distress_peak for f in step_facts if f.distress_peak is not None])
        chart = _step_chart(f"step-{len(found)}", step_facts, summary) if drawn else None
        found.append(StepPractice(last.step_id, last.step_title, last.ladder_title,
                                  step_facts, chart, summary))
    return found


def _practice_summary(count: int, peaks: Sequence[int]) -> str:
    if len(peaks) >= 2:
        return ngettext(
            "%(n)s practice. Peak distress was %(first)s the first time and %(last)s "
            "the most recent time.",
            "%(n)s practices. Peak distress was %(first)s the first time and %(last)s "
            "the most recent time.", count) % {
            "n": count, "first": peaks[0], "last": peaks[-1]}
    return ngettext("%(n)s practice so far.", "%(n)s practices so far.", count) % {"n": count}


@dataclass
class PractisedStep:
    step_id: str
    step_title: str
    ladder_title: str
    summary: str


def practised_steps(vault: Vault, steps: int = 6) -> list[PractisedStep]:
    """The `steps` most recently practised steps, newest first, each with its summary.

    For the progress page, which links each step to its own chart: only the practices'
    peaks and the titles are opened.
    """
    from cove.ladder.public import recent_step_peaks

    return [PractisedStep(s.step_id, s.step_title, s.ladder_title,
                          _practice_summary(s.practices, s.peaks))
            for s in recent_step_peaks(vault, steps=steps)]


def _step_chart(key: str, step_facts: list[Any], summary: str) -> charts.Chart:
    series = [
        charts.Series(_("Before"), [_f(f.distress_before) for f in step_facts]),
        charts.Series(_("Peak"), [_f(f.distress_peak) for f in step_facts]),
        charts.Series(_("After"), [_f(f.distress_after) for f in step_facts]),
    ]
    return charts.line_chart(key, str(step_facts[-1].step_title),
                             _("Distress from 0 to 100 before, at the peak and after each "
                               "practice. ") + summary,
                             [_short(f.started_at.date()) for f in step_facts], series,
                             y_max=100, y_step=25)


def _f(value: int | None) -> float | None:
    return float(value) if value is not None else None


# ---- Small wins -----------------------------------------------------------------------


# The timeline looks for small wins among this many of the newest journal entries: the
# kind is sealed, so each one must be opened, and the page says how far it looked.
WINS_SCAN = 200


@dataclass
class Win:
    when: datetime
    text: str
    source: str
    link: str | None = None


def small_wins(vault: Vault, facts: list[Any] | None = None, limit: int = 12) -> list[Win]:
    """The newest small wins from the journal and from practices.

    Without `facts`, practices are opened only until `limit` wins are found, and only
    those newer than the oldest of `limit` journal wins (an older one would not be shown).
    """
    from django.urls import reverse

    from cove.journal.public import recent_wins

    wins = [Win(w.written_at, w.text, _("Journal"),
                reverse("journal:entry", args=[w.entry_id]))
            for w in recent_wins(vault, limit, scan=WINS_SCAN)]
    if facts is None:
        from cove.ladder.public import recent_practice_wins

        since = min(w.when for w in wins) if len(wins) >= limit else None
        wins += [Win(p.started_at, _("A practice: %(step)s") % {"step": p.step_title},
                     _("Practice")) for p in recent_practice_wins(vault, limit, since=since)]
    else:
        wins += [Win(f.started_at, _("A practice: %(step)s") % {"step": f.step_title},
                     _("Practice")) for f in facts if f.small_win]
    wins.sort(key=lambda w: w.when, reverse=True)
    return wins[:limit]
