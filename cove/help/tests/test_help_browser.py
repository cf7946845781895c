"""Help pages in real Chromium: accessible and usable at phone width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cove.help.guides import GUIDES
from cove.testing_browser import axe, shot

pytestmark = pytest.mark.browser

PAGES = ["/help/", "/help/leaving-quickly/"] + [f"/help/guide/{g.slug}/" for g in GUIDES]


def test_help_pages_pass_axe(page) -> None:
    for path in PAGES:
        page.goto(path)
        axe(page)


def test_choosing_another_country_shows_its_lines(page) -> None:
    page.goto("/help/")
    page.get_by_label("Not where you are? Choose another place").select_option("NZ")
    page.get_by_role("button", name="Show help").click()
    expect(page.locator(".help-where")).to_contain_text("Showing help for New Zealand")
    expect(page.get_by_role("link", name="111")).to_have_attribute("href", "tel:111")
    expect(page.get_by_role("link", name="Call 1737")).to_have_attribute("href", "tel:1737")
    axe(page)


def test_a_visitor_whose_country_is_not_listed_is_asked_and_shown_directories(page) -> None:
    # (Languages that name no country are covered over HTTP; the browser here sends en-US.)
    page.goto("/help/?country=ZZ")
    expect(page.get_by_label("Where are you?")).to_be_visible()
    expect(page.get_by_role("link", name="Find A Helpline")).to_be_visible()
    assert page.locator(".help-line").count() == 0
    axe(page)


@pytest.mark.parametrize("code", ["US", "GB", "IN", "JP", "BR"])
def test_help_for_five_countries_at_phone_width(phone_page, code: str) -> None:
    phone_page.goto(f"/help/?country={code}")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(phone_page, f"help-{code.lower()}-360")


def test_help_pages_at_phone_width(phone_page) -> None:
    for path in PAGES:
        phone_page.goto(path)
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360, path
    phone_page.goto("/help/")
    shot(phone_page, "help-index-360")
    phone_page.goto("/help/guide/more-support/")
    shot(phone_page, "help-more-support-360")
