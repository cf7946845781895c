"""Crisis lines by country, from data/crisis_lines.json plus an optional operator file."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest

DATA_FILE = Path(__file__).parent / "data" / "crisis_lines.json"
DEFAULT_ORDER = ("US", "CA", "GB", "IE", "AU", "NZ", "EU")
# Language tags whose country part is missing but whose language points to one place.
# Spanish and Portuguese are left out: most people who send them alone are not in Europe.
_LANGUAGE_ONLY = {
    "ga": "IE", "mi": "NZ", "de": "DE", "fr": "FR", "it": "IT", "nl": "NL", "pl": "PL",
    "sv": "SE", "da": "DK", "fi": "FI", "el": "GR", "cs": "CZ", "sk": "SK", "sl": "SI",
    "hu": "HU", "ro": "RO", "bg": "BG", "hr": "HR", "et": "EE", "lv": "LV", "lt": "LT",
    "mt": "MT",
}


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """An operator file adds countries and lines, or replaces a line with the same id."""
    countries = base["countries"]
    for code, entry in override.get("countries", {}).items():
        current = countries.setdefault(
            code, {"name": entry.get("name", code), "emergency": [], "lines": []}
        )
        if "name" in entry:
            current["name"] = entry["name"]
        if "emergency" in entry:
            current["emergency"] = entry["emergency"]
        by_id = {line["id"]: line for line in current["lines"]}
        for line in entry.get("lines", []):
            by_id[line["id"]] = {**line, "operator": True}
        current["lines"] = list(by_id.values())
    return base


@cache
def directory() -> dict[str, Any]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    override_path = settings.COVE_CRISIS_LINES_OVERRIDE
    if override_path:
        data = _merge(data, json.loads(Path(override_path).read_text(encoding="utf-8")))
    return data


def countries() -> list[tuple[str, str]]:
    data = directory()["countries"]
    ordered = [code for code in DEFAULT_ORDER if code in data]
    ordered += sorted(code for code in data if code not in DEFAULT_ORDER)
    return [(code, data[code]["name"]) for code in ordered]


def normalise_country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.upper()
    if code == "UK":
        code = "GB"
    data = directory()
    if code in data["countries"]:
        return code
    if code in data.get("eu_members", []):
        return "EU"
    return None


def country_from_language(accept_language: str) -> str | None:
    for part in accept_language.split(","):
        tag = part.split(";")[0].strip()
        if not tag:
            continue
        pieces = tag.replace("_", "-").split("-")
        if len(pieces) >= 2:
            found = normalise_country(pieces[-1] if len(pieces[-1]) == 2 else pieces[1])
            if found:
                return found
        found = normalise_country(_LANGUAGE_ONLY.get(pieces[0].lower()))
        if found:
            return found
    return None


def country_for(request: HttpRequest) -> str:
    chosen = normalise_country(request.GET.get("country")) or normalise_country(
        request.COOKIES.get("cove_country")
    )
    if chosen:
        return chosen
    guessed = country_from_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    return guessed or normalise_country(settings.COVE_DEFAULT_COUNTRY) or "US"


def lines_for(country: str) -> dict[str, Any]:
    return directory()["countries"][country]
