"""Questionnaires as data: each instrument is one JSON file in `instruments/`.

A clinic adds an instrument by dropping another file of the same shape there (see
docs/measures.md); nothing in the code names an instrument except the safety rule's data.
The loader checks each file's shape once, so a broken file fails at start-up, not mid-way
through someone's answers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cove.measures.choices import Band as BandName

DATA_DIR = Path(__file__).parent / "instruments"


class InstrumentError(ValueError):
    """An instrument file does not have the shape Cove needs."""


@dataclass(frozen=True)
class AnswerOption:
    value: int
    text: str
    system: str
    code: str


@dataclass(frozen=True)
class Item:
    number: int
    link_id: str
    text: str
    code: str
    system: str = "http://loinc.org"
    # Answer codes that differ for this item only (LOINC's GAD-7 item 2 codes its middle
    # answer LA18938-3 "More days than not"); the wording people see stays the form's.
    answer_codes: dict[int, AnswerOption] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtraItem:
    """An unscored question (the PHQ-9 difficulty question): optional, never in the total."""

    key: str
    link_id: str
    text: str
    code: str
    options: tuple[AnswerOption, ...]
    system: str = "http://loinc.org"


@dataclass(frozen=True)
class Band:
    min: int
    max: int
    name: str


@dataclass(frozen=True)
class Pattern:
    """A provisional pattern: enough items at or above `endorsed_at` in every cluster."""

    endorsed_at: int
    needs: dict[str, int]


@dataclass(frozen=True)
class SafetyRule:
    """An answer above `above` on item `item` calls for the safety response."""

    item: int
    above: int


@dataclass(frozen=True)
class ChangeRule:
    response: int
    meaningful: int


@dataclass(frozen=True)
class CutPoint:
    """A total at or above `default` flags a result worth discussing (PCL-5: 33 in 31-33).

    An operator may choose another point inside `low`..`high` (COVE_PCL5_CUT_POINT).
    """

    default: int
    low: int
    high: int
    setting: str = ""  # the Django setting an operator may use to move it

    def chosen(self) -> int:
        """The cut-point in force: the operator's setting if given (checked at start-up)."""
        from django.conf import settings

        value = getattr(settings, self.setting, None) if self.setting else None
        return int(value) if value is not None else self.default


@dataclass(frozen=True)
class Instrument:
    id: str
    slot: str
    short_title: str
    title: str
    kind: str
    version: str
    period: str
    stem: str
    instructions: str
    copyright: str
    citation: str
    wording_status: str
    wording_note: str
    last_verified: str
    sources: tuple[dict[str, str], ...]
    panel: dict[str, str]
    total_code: dict[str, str]
    options: tuple[AnswerOption, ...]
    items: tuple[Item, ...]
    extra_items: tuple[ExtraItem, ...]
    bands: tuple[Band, ...]
    clusters: dict[str, tuple[int, int]] = field(default_factory=dict)
    pattern: Pattern | None = None
    safety: SafetyRule | None = None
    change: ChangeRule | None = None
    cut_point: CutPoint | None = None
    # A total at or above this suggests talking to a professional (the authors' point for
    # further evaluation: PHQ-9 and GAD-7 at 10). The PCL-5 uses its cut-point instead.
    further_help_at: int | None = None
    content_note: bool = False

    @property
    def min_answer(self) -> int:
        return min(o.value for o in self.options)

    @property
    def max_answer(self) -> int:
        return max(o.value for o in self.options)

    @property
    def max_total(self) -> int:
        return self.max_answer * len(self.items)

    def option_for(self, value: int, item: Item | None = None) -> AnswerOption:
        if item is not None and value in item.answer_codes:
            return item.answer_codes[value]
        return next(o for o in self.options if o.value == value)

    def extra_item(self, key: str) -> ExtraItem | None:
        return next((e for e in self.extra_items if e.key == key), None)


def _options(raw: list[dict[str, Any]]) -> tuple[AnswerOption, ...]:
    options = tuple(
        AnswerOption(value=int(o["value"]), text=o["text"], system=o["system"], code=o["code"])
        for o in raw
    )
    values = [o.value for o in options]
    if values != list(range(values[0], values[0] + len(values))):
        raise InstrumentError("answer values must be consecutive whole numbers")
    return options


def _answer_codes(raw: list[dict[str, Any]]) -> dict[int, AnswerOption]:
    return {
        int(o["value"]): AnswerOption(value=int(o["value"]), text=o["display"],
                                      system=o["system"], code=o["code"])
        for o in raw
    }


def _cut_point(raw: dict[str, Any] | None) -> CutPoint | None:
    if raw is None:
        return None
    low, high = (int(v) for v in raw["range"])
    found = CutPoint(default=int(raw["default"]), low=low, high=high,
                     setting=str(raw.get("setting", "")))
    if not low <= found.default <= high:
        raise InstrumentError("the default cut-point must lie inside its range")
    return found


def parse(data: dict[str, Any]) -> Instrument:
    """Build an Instrument from one file's JSON, checking what scoring relies on."""
    try:
        scoring = data["scoring"]
        if scoring.get("method") != "sum":
            raise InstrumentError("only summed scoring is supported")
        items = tuple(
            Item(number=int(i["number"]), link_id=i["link_id"], text=i["text"], code=i["code"],
                 system=i.get("system", "http://loinc.org"),
                 answer_codes=_answer_codes(i.get("answer_codes", [])))
            for i in data["items"]
        )
        if [i.number for i in items] != list(range(1, len(items) + 1)):
            raise InstrumentError("items must be numbered 1..n in order")
        options = _options(data["options"])
        bands = tuple(Band(int(b["min"]), int(b["max"]), b["name"]) for b in scoring["bands"])
        instrument = Instrument(
            id=data["id"], slot=str(data["slot"]), short_title=data["short_title"],
            title=data["title"], kind=data["kind"], version=data["version"],
            period=data["period"], stem=data["stem"], instructions=data.get("instructions", ""),
            copyright=data["copyright"], citation=data["citation"],
            wording_status=data["wording_status"], wording_note=data.get("wording_note", ""),
            last_verified=data["last_verified"], sources=tuple(data["sources"]),
            panel={k: v for k, v in data["loinc_panel"].items()
                   if k in {"system", "code", "display"}},
            total_code=scoring["total_code"], options=options, items=items,
            extra_items=tuple(
                ExtraItem(key=e["key"], link_id=e["link_id"], text=e["text"], code=e["code"],
                          options=_options(e["options"]),
                          system=e.get("system", "http://loinc.org"))
                for e in data.get("extra_items", [])
            ),
            bands=bands,
            clusters={k: (int(v[0]), int(v[1])) for k, v in scoring.get("clusters", {}).items()},
            pattern=Pattern(int(scoring["pattern"]["endorsed_at"]),
                            {k: int(v) for k, v in scoring["pattern"]["needs"].items()})
            if "pattern" in scoring else None,
            safety=SafetyRule(int(scoring["safety"]["item"]), int(scoring["safety"]["above"]))
            if "safety" in scoring else None,
            change=ChangeRule(int(scoring["change"]["response"]),
                              int(scoring["change"]["meaningful"]))
            if "change" in scoring else None,
            cut_point=_cut_point(scoring.get("cut_point")),
            further_help_at=int(scoring["further_help_at"])
            if "further_help_at" in scoring else None,
            content_note=bool(data.get("content_note", False)),
        )
    except (KeyError, TypeError, StopIteration) as exc:
        raise InstrumentError(f"instrument file is missing or mistypes {exc}") from exc
    _check_bands(instrument)
    _check_clusters(instrument)
    return instrument


def _check_bands(instrument: Instrument) -> None:
    """Bands, if any, must cover 0..max_total with no gap and no overlap, with known names."""
    if not instrument.bands:
        return
    unknown = {b.name for b in instrument.bands} - set(BandName.values)
    if unknown:
        raise InstrumentError(f"{instrument.id}: band names {sorted(unknown)} are not in "
                              "measures.band (cove/measures/choices.py)")
    expected = instrument.min_answer * len(instrument.items)
    for band in instrument.bands:
        if band.min != expected or band.max < band.min:
            raise InstrumentError(f"{instrument.id}: bands leave a gap or overlap at {expected}")
        expected = band.max + 1
    if expected - 1 != instrument.max_total:
        raise InstrumentError(f"{instrument.id}: bands must end at {instrument.max_total}")


def _check_clusters(instrument: Instrument) -> None:
    n = len(instrument.items)
    for name, (first, last) in instrument.clusters.items():
        if not 1 <= first <= last <= n:
            raise InstrumentError(f"{instrument.id}: cluster {name} is outside items 1..{n}")
    if instrument.pattern and set(instrument.pattern.needs) - set(instrument.clusters):
        raise InstrumentError(f"{instrument.id}: the pattern names a cluster that is not defined")
    if instrument.safety and not 1 <= instrument.safety.item <= n:
        raise InstrumentError(f"{instrument.id}: the safety item is outside items 1..{n}")


@cache
def registry() -> dict[str, Instrument]:
    found: dict[str, Instrument] = {}
    for path in sorted(DATA_DIR.glob("*.json")):
        instrument = parse(json.loads(path.read_text(encoding="utf-8")))
        if instrument.id in found or any(i.slot == instrument.slot for i in found.values()):
            raise InstrumentError(f"{path.name}: id or slot used twice")
        found[instrument.id] = instrument
    return dict(sorted(found.items(), key=lambda kv: kv[1].slot))


def get(instrument_id: str) -> Instrument | None:
    return registry().get(instrument_id)


def by_slot(slot: str) -> Instrument | None:
    return next((i for i in registry().values() if i.slot == slot), None)


def all_instruments() -> list[Instrument]:
    return list(registry().values())


def check_cut_points() -> None:
    """Refuse to start with a cut-point the operator moved outside its published range."""
    from django.core.exceptions import ImproperlyConfigured

    for instrument in registry().values():
        cut = instrument.cut_point
        if cut is not None and not cut.low <= cut.chosen() <= cut.high:
            raise ImproperlyConfigured(
                f"{cut.setting} must be from {cut.low} to {cut.high} for {instrument.id}, "
                f"not {cut.chosen()}.")
