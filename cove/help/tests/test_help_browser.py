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
    page.get_by_label("Show help for").select_option("NZ")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=2).first).to_have_text("Support lines in New Zealand")
    expect(page.get_by_role("link", name="111")).to_have_attribute("href", "tel:111")


def test_help_pages_at_phone_width(phone_page) -> None:
    for path in PAGES:
        phone_page.goto(path)
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360, path
    phone_page.goto("/help/")
    shot(phone_page, "help-index-360")
    phone_page.goto("/help/guide/more-support/")
    shot(phone_page, "help-more-support-360")
