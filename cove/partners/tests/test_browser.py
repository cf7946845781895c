"""Two people, two browsers: linking by code, the exact preview, and leaving silently."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from cove.partners.tests.helpers import PLAN, link
from cove.safety import services as safety
from cove.testing_browser import axe, shot

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_linking_by_code_in_two_browsers(page, phone_page, signed_in):
    river = signed_in(page, "river")
    sol = signed_in(phone_page, "sol")
    page.goto("/partners/")
    axe(page)
    page.get_by_role("button", name="Make a code").click()
    code = page.locator(".invite-code").inner_text().strip()
    expect(page.locator("svg.qr")).to_be_visible()
    axe(page)
    shot(page, "partners-code-1280")

    # Sol scans the QR code: the link opens the join page with the code filled in.
    phone_page.goto(f"/partners/join/#{code}")
    expect(phone_page.get_by_label("The code you were given")).to_have_value(code)
    assert "#" not in phone_page.url
    axe(phone_page)
    phone_page.get_by_role("button", name="Use this code").click()
    phone_page.get_by_role("button", name=f"Link with {river.username}").click()
    expect(phone_page.get_by_text("The link starts when you have both confirmed")).to_be_visible()
    shot(phone_page, "partners-confirm-360")

    page.goto("/partners/")
    page.get_by_role("button", name=f"Link with {sol.username}").click()
    expect(page.get_by_text("You are linked. Nothing is shared until you choose.")).to_be_visible()
    expect(page.get_by_role("heading", name=sol.username)).to_be_visible()
    expect(page.get_by_text("You show them nothing yet.")).to_be_visible()
    axe(page)


def test_a_wrong_code_says_only_that_it_did_not_work(phone_page, signed_in):
    signed_in(phone_page)
    phone_page.goto("/partners/join/")
    phone_page.get_by_label("The code you were given").fill("AAAA-BBBB")
    phone_page.get_by_role("button", name="Use this code").click()
    expect(phone_page.get_by_text("That code did not work.")).to_be_visible()
    axe(phone_page)
    shot(phone_page, "partners-wrong-code-360")


def _linked(page: Any, phone_page: Any, signed_in: Any) -> tuple[Any, Any, Any]:
    river = signed_in(page, "river")
    sol = signed_in(phone_page, "sol")
    safety.save_plan(river.vault(), PLAN)
    return river, sol, link(river, sol)


def test_the_preview_shows_what_the_partner_sees(page, phone_page, signed_in):
    _river, sol, active = _linked(page, phone_page, signed_in)
    page.goto(f"/partners/links/{active.pk}/share/")
    axe(page)
    shot(page, "partners-share-1280")
    page.get_by_label("My pause plan").check()
    page.get_by_label("Mum 0170 555 0101").check()
    page.get_by_label("Parts of my safety plan").check()
    page.get_by_role("button", name="Save and see what they see").click()
    expect(page.get_by_role("heading", level=1, name=f"What {sol.username} sees")).to_be_visible()
    preview = page.locator(".shared-part").all_inner_texts()
    axe(page)
    shot(page, "partners-preview-1280")

    phone_page.goto(f"/partners/links/{active.pk}/shared-with-me/")
    expect(phone_page.get_by_text("Orange")).to_be_visible()
    assert phone_page.locator(".shared-part").all_inner_texts() == preview
    assert "Alex" not in phone_page.content()
    axe(phone_page)
    shot(phone_page, "partners-shared-with-me-360")


def test_leaving_is_silent_for_the_other_browser(page, phone_page, signed_in):
    river, _sol, active = _linked(page, phone_page, signed_in)
    phone_page.goto("/partners/")
    expect(phone_page.get_by_role("heading", name=river.username)).to_be_visible()
    page.goto(f"/partners/links/{active.pk}/leave/")
    axe(page)
    shot(page, "partners-leave-1280")
    page.get_by_role("button", name="Leave now").click()
    expect(page.get_by_text("They were not told.")).to_be_visible()

    phone_page.reload()
    expect(phone_page.get_by_text("No one yet. That is fine.")).to_be_visible()
    assert river.username not in phone_page.locator("main").inner_text()
    assert phone_page.locator(".message").count() == 0


def test_the_safety_check_page_and_receipt(phone_page, signed_in):
    signed_in(phone_page)
    phone_page.goto("/partners/safety-check/")
    axe(phone_page)
    shot(phone_page, "partners-safety-check-360")
    phone_page.get_by_role("button", name="Stop all sharing now").click()
    expect(phone_page.get_by_role("heading", name="Done. Here is what changed")).to_be_visible()
    axe(phone_page)
    shot(phone_page, "partners-safety-check-done-360")


def test_the_partners_page_on_a_phone(phone_page, signed_in):
    signed_in(phone_page)
    phone_page.goto("/partners/")
    axe(phone_page)
    shot(phone_page, "partners-index-360")
