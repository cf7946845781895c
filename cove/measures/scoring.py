"""Scoring: pure functions from an instrument's data and a list of answers to a result.

Rules (sources in docs/measures.md and each instrument file):
- total = the sum of the item answers (PHQ-9 0-27, GAD-7 0-21, PCL-5 0-80);
- band = the band whose min..max holds the total (PHQ-9, GAD-7);
- PCL-5 cluster scores are sums over B = items 1-5, C = 6-7, D = 8-14, E = 15-20;
- PCL-5 provisional pattern: an item answered 2 ("Moderately") or higher counts as endorsed,
  and it needs at least 1 B, 1 C, 2 D and 2 E items endorsed;
- PHQ-9 safety response: item 9 above 0;
- change against the previous response of the same instrument: PCL-5 marks a difference of
  5 or more points as a response and 10 or more as clinically meaningful.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from cove.measures.instruments import Instrument


class AnswersInvalid(ValueError):
    """The answers do not fit the instrument; `message` is safe to show the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_answers(instrument: Instrument, answers: object) -> list[int]:
    """Return the answers as ints, or raise AnswersInvalid with a plain explanation."""
    n = len(instrument.items)
    low, high = instrument.min_answer, instrument.max_answer
    if not isinstance(answers, list | tuple):
        raise AnswersInvalid(f"Send the answers as a list of {n} whole numbers.")
    if len(answers) != n:
        raise AnswersInvalid(f"This questionnaire has {n} questions; {len(answers)} answers "
                             "were sent.")
    for position, value in enumerate(answers, 1):
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswersInvalid(f"Answer {position} must be a whole number from {low} to {high}.")
        if not low <= value <= high:
            raise AnswersInvalid(f"Answer {position} is {value}; answers go from {low} to {high}.")
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


def score(instrument: Instrument, answers: object, previous_total: int | None = None) -> Score:
    checked = check_answers(instrument, answers)
    total = sum(checked)
    safety = None
    if instrument.safety is not None:
        safety = checked[instrument.safety.item - 1] > instrument.safety.above
    return Score(
        instrument=instrument.id,
        total=total,
        max_total=instrument.max_total,
        band=band_for(instrument, total),
        clusters=cluster_scores(instrument, checked) if instrument.clusters else None,
        provisional_pattern=meets_pattern(instrument, checked),
        safety_response=safety,
        change=change_since(instrument, total, previous_total),
    )
