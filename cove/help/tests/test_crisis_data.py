"""The crisis-line data file: sources, dates, coverage, and the numbers the review named."""

from __future__ import annotations

import json
import warnings
from datetime import date, timedelta
from typing import Any

import pytest

from cove.help import lines
from cove.help.choices import Topic

RAW: dict[str, Any] = json.loads(lines.DATA_FILE.read_text(encoding="utf-8"))

# Issue 15 names these countries; each is listed with national lines that could be checked.
# India and Mexico list only their emergency numbers so far (docs/safety.md, "Lines waiting
# for a check"), and Singapore and the Philippines one national line each.
PROMISED = {"US", "CA", "GB", "IE", "AU", "NZ", "FR", "ES", "BR", "ZA", "JP", "NO", "CH", "DE",
            "IT", "NL"}
EMERGENCY_ONLY = {"IN", "SG", "MX", "PH"}


def _entries() -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for code, country in RAW["countries"].items():
        found += [(f"{code} emergency {e.get('number')}", e) for e in country["emergency"]]
        found += [(f"{code} {line.get('id')}", line) for line in country.get("lines", [])]
    found += [(f"directory {d.get('id')}", d) for d in RAW.get("directories", [])]
    return found


@pytest.mark.parametrize(("where", "entry"), _entries(), ids=[w for w, _e in _entries()])
def test_every_entry_names_its_source_and_the_date_it_was_checked(where: str, entry) -> None:
    assert str(entry.get("source", "")).startswith(("https://", "http://")), where
    assert str(entry.get("checked", "")).strip(), f"{where}: no note of what was checked"
    assert isinstance(entry.get("verified"), str), f"{where}: no verified date"
    date.fromisoformat(entry["verified"])
    assert "needs_primary_check" not in entry, where


def test_entries_checked_more_than_a_year_ago_are_reported() -> None:
    stale = lines.stale(lines.parse(RAW), date.today())
    if stale:
        warnings.warn(f"crisis lines last checked over a year ago: {', '.join(stale)}",
                      UserWarning, stacklevel=1)


def test_a_stale_entry_produces_a_warning(monkeypatch) -> None:
    old = (date.today() - timedelta(days=400)).isoformat()
    country = RAW["countries"]["NZ"]
    patched = {**RAW, "countries": {"NZ": {**country, "emergency": [
        {**country["emergency"][0], "verified": old}]}}}
    monkeypatch.setitem(globals(), "RAW", patched)
    with pytest.warns(UserWarning, match="NZ emergency 111"):
        test_entries_checked_more_than_a_year_ago_are_reported()


def test_an_entry_checked_within_the_year_is_not_stale() -> None:
    crisis = lines.parse(RAW)
    day = date.fromisoformat(RAW["countries"]["NZ"]["emergency"][0]["verified"])
    assert "NZ emergency 111" not in lines.stale(crisis, day + timedelta(days=365))
    assert "NZ emergency 111" in lines.stale(crisis, day + timedelta(days=366))


def test_the_promised_countries_are_listed_with_national_lines() -> None:
    countries = lines.data().countries
    assert set(countries) >= PROMISED | EMERGENCY_ONLY
    assert "EU" not in countries
    for code in PROMISED:
        assert countries[code].lines, code


def test_countries_without_lines_still_have_an_emergency_number() -> None:
    for country in lines.data().countries.values():
        assert country.emergency, country.code


def _numbers(code: str) -> set[str]:
    country = lines.lines_for(code)
    assert country is not None
    found = {line.call.display for line in country.lines if line.call}
    found |= {line.text.display for line in country.lines if line.text}
    return found


@pytest.mark.parametrize(("code", "number"), [
    ("US", "800-799-7233"), ("US", "88788"), ("GB", "0808 2000 247"),
    ("GB", "08088 01 03 02"), ("GB", "0808 802 1414"), ("IE", "1800 341 900"),
    ("IE", "1800 77 88 88"), ("FR", "3114"), ("FR", "3919"), ("ES", "016"),
    ("ZA", "0800 428 428"), ("AU", "1800 737 732"), ("US", "988"), ("CA", "988"),
])
def test_the_lines_the_review_named_are_listed(code: str, number: str) -> None:
    assert number in _numbers(code)


def test_call_text_and_chat_are_separate_ways_to_reach_a_line() -> None:
    us = lines.lines_for("US")
    assert us is not None
    hotline = next(line for line in us.lines if line.id == "us-ndvh")
    assert hotline.call is not None and hotline.call.href == "tel:+18007997233"
    assert hotline.text is not None and hotline.text.href == "sms:88788?&body=START"
    assert hotline.chat.startswith("https://")


def test_short_codes_with_a_hash_are_dialable_links() -> None:
    japan = lines.lines_for("JP")
    assert japan is not None
    line = next(line for line in japan.lines if line.call and line.call.tel == "#8891")
    assert line.call is not None and line.call.href == "tel:%238891"


def test_whatsapp_lines_link_to_whatsapp_with_digits_only() -> None:
    spain = lines.lines_for("ES")
    assert spain is not None
    line = next(line for line in spain.lines if line.text and line.text.whatsapp)
    assert line.text is not None and line.text.href == "https://wa.me/34600000016"


@pytest.mark.parametrize(("change", "message"), [
    (lambda e: e.pop("source"), "needs 'source'"),
    (lambda e: e.pop("verified"), "needs 'verified'"),
    (lambda e: e.update(verified="last week"), "YYYY-MM-DD"),
    (lambda e: e.update(verified=None), "the date it was checked"),
    (lambda e: e.update(verified=None, needs_primary_check=True), "the date it was checked"),
    (lambda e: e.update(checked=" "), "say what was checked"),
    (lambda e: e.update(topics=["gardening"]), "topics"),
])
def test_a_broken_entry_stops_loading_with_a_clear_message(change, message: str) -> None:
    raw = json.loads(lines.DATA_FILE.read_text(encoding="utf-8"))
    change(raw["countries"]["NZ"]["lines"][0])
    with pytest.raises(lines.CrisisDataError, match=message):
        lines.parse(raw)


@pytest.mark.django_db
def test_topics_are_offered_as_a_closed_choice(anonymous) -> None:
    body = anonymous.get("/api/v1/choices").json()
    assert [c["value"] for c in body["help.topic"]] == list(Topic.values)
