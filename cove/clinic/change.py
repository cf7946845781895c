"""Reliable and clinically meaningful change between two questionnaire totals.

Jacobson-Truax: SE_diff = SD * sqrt(2) * sqrt(1 - r); a change is *reliable* when its size
is at least 1.96 * SE_diff. SD, r and the meaningful-change sizes come from data/change.json,
each with its source and the date it was checked.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "change.json"


@dataclass(frozen=True)
class Rule:
    sd: float
    reliability: float
    meaningful: int
    response: int | None

    @property
    def reliable_size(self) -> float:
        """The smallest difference that counts as reliable (1.96 * SE_diff)."""
        return 1.96 * self.sd * math.sqrt(2) * math.sqrt(1 - self.reliability)


@dataclass(frozen=True)
class ChangeReading:
    difference: int
    reliable: bool
    meaningful: bool
    response: bool
    rci: float


@cache
def rules() -> dict[str, Rule]:
    raw: dict[str, Any] = json.loads(DATA.read_text())["instruments"]
    return {name: Rule(float(v["sd"]), float(v["reliability"]), int(v["meaningful"]),
                       v.get("response")) for name, v in raw.items()}


def sources() -> dict[str, Any]:
    return dict(json.loads(DATA.read_text()))


def rule_for(instrument: str) -> Rule | None:
    # The past-week PCL-5 uses the same published rule as the past-month form.
    return rules().get("pcl5" if instrument.startswith("pcl5") else instrument)


def reading(instrument: str, before: int, after: int) -> ChangeReading | None:
    rule = rule_for(instrument)
    if rule is None:
        return None
    difference = after - before
    se_diff = rule.reliable_size / 1.96
    return ChangeReading(
        difference=difference,
        reliable=abs(difference) >= rule.reliable_size,
        meaningful=abs(difference) >= rule.meaningful,
        response=rule.response is not None and abs(difference) >= rule.response,
        rci=round(difference / se_diff, 2) if se_diff else 0.0,
    )
