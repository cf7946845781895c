"""Pause in real Chromium, in every state: signed out, locked, offline; never a sign-in."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from cove.ladder.tests.test_pause_anywhere import practice_of
from cove.safety import services as safety
from cove.testing_browser import axe, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAUSED = "You paused. That is a good choice."


def keep_plan_on_this_device(page: Any, person: Any) -> None:
    safety.save_plan(person.vault(), {"stop_word": "Amber", "signal": "Two taps on the arm"})
    page.goto("/plan/this-device/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.get_by_role("button", name="Keep a copy on this device").click()
    expect(page.locator(".js-offline-status")).to_have_text(
        "A copy of your plan is kept on this device.")


def open_practice(page: Any, person: Any) -> None:
    session = practice_of(person)
    page.goto(f"/ladder/practice/{session.pk}/")
    expect(page.get_by_role("heading", level=1, name="Hold hands")).to_be_visible()


def expect_pause_screen(page: Any) -> None:
    expect(page.get_by_role("heading", level=1, name=PAUSED)).to_be_visible()
    expect(page.get_by_role("heading", name="Come back to the here and now")).to_be_visible()
    assert page.get_by_label("Your passphrase").count() == 0
    assert page.get_by_role("heading", name="Sign in").count() == 0


def test_pause_after_being_signed_out_opens_the_pause_plan_kept_on_this_device(phone_page,
                                                                              signed_in):
    page = phone_page
    person = signed_in(page)
    keep_plan_on_this_device(page, person)
    open_practice(page, person)
    # The session ends elsewhere (another device ends every other session).
    person.post("/account/sessions/", {"action": "end_others"})
    page.get_by_role("button", name="Pause", exact=True).click()
    expect_pause_screen(page)
    plan = page.locator(".js-device-plan")
    expect(plan).to_be_visible()
    expect(plan).to_contain_text("Amber")
    expect(plan).to_contain_text("Two taps on the arm")
    axe(page)
    shot(page, "pause-signed-out-360")


def test_pause_from_a_page_locked_in_place(phone_page, signed_in, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.5  # the practice's heartbeat comes every 6 s
    page = phone_page
    person = signed_in(page)
    open_practice(page, person)
    page.evaluate("""() => fetch('/account/presence/lock/', {method: 'POST',
        headers: {'X-CSRFToken': document.cookie.match(/csrftoken=([^;]+)/)[1]}})""")
    lock = page.locator("#presence-lock")
    expect(lock).to_be_visible(timeout=15_000)
    assert "Hold hands" not in page.content()
    shot(page, "pause-locked-practice-360")
    lock.get_by_role("button", name="Pause").click()
    expect_pause_screen(page)
    axe(page)


def test_pause_with_no_network_opens_the_kept_pause_screen(page, signed_in):
    person = signed_in(page)
    keep_plan_on_this_device(page, person)
    open_practice(page, person)
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    page.watch.allow_console("net::ERR_INTERNET_DISCONNECTED")
    page.context.set_offline(True)
    try:
        page.get_by_role("button", name="Pause", exact=True).click()
        expect_pause_screen(page)
        expect(page.locator(".js-device-plan")).to_contain_text("Amber")
        page.get_by_role("link", name="Slow, steady breathing").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Slow, steady breathing")
    finally:
        page.context.set_offline(False)


def test_a_running_practice_keeps_the_session_open(page, signed_in, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.1  # 6 seconds
    person = signed_in(page)
    open_practice(page, person)
    page.wait_for_timeout(12_000)  # twice the limit, without touching anything
    assert page.locator("#presence-lock").is_hidden()
    page.get_by_role("button", name="Pause", exact=True).click()
    expect(page.get_by_role("heading", level=1, name=PAUSED)).to_be_visible()
    assert "Everything so far is saved" in page.content()
