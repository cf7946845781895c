"""Crisis lines by country, from data/crisis_lines.json plus an optional operator file.

Rules (issue 15, docs/clinical.md "Crisis lines"):
- Never another country's lines shown as the visitor's own. The country comes from the
  visitor's choice (a cookie holding only a country code), else from a region the browser's
  language names ("en-NZ"), else from COVE_DEFAULT_COUNTRY; otherwise it is unknown and the
  page asks. A language alone ("ja", "de") names no country, and a named region Cove does
  not list is "not listed", never a fallback to somewhere else.
- One rule for every entry (line, emergency number, directory), shipped or added by an
  operator: it names its `source`, what was `checked`, and a `verified` ISO date. An entry
  without them stops the app at start with the entry at fault; nothing unchecked is shown.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest

from cove.help.choices import Topic

DATA_FILE = Path(__file__).parent / "data" / "crisis_lines.json"
COOKIE = "cove_country"
# ISO 3166 user-assigned code: the visitor told us their country is not listed.
NOT_LISTED = "ZZ"
_REGION = re.compile(r"^[A-Za-z]{2}$")
# A language tag's region: two letters (a country) or three digits (an area such as 419,
# Latin America, which names no single country).
_TAG_REGION = re.compile(r"^(?:[A-Za-z]{2}|\d{3})$")
_TEL = re.compile(r"^[+#*]?[0-9#*]+$")
# An entry last checked longer ago than this is reported (tests and start-up), not hidden.
STALE_AFTER = timedelta(days=365)


class CrisisDataError(ValueError):
    """The crisis-line data (Cove's file or an operator's) does not have the needed shape."""


@dataclass(frozen=True)
class Provenance:
    source: str
    verified: date
    checked: str
    operator: bool = False


@dataclass(frozen=True)
class Call:
    display: str
    tel: str

    @property
    def href(self) -> str:
        return "tel:" + quote(self.tel, safe="+")


@dataclass(frozen=True)
class Text:
    display: str
    to: str
    body: str = ""
    whatsapp: bool = False

    @property
    def href(self) -> str:
        if self.whatsapp:
            return "https://wa.me/" + re.sub(r"\D", "", self.to)
        uri = "sms:" + quote(self.to, safe="+")
        return f"{uri}?&body={quote(self.body)}" if self.body else uri


@dataclass(frozen=True)
class Line:
    id: str
    service: str
    topics: tuple[str, ...]
    provenance: Provenance
    region: str = ""
    call: Call | None = None
    text: Text | None = None
    chat: str = ""
    web: str = ""
    hours: str = ""
    languages: tuple[str, ...] = ()
    note: str = ""

    @property
    def always_open(self) -> bool:
        return self.hours == "24/7"


@dataclass(frozen=True)
class Emergency:
    number: str
    provenance: Provenance
    label: str = ""

    @property
    def href(self) -> str:
        return "tel:" + quote(self.number, safe="+")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    emergency: tuple[Emergency, ...]
    lines: tuple[Line, ...] = ()

    def by_topic(self) -> list[tuple[Topic, list[Line]]]:
        """Lines grouped under each topic, in the order Topic declares (a line may repeat)."""
        return [(topic, [line for line in self.lines if topic.value in line.topics])
                for topic in Topic]

    def covers_every_topic(self) -> bool:
        return all(found for _topic, found in self.by_topic())


@dataclass(frozen=True)
class Directory:
    id: str
    name: str
    web: str
    provenance: Provenance


@dataclass(frozen=True)
class CrisisData:
    countries: dict[str, Country]
    directories: tuple[Directory, ...] = field(default_factory=tuple)


# ---- Loading ---------------------------------------------------------------------------

def _provenance(raw: dict[str, Any], where: str) -> Provenance:
    for key in ("source", "verified", "checked"):
        if key not in raw:
            raise CrisisDataError(f"{where}: needs '{key}'")
    if not str(raw["source"]).startswith("https://") and not str(raw["source"]).startswith("http://"):
        raise CrisisDataError(f"{where}: 'source' must be a web address")
    try:
        day = date.fromisoformat(str(raw["verified"]))
    except ValueError as exc:
        raise CrisisDataError(
            f"{where}: 'verified' must be the date it was checked, YYYY-MM-DD") from exc
    if not str(raw["checked"]).strip():
        raise CrisisDataError(f"{where}: 'checked' must say what was checked")
    return Provenance(str(raw["source"]), day, str(raw["checked"]), bool(raw.get("operator")))


def _line(raw: dict[str, Any], where: str) -> Line:
    where = f"{where} line {raw.get('id', '?')}"
    topics = tuple(raw.get("topics", ()))
    if not topics or set(topics) - set(Topic.values):
        raise CrisisDataError(f"{where}: 'topics' must list some of {Topic.values}")
    call = Call(**raw["call"]) if raw.get("call") else None
    text = Text(**raw["text"]) if raw.get("text") else None
    for number in [call.tel] if call else []:
        if not _TEL.match(number):
            raise CrisisDataError(f"{where}: '{number}' is not a number a phone can dial")
    if not (call or text or raw.get("chat") or raw.get("web")):
        raise CrisisDataError(f"{where}: needs a way to reach it (call, text, chat or web)")
    return Line(
        id=str(raw["id"]), service=str(raw["service"]), topics=topics,
        provenance=_provenance(raw, where), region=str(raw.get("region", "")), call=call,
        text=text, chat=str(raw.get("chat", "")), web=str(raw.get("web", "")),
        hours=str(raw.get("hours", "")), languages=tuple(raw.get("languages", ())),
        note=str(raw.get("note", "")),
    )


def parse(data: dict[str, Any]) -> CrisisData:
    """Check and build the crisis-line data; raises CrisisDataError with the entry at fault."""
    try:
        countries: dict[str, Country] = {}
        for code, raw in data["countries"].items():
            if not _REGION.match(code) or code != code.upper():
                raise CrisisDataError(f"{code}: country codes are two capital letters")
            emergency = tuple(
                Emergency(str(e["number"]), _provenance(e, f"{code} emergency {e.get('number')}"),
                          str(e.get("label", "")))
                for e in raw["emergency"])
            if not emergency:
                raise CrisisDataError(f"{code}: needs at least one emergency number")
            countries[code] = Country(code, str(raw["name"]), emergency,
                                      tuple(_line(line, code) for line in raw.get("lines", [])))
        directories = tuple(
            Directory(str(d["id"]), str(d["name"]), str(d["web"]),
                      _provenance(d, f"directory {d.get('id')}"))
            for d in data.get("directories", []))
    except (KeyError, TypeError) as exc:
        raise CrisisDataError(f"crisis-line data is missing or mistypes {exc}") from exc
    return CrisisData(countries, directories)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """An operator file adds countries and lines, or replaces a line with the same id."""
    countries = base["countries"]
    for code, entry in override.get("countries", {}).items():
        current = countries.setdefault(
            code, {"name": entry.get("name", code), "emergency": [], "lines": []})
        for key in ("name", "emergency"):
            if key in entry:
                current[key] = entry[key]
        by_id = {line["id"]: line for line in current.get("lines", [])}
        for line in entry.get("lines", []):
            by_id[line["id"]] = {**line, "operator": True}
        current["lines"] = list(by_id.values())
    if "directories" in override:
        base["directories"] = override["directories"]
    return base


@cache
def data() -> CrisisData:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    override_path = settings.COVE_CRISIS_LINES_OVERRIDE
    if override_path:
        raw = _merge(raw, json.loads(Path(override_path).read_text(encoding="utf-8")))
    return parse(raw)


def stale(crisis: CrisisData, today: date) -> list[str]:
    """Entries last checked more than STALE_AFTER before `today`, named so a person finds them."""
    def old(provenance: Provenance) -> bool:
        return today - provenance.verified > STALE_AFTER

    found: list[str] = []
    for country in crisis.countries.values():
        found += [f"{country.code} emergency {e.number}" for e in country.emergency
                  if old(e.provenance)]
        found += [f"{country.code} {line.id}" for line in country.lines if old(line.provenance)]
    found += [f"directory {d.id}" for d in crisis.directories if old(d.provenance)]
    return found


def countries() -> list[tuple[str, str]]:
    """Every listed country as (code, name), by name, for the "where are you?" choice."""
    return sorted(((c.code, c.name) for c in data().countries.values()), key=lambda c: c[1])


def lines_for(code: str | None) -> Country | None:
    return data().countries.get(code) if code else None


# ---- Which country --------------------------------------------------------------------

@dataclass(frozen=True)
class Resolution:
    """Where the visitor is, as far as Cove may say, and how it was decided."""

    country: Country | None
    how: str  # "chosen", "language", "operator" or "unknown"
    named_region: str = ""  # a region the browser named that Cove does not list

    @property
    def guessed(self) -> bool:
        return self.how in {"language", "operator"}


def normalise_country(code: str | None) -> str | None:
    """A listed country's code, NOT_LISTED, or None for anything else."""
    if not code:
        return None
    code = code.strip().upper()
    if code == "UK":
        code = "GB"
    if code == NOT_LISTED or code in data().countries:
        return code
    return None


def region_from_language(accept_language: str) -> str | None:
    """The region the browser's most preferred regional language names ("en-NZ" -> "NZ").

    Only the first tag with a region counts: a later one ("en-GB" after "pt-PT") belongs to
    a language the person also reads, not to where they are.
    """
    for part in accept_language.split(","):
        tag = part.split(";")[0].strip().replace("_", "-")
        for subtag in tag.split("-")[1:]:
            if _TAG_REGION.match(subtag):
                return subtag.upper()
    return None


def country_for(request: HttpRequest) -> Resolution:
    chosen = normalise_country(request.GET.get("country")) or normalise_country(
        request.COOKIES.get(COOKIE))
    if chosen:
        return Resolution(lines_for(chosen), "chosen")
    region = region_from_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    if region:
        code = normalise_country(region)
        if code and code != NOT_LISTED:
            return Resolution(lines_for(code), "language")
        return Resolution(None, "unknown", named_region=region)
    default = normalise_country(settings.COVE_DEFAULT_COUNTRY)
    if default and default != NOT_LISTED:
        return Resolution(lines_for(default), "operator")
    return Resolution(None, "unknown")
