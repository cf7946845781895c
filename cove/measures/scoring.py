"""Scoring: pure functions from an instrument's data and a list of answers to a result.

Rules (sources in docs/measures.md and each instrument file):
- total = the sum of the item answers (PHQ-9 0-27, GAD-7 0-21, PCL-5 0-80);
- band = the band whose min..max holds the total (PHQ-9, GAD-7);
- PCL-5 cluster scores are sums over B = items 1-5, C = 6-7, D = 8-14, E = 15-20;
- PCL-5 provisional pattern: an item answered 2 ("Moderately") or higher counts as endorsed,
  and it needs at least 1 B, 1 C, 2 D and 2 E items endorsed;
- PCL-5 cut-point: a total at or above the cut-point in force (33 by default, 31-33 allowed)
  is reported beside the pattern; both are ways to flag a result worth discussing, so a
  high total that misses the pattern is never read as reassurance;
- further help: PHQ-9 and GAD-7 totals of 10 or more (the authors' point for further
  evaluation), and a PCL-5 total at the cut-point, suggest talking to a professional;
- PHQ-9 safety response: item 9 above 0;
- change against the previous response of the same instrument: PCL-5 marks a difference of
  5 or more points as a response and 10 or more as clinically meaningful.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from django.utils.translation import gettext as _

from cove.core.errors import InputError
from cove.measures.instruments import Instrument


@dataclass(frozen=True)
class Change:
    previous_total: int
    difference: int  # this total minus the previous one; negative means lower
    response: bool | None = None  # |difference| >= the instrument's response threshold
    clinically_meaningful: bool | None = None  # |difference| >= the meaningful threshold


@dataclass(frozen=True)
class Score:
    instrument: str
    total: int
    max_total: int
    band: str | None
    clusters: dict[str, int] | None
    provisional_pattern: bool | None
    safety_response: bool | None
    change: Change | None = None
    # Results stored before these fields existed are filled in on reading (services).
    at_or_above_cutpoint: bool | None = None
    cutpoint: int | None = None  # the cut-point used, so the words can name it
    further_help_suggested: bool | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_answers(instrument: Instrument, answers: object) -> list[int]:
    """Return the answers as ints, or raise InputError with a plain explanation."""
    n = len(instrument.items)
    low, high = instrument.min_answer, instrument.max_answer
    if not isinstance(answers, list | tuple):
        raise InputError(_("Send the answers as a list of %(n)s whole numbers.") % {"n": n},
                         field="answers")
    if len(answers) != n:
        raise InputError(_("This questionnaire has %(n)s questions; %(sent)s answers were "
                           "sent.") % {"n": n, "sent": len(answers)}, field="answers")
    for position, value in enumerate(answers, 1):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(_("Answer %(position)s must be a whole number from %(low)s to "
                               "%(high)s.") % {"position": position, "low": low, "high": high},
                             field="answers")
        if not low <= value <= high:
            raise InputError(_("Answer %(position)s is %(value)s; answers go from %(low)s to "
                               "%(high)s.") % {"position": position, "value": value,
                                               "low": low, "high": high}, field="answers")
    return [int(v) for v in answers]


def band_for(instrument: Instrument, total: int) -> str | None:
    for band in instrument.bands:
        if band.min <= total <= band.max:
            return band.name
    return None


def cluster_scores(instrument: Instrument, answers: list[int]) -> dict[str, int]:
    return {name: sum(answers[first - 1:last]) for name, (first, last) in
            instrument.clusters.items()}


def meets_pattern(instrument: Instrument, answers: list[int]) -> bool | None:
    pattern = instrument.pattern
    if pattern is None:
        return None
    for name, needed in pattern.needs.items():
        first, last = instrument.clusters[name]
        endorsed = sum(1 for value in answers[first - 1:last] if value >= pattern.endorsed_at)
        if endorsed < needed:
            return False
    return True


def change_since(instrument: Instrument, total: int, previous_total: int | None) -> Change | None:
    if previous_total is None:
        return None
    difference = total - previous_total
    rule = instrument.change
    if rule is None:
        return Change(previous_total=previous_total, difference=difference)
    return Change(
        previous_total=previous_total,
        difference=difference,
        response=abs(difference) >= rule.response,
        clinically_meaningful=abs(difference) >= rule.meaningful,
    )


@dataclass(frozen=True)
class Thresholds:
    at_or_above_cutpoint: bool | None
    cutpoint: int | None
    further_help_suggested: bool | None


def thresholds(instrument: Instrument, total: int, cutpoint: int | None = None) -> Thresholds:
    """The cut-point flag and the gentle next step for a total (None: no such rule)."""
    above: bool | None = None
    used: int | None = None
    if instrument.cut_point is not None:
        used = cutpoint if cutpoint is not None else instrument.cut_point.chosen()
        above = total >= used
    further: bool | None = above
    if instrument.further_help_at is not None:
        further = total >= instrument.further_help_at or bool(above)
    return Thresholds(above, used, further)


def score(instrument: Instrument, answers: object, previous_total: int | None = None) -> Score:
    checked = check_answers(instrument, answers)
    total = sum(checked)
    safety = None
    if instrument.safety is not None:
        safety = checked[instrument.safety.item - 1] > instrument.safety.above
    flags = thresholds(instrument, total)
    return Score(
        instrument=instrument.id,
        total=total,
        max_total=instrument.max_total,
        band=band_for(instrument, total),
        clusters=cluster_scores(instrument, checked) if instrument.clusters else None,
        provisional_pattern=meets_pattern(instrument, checked),
        safety_response=safety,
        change=change_since(instrument, total, previous_total),
        at_or_above_cutpoint=flags.at_or_above_cutpoint,
        cutpoint=flags.cutpoint,
        further_help_suggested=flags.further_help_suggested,
    )
