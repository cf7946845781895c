"""The plan's steps in Chromium at 360 px: one short step at a time, swapped in by htmx."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cove.core import drafts
from cove.testing_browser import axe, shot

pytestmark = pytest.mark.browser


def test_each_step_fits_a_phone_and_passes_axe(phone_page, signed_in) -> None:
    signed_in(phone_page)
    phone_page.goto("/plan/edit/")
    for part in range(1, 7):
        expect(phone_page.locator("#steps-where")).to_have_text(f"Part {part} of 6")
        axe(phone_page)
        shot(phone_page, f"plan-step-{part}-360")
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
        if part < 6:
            phone_page.get_by_role("button", name="Next").click()


def test_next_swaps_only_the_step_and_moves_focus_to_its_title(phone_page, signed_in) -> None:
    person = signed_in(phone_page)
    phone_page.goto("/plan/edit/")
    phone_page.evaluate("document.querySelector('h1').dataset.kept = 'yes'")
    phone_page.get_by_role("textbox", name="Signs that a hard time is starting").fill("Quiet")
    phone_page.get_by_role("button", name="Next").click()
    expect(phone_page.locator("#steps-where")).to_have_text("Part 2 of 6")
    assert phone_page.evaluate("document.querySelector('h1').dataset.kept") == "yes"
    expect(phone_page.locator(".steps-title")).to_be_focused()
    assert phone_page.url.endswith("/plan/edit/?part=2")
    draft = drafts.find(person.vault(), "safety.plan")
    assert draft is not None and draft.answers["warning_signs"] == "Quiet"


def test_back_shows_what_was_written_and_leaving_offers_to_carry_on(phone_page,
                                                                    signed_in) -> None:
    signed_in(phone_page)
    phone_page.goto("/plan/edit/")
    phone_page.get_by_role("textbox", name="Things I can do on my own").fill("Warm tea")
    phone_page.get_by_role("button", name="Next").click()
    expect(phone_page.locator("#steps-where")).to_have_text("Part 2 of 6")
    phone_page.get_by_role("button", name="Back").click()
    expect(phone_page.get_by_role("textbox", name="Things I can do on my own")
           ).to_have_value("Warm tea")
    phone_page.get_by_role("button", name="Keep for later").click()
    phone_page.wait_for_url("**/plan/")
    phone_page.goto("/plan/edit/")
    expect(phone_page.get_by_text("You have a draft from")).to_be_visible()
    axe(phone_page)
    shot(phone_page, "plan-draft-start-360")
    phone_page.get_by_role("link", name="Carry on").click()
    expect(phone_page.get_by_role("textbox", name="Things I can do on my own")
           ).to_have_value("Warm tea")
