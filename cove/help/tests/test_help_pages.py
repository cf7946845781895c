"""Crisis help and the support guides: public, fast, and written plainly."""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

import pytest
from django.test import Client

from cove.help import lines
from cove.help.guides import GUIDES
from cove.help.tests.readability import MAX_GRADE, grade

PUBLIC_HELP_PAGES = ["/help/", "/help/leaving-quickly/"] + [
    f"/help/guide/{g.slug}/" for g in GUIDES
]


@pytest.fixture
def fresh_directory():
    lines.directory.cache_clear()
    yield
    lines.directory.cache_clear()


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_HELP_PAGES)
def test_help_pages_make_no_database_queries_for_anonymous_visitors(
    anonymous: Client, django_assert_num_queries, path: str
) -> None:
    with django_assert_num_queries(0):
        response = anonymous.get(path)
    assert response.status_code == 200


def test_country_comes_from_the_browser_language(anonymous: Client) -> None:
    response = anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE="en-NZ,en;q=0.8")
    assert response.context["country"] == "NZ"
    assert b"1737" in response.content
    assert b"111" in response.content


def test_a_language_alone_can_point_to_a_country(anonymous: Client) -> None:
    response = anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.context["country"] == "EU"
    assert b"112" in response.content


def test_choosing_a_country_shows_its_lines_and_is_remembered(anonymous: Client) -> None:
    response = anonymous.get("/help/?country=AU")
    assert b"13 11 14" in response.content
    assert response.cookies["cove_country"].value == "AU"
    again = anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE="en-US")
    assert again.context["country"] == "AU"


def test_an_unknown_country_falls_back_calmly(anonymous: Client) -> None:
    response = anonymous.get("/help/?country=ZZ")
    assert response.status_code == 200
    assert "cove_country" not in response.cookies


def test_every_line_names_its_source_and_when_it_was_checked() -> None:
    for code, entry in lines.directory()["countries"].items():
        for line in entry["lines"] + entry["emergency"]:
            assert line["source"].startswith("https://"), (code, line)
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", line["last_verified"]), (code, line)


def test_the_data_covers_the_promised_places() -> None:
    assert {"US", "CA", "GB", "IE", "AU", "NZ", "EU"} <= set(lines.directory()["countries"])


def test_an_operator_file_adds_and_replaces_lines(
    anonymous: Client, settings, tmp_path, fresh_directory
) -> None:
    override = tmp_path / "lines.json"
    override.write_text(json.dumps({"countries": {
        "NZ": {"lines": [{"id": "nz-1737", "service": "Local line", "contact": "0800 000 000",
                          "tel": "0800000000", "source": "https://example.org/",
                          "last_verified": "2026-11-23"}]},
        "ZA": {"name": "South Africa", "emergency": [{"number": "10111"}], "lines": []},
    }}), encoding="utf-8")
    settings.COVE_CRISIS_LINES_OVERRIDE = str(override)
    lines.directory.cache_clear()
    response = anonymous.get("/help/?country=NZ")
    assert b"Local line" in response.content
    assert b"Need to talk?" not in response.content
    assert anonymous.get("/help/?country=ZA").context["country"] == "ZA"


def test_an_unknown_guide_is_not_found(anonymous: Client) -> None:
    assert anonymous.get("/help/guide/nothing-here/").status_code == 404


def test_the_signs_guide_starts_with_a_content_note(anonymous: Client) -> None:
    html = anonymous.get("/help/guide/more-support/").content.decode()
    assert html.index("Before you read:") < html.index("Touch or sex hurts")
    assert "Pain is not something to push through" in html


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.slug)
def test_guides_read_at_grade_eight_or_below(guide) -> None:
    found = grade(guide.all_text())
    assert found <= MAX_GRADE, f"{guide.slug} reads at grade {found}"


def _asset_paths(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)


@pytest.mark.parametrize("path", PUBLIC_HELP_PAGES)
def test_help_pages_fit_in_30_kb_compressed(anonymous: Client, path: str) -> None:
    html = anonymous.get(path).content
    total = len(gzip.compress(html))
    for asset in _asset_paths(html.decode()):
        response: Any = anonymous.get(asset)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        total += len(gzip.compress(body))
    assert total <= 30 * 1024, f"{path}: {total} bytes"
