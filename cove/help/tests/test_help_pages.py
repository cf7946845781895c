# ruff: noqa: RUF001 - typographic apostrophes are intended in what people read
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

PUBLIC_HELP_PAGES = ["/help/", "/help/leaving-quickly/"] + [
    f"/help/guide/{g.slug}/" for g in GUIDES
]


@pytest.fixture
def fresh_data():
    lines.data.cache_clear()
    yield
    lines.data.cache_clear()


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_HELP_PAGES)
def test_help_pages_make_no_database_queries_for_anonymous_visitors(
    anonymous: Client, django_assert_num_queries, path: str
) -> None:
    with django_assert_num_queries(0):
        response = anonymous.get(path)
    assert response.status_code == 200


# Numbers that belong to one country only; none may appear on another country's page.
FOREIGN = {"US": "988", "GB": "116 123", "NZ": "1737", "AU": "13 11 14"}


def _shows_no_country_lines(html: str) -> None:
    for number in FOREIGN.values():
        assert f">Call {number}<" not in html
    assert 'class="card help-line"' not in html


def test_country_comes_from_the_region_the_browser_language_names(anonymous: Client) -> None:
    response = anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE="en-NZ,en;q=0.8")
    assert response.context["country"].code == "NZ"
    html = response.content.decode()
    assert ">Call 1737<" in html and 'href="tel:111"' in html
    assert "We guessed this from your browser’s language." in html


@pytest.mark.parametrize(("language", "code", "shown"), [
    ("en-IN", "IN", 'href="tel:112"'), ("en-ZA", "ZA", ">Call 0800 428 428<"),
    ("pt-BR", "BR", ">Call 180<"), ("nb-NO", "NO", ">Call 116 006<"), ("de-CH", "CH", ">Call 143<"),
    ("es-MX", "MX", 'href="tel:911"'), ("en-SG", "SG", ">Call 1771<"),
    ("fil-PH", "PH", ">Call 0917 899 8727<"),
])
def test_visitors_the_review_saw_sent_to_the_us_get_their_own_lines(
    anonymous: Client, language: str, code: str, shown: str
) -> None:
    response = anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.context["country"].code == code
    html = response.content.decode()
    assert shown in html
    assert ">Call 988<" not in html and ">Call 800-656-4673<" not in html


@pytest.mark.parametrize("language", ["ja", "de", "fr,en;q=0.5", "es-419", ""])
def test_a_language_that_names_no_country_gets_asked_not_given_another_countrys_lines(
    anonymous: Client, language: str
) -> None:
    response = anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.context["country"] is None
    html = response.content.decode()
    assert "Where are you?" in html
    assert "please call your local emergency number" in html
    assert "findahelpline.com" in html
    _shows_no_country_lines(html)


def test_a_region_cove_does_not_list_is_never_swapped_for_another(anonymous: Client) -> None:
    response = anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE="es-AR,en-GB;q=0.8")
    assert response.context["country"] is None
    html = response.content.decode()
    assert "names a place we do not have lines for yet" in html
    _shows_no_country_lines(html)


def test_an_operator_may_name_a_default_for_visitors_whose_language_names_none(
    anonymous: Client, settings
) -> None:
    settings.COVE_DEFAULT_COUNTRY = "NZ"
    response = anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.context["country"].code == "NZ"
    assert "The people who run this site chose it." in response.content.decode()
    # A named region still wins over the operator's default.
    assert anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE="en-AU").context["country"].code == "AU"


def test_choosing_a_country_shows_its_lines_and_is_remembered_as_a_bare_code(
    anonymous: Client
) -> None:
    response = anonymous.get("/help/?country=AU")
    assert ">Call 13 11 14<" in response.content.decode()
    cookie = response.cookies["cove_country"]
    assert cookie.value == "AU"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    again = anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE="en-US")
    assert again.context["country"].code == "AU"
    assert "Forget my choice on this device" in again.content.decode()


def test_saying_my_country_is_not_listed_is_remembered_and_shows_directories(
    anonymous: Client
) -> None:
    response = anonymous.get("/help/?country=ZZ", HTTP_ACCEPT_LANGUAGE="en-US")
    assert response.cookies["cove_country"].value == "ZZ"
    assert response.context["country"] is None
    _shows_no_country_lines(response.content.decode())
    assert anonymous.get("/help/", HTTP_ACCEPT_LANGUAGE="en-US").context["country"] is None


def test_forgetting_the_choice_clears_it_from_the_device(anonymous: Client) -> None:
    anonymous.get("/help/?country=AU")
    response = anonymous.get("/help/?country=forget", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response.cookies["cove_country"].value == ""
    assert response.context["country"].code == "GB"


def test_an_unknown_country_falls_back_calmly(anonymous: Client) -> None:
    response = anonymous.get("/help/?country=QQ")
    assert response.status_code == 200
    assert "cove_country" not in response.cookies


@pytest.mark.parametrize("code", [code for code, _name in lines.countries()])
def test_every_country_page_shows_its_emergency_number_first(anonymous: Client, code: str) -> None:
    html = anonymous.get(f"/help/?country={code}").content.decode()
    country = lines.lines_for(code)
    assert country is not None
    first = country.emergency[0]
    assert f'href="{first.href}"' in html
    assert html.index(first.href) < html.index("Not where you are?")


@pytest.mark.parametrize("code", [code for code, _name in lines.countries()])
def test_no_page_shows_anything_as_not_yet_checked(anonymous: Client, code: str) -> None:
    html = anonymous.get(f"/help/?country={code}").content.decode()
    assert "not yet checked" not in html and "We have not yet checked" not in html


def _topic_section(html: str, topic: str) -> str:
    return html.split(f'id="topic-{topic}"')[1].split("</section>")[0]


@pytest.mark.parametrize(("code", "topic"), [
    ("IT", "suicide"), ("BR", "suicide"), ("GR", "suicide"),
    ("IN", "suicide"), ("SG", "domestic_violence"),
])
def test_a_topic_without_a_checked_line_points_to_the_directories_not_another_country(
    anonymous: Client, code: str, topic: str
) -> None:
    country = lines.lines_for(code)
    assert country is not None
    assert not [line for line in country.lines if topic in line.topics]
    html = anonymous.get(f"/help/?country={code}").content.decode()
    section = _topic_section(html, topic)
    assert 'href="#directories"' in section
    assert 'class="card help-line"' not in section
    assert "findahelpline.com" in html
    for number in FOREIGN.values():
        assert f">Call {number}<" not in section
    assert f'href="{country.emergency[0].href}"' in html


def test_each_way_to_reach_a_line_is_its_own_link(anonymous: Client) -> None:
    html = anonymous.get("/help/?country=US").content.decode()
    assert 'href="tel:+18007997233">Call 800-799-7233<' in html
    assert 'href="sms:88788?&amp;body=START">Text START to 88788<' in html
    assert ">Chat online<" in html


def test_lines_are_grouped_by_what_they_help_with(anonymous: Client) -> None:
    html = anonymous.get("/help/?country=US").content.decode()
    assert html.index("thinking about suicide") < html.index(">Call 988<")
    assert html.index("After sexual violence") < html.index(">Call 800-656-4673<")
    assert html.index("someone at home is hurting you") < html.rindex(">Call 800-799-7233<")


def test_an_operator_file_adds_and_replaces_lines(
    anonymous: Client, settings, tmp_path, fresh_data
) -> None:
    override = tmp_path / "lines.json"
    override.write_text(json.dumps({"countries": {
        "NZ": {"lines": [{"id": "nz-1737", "service": "Local line", "topics": ["suicide"],
                          "call": {"display": "0800 000 000", "tel": "0800000000"},
                          "source": "https://example.org/", "verified": "2026-11-23",
                          "checked": "the clinic phoned it"}]},
        "KE": {"name": "Kenya", "emergency": [
            {"number": "999", "source": "https://example.org/", "verified": "2026-11-23",
             "checked": "the clinic's own list"}], "lines": []},
    }}), encoding="utf-8")
    settings.COVE_CRISIS_LINES_OVERRIDE = str(override)
    lines.data.cache_clear()
    html = anonymous.get("/help/?country=NZ").content.decode()
    assert "Local line" in html and "Added by the people who run this site." in html
    assert "Need to talk?" not in html
    assert anonymous.get("/help/?country=KE").context["country"].code == "KE"


def test_a_broken_operator_file_is_refused_with_a_clear_message(
    settings, tmp_path, fresh_data
) -> None:
    override = tmp_path / "lines.json"
    override.write_text(json.dumps({"countries": {"NZ": {"lines": [
        {"id": "x", "service": "No source", "topics": ["suicide"],
         "call": {"display": "1", "tel": "1"}, "verified": "2026-11-23", "checked": "?"}]}}}),
        encoding="utf-8")
    settings.COVE_CRISIS_LINES_OVERRIDE = str(override)
    lines.data.cache_clear()
    with pytest.raises(lines.CrisisDataError, match="needs 'source'"):
        lines.data()


@pytest.mark.parametrize("entry", [
    {"verified": None, "needs_primary_check": True},
    {"verified": None},
    {"verified": "soon"},
])
def test_an_operator_entry_without_a_checked_date_stops_the_app(
    settings, tmp_path, fresh_data, entry: dict[str, Any]
) -> None:
    override = tmp_path / "lines.json"
    override.write_text(json.dumps({"countries": {"KE": {"name": "Kenya", "emergency": [
        {"number": "999", "source": "https://example.org/", "checked": "?", **entry}]}}}),
        encoding="utf-8")
    settings.COVE_CRISIS_LINES_OVERRIDE = str(override)
    with pytest.raises(lines.CrisisDataError, match="KE emergency 999: 'verified' must be"):
        lines.data()


def test_an_operator_entry_checked_over_a_year_ago_is_logged_at_start_up(
    settings, tmp_path, fresh_data, caplog
) -> None:
    from django.apps import apps

    override = tmp_path / "lines.json"
    override.write_text(json.dumps({"countries": {"KE": {"name": "Kenya", "emergency": [
        {"number": "999", "source": "https://example.org/", "verified": "2020-01-02",
         "checked": "the clinic's own list"}]}}}), encoding="utf-8")
    settings.COVE_CRISIS_LINES_OVERRIDE = str(override)
    with caplog.at_level("WARNING", logger="cove.help.apps"):
        apps.get_app_config("help").ready()
    assert "KE emergency 999" in caplog.text
    assert "over a year ago" in caplog.text


def test_an_unknown_guide_is_not_found(anonymous: Client) -> None:
    assert anonymous.get("/help/guide/nothing-here/").status_code == 404


def test_the_signs_guide_starts_with_a_content_note(anonymous: Client) -> None:
    html = anonymous.get("/help/guide/more-support/").content.decode()
    assert html.index("Before you read:") < html.index("Touch or sex hurts")
    assert "Pain is not something to push through" in html


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


def test_the_signs_guide_covers_panic_numbness_low_mood_and_bleeding(anonymous: Client) -> None:
    html = anonymous.get("/help/guide/more-support/").content.decode()
    for heading in ("Panic, flashbacks or bad dreams keep coming",
                    "You often feel far away or numb", "Low mood or worry will not lift",
                    "Touch or sex hurts, or you bleed"):
        assert heading in html
    assert "Bleeding after sex that is not your period, or sharp pain" in html


def test_couples_help_comes_with_the_abuse_note_and_the_domestic_violence_lines(
    anonymous: Client
) -> None:
    for slug in ("more-support", "kinds-of-help"):
        html = anonymous.get(f"/help/guide/{slug}/").content.decode()
        assert re.search(r"not advised (if your partner|when a partner) hurts you", html)
        assert 'href="/help/#topic-domestic_violence"' in html


def test_the_kinds_of_help_guide_names_the_kinds_of_therapy(anonymous: Client) -> None:
    html = anonymous.get("/help/guide/kinds-of-help/").content.decode()
    for kind in ("Trauma-focused CBT", "EMDR", "somatic", "sex therapist", "Couples therapy",
                 "support group", "pelvic floor physio"):
        assert kind in html, kind


def test_the_questions_guide_has_a_first_session_preparation_list(anonymous: Client) -> None:
    html = anonymous.get("/help/guide/questions/").content.decode()
    start = html.index("Getting ready for a first session")
    part = html[start:html.index("For yourself, after the first talk")]
    assert part.count("<li>") >= 5
    assert "You do not have to tell your whole story" in part


def test_a_country_with_no_checked_line_says_so_once_not_once_per_topic(
    anonymous: Client,
) -> None:
    country = lines.lines_for("IN")
    assert country is not None and not country.lines
    html = anonymous.get("/help/?country=IN").content.decode()
    assert html.count('class="help-none"') == 1
    assert "We do not have lines in India that we could check yet." in html
    for topic in ("suicide", "sexual_violence", "domestic_violence"):
        assert f'id="topic-{topic}"' in html  # links to a topic still land on the page
