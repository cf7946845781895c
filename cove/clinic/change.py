"""Reliable and clinically meaningful change between two questionnaire totals.

Every size comes ready-made from a published source in data/change.json (with its citation,
the address read and the date it was checked): Cove computes nothing it cannot source.
A *reliable* change (Jacobson & Truax 1991) is one at least the published reliable change
threshold; an instrument without one would never be called reliable, only meaningful or
a response.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "change.json"
KINDS = ("reliable", "meaningful", "response")


@dataclass(frozen=True)
class Rule:
    reliable: int | None
    meaningful: int | None
    response: int | None


@dataclass(frozen=True)
class ChangeReading:
    difference: int
    reliable: bool
    meaningful: bool
    response: bool


@cache
def rules() -> dict[str, Rule]:
    raw: dict[str, Any] = json.loads(DATA.read_text())["instruments"]
    return {name: Rule(*(int(v[kind]["points"]) if kind in v else None for kind in KINDS))
            for name, v in raw.items()}


def sources() -> dict[str, Any]:
    return dict(json.loads(DATA.read_text()))


def rule_for(instrument: str) -> Rule | None:
    # The past-week PCL-5 uses the same published rule as the past-month form.
    return rules().get("pcl5" if instrument.startswith("pcl5") else instrument)


def _reaches(size: int, threshold: int | None) -> bool:
    return threshold is not None and size >= threshold


def reading(instrument: str, before: int, after: int) -> ChangeReading | None:
    rule = rule_for(instrument)
    if rule is None:
        return None
    difference = after - before
    return ChangeReading(
        difference=difference,
        reliable=_reaches(abs(difference), rule.reliable),
        meaningful=_reaches(abs(difference), rule.meaningful),
        response=_reaches(abs(difference), rule.response),
    )
