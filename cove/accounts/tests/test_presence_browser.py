"""Typed words survive the session, in real Chromium: heartbeat, warning, lock in place.

The idle limit is shortened through settings (the live server runs in this process), so
each test waits seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from cove.journal.models import JournalEntry
from cove.testing_browser import PageWatch, axe, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSPHRASE = "a new quiet harbour at noon, 2027"
WRITE_URL = "/journal/new/free/"
BOX = "What would you like to write?"


def stored(person: Any) -> list[str]:
    return [e.answer_map.get("body", "") for e in JournalEntry.objects.owned_by(person.vault())]


def lock_panel(page: Any) -> Any:
    return page.locator("#presence-lock")


@pytest.fixture
def no_script_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A page in a browser with JavaScript switched off."""
    origin = live_server.url.rstrip("/")
    context = browser.new_context(base_url=origin, java_script_enabled=False,
                                  viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = PageWatch(origin)
    page.on("request", watch.on_request)
    yield page
    context.close()
    assert not watch.off_origin


def sign_in_without_script(page: Any, person: Any, passphrase: str | None = None) -> None:
    page.get_by_label("Username").fill(person.username)
    page.get_by_label("Passphrase").fill(passphrase or person.passphrase)
    page.get_by_role("button", name="Sign in").click()


def test_writing_slowly_past_the_limit_keeps_the_page_open(page, signed_in, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.2  # 12 seconds
    person = signed_in(page)
    page.goto(WRITE_URL)
    box = page.get_by_label(BOX)
    words = ["Today", "I", "sat", "by", "the", "window", "and", "breathed", "slowly."]
    for word in words:  # about 27 seconds of slow typing, well past the limit
        box.press_sequentially(word + " ")
        page.wait_for_timeout(3000)
        assert lock_panel(page).is_hidden()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved to your journal.").wait_for()
    assert stored(person) == [" ".join(words)]


def test_a_calm_warning_comes_first_and_stay_signed_in_keeps_the_session(phone_page, signed_in,
                                                                       settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.25  # 15 seconds; the warning shows 5 seconds before
    page = phone_page
    person = signed_in(page)
    page.goto(WRITE_URL)
    page.get_by_label(BOX).fill("Half a thought")
    warning = page.locator("#presence-warning")
    expect(warning).to_be_visible(timeout=15_000)
    expect(warning).to_contain_text("This page will lock soon")
    axe(page)
    shot(page, "presence-warning-360")
    page.get_by_role("button", name="Stay signed in").click()
    expect(warning).to_be_hidden()
    page.wait_for_timeout(8000)  # past the first limit
    assert lock_panel(page).is_hidden()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved to your journal.").wait_for()
    assert stored(person) == ["Half a thought"]


def test_the_page_locks_in_place_and_keeps_the_words(phone_page, signed_in, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.1  # 6 seconds
    page = phone_page
    person = signed_in(page)
    page.goto(WRITE_URL)
    page.get_by_label(BOX).fill("Words I do not want to lose")
    expect(lock_panel(page)).to_be_visible(timeout=15_000)
    # Blanked: the words are not on the page (only in the script's memory), the title is plain.
    assert "Words I do not want to lose" not in page.content()
    assert page.title() == "Notes"
    assert page.locator("textarea").count() == 0
    axe(page)
    shot(page, "presence-locked-360")
    page.get_by_label("Your passphrase").fill("not my passphrase at all")
    page.get_by_role("button", name="Unlock").click()
    expect(page.locator(".js-lock-error")).to_contain_text("does not match")
    page.get_by_label("Your passphrase").fill(person.passphrase)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_label(BOX)).to_have_value("Words I do not want to lose")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved to your journal.").wait_for()
    assert stored(person) == ["Words I do not want to lose"]


def test_a_passphrase_change_elsewhere_is_met_by_signing_in_on_the_page(page, signed_in, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.5  # 30 seconds: a heartbeat every 6 seconds of use
    person = signed_in(page)
    page.goto(WRITE_URL)
    page.get_by_label(BOX).fill("Written before the change")
    changed = person.api("post", "/account/passphrase",
                         {"current": person.passphrase, "new": NEW_PASSPHRASE})
    assert changed.status_code == 204
    page.get_by_label(BOX).press_sequentially(", and after it")
    # Use (here, scrolling) brings the next heartbeat, which learns the session is over.
    for _ in range(30):
        if lock_panel(page).is_visible():
            break
        page.mouse.wheel(0, 40)
        page.wait_for_timeout(500)
    expect(lock_panel(page)).to_be_visible()
    expect(page.locator(".js-said-signed-out")).to_be_visible()
    page.get_by_label("Username").fill(person.username)
    page.get_by_label("Your passphrase").fill(NEW_PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_label(BOX)).to_have_value("Written before the change, and after it")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved to your journal.").wait_for()
    person.passphrase = NEW_PASSPHRASE
    assert stored(person) == ["Written before the change, and after it"]


def test_without_script_a_form_sent_after_the_limit_is_saved_after_the_passphrase(
        no_script_page, make_person, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.05  # 3 seconds
    page = no_script_page
    person = make_person()
    page.goto("/account/login/")
    sign_in_without_script(page, person)
    page.goto(WRITE_URL)
    page.get_by_label(BOX).fill("Typed with no script running")
    page.wait_for_timeout(4000)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Please enter your passphrase again").wait_for()
    page.get_by_label("Your passphrase").fill(person.passphrase)
    page.get_by_role("button", name="Unlock").click()
    page.get_by_role("button", name="Save what I wrote").click()
    page.get_by_text("Saved to your journal.").wait_for()
    assert stored(person) == ["Typed with no script running"]


def test_without_script_a_passphrase_change_elsewhere_keeps_the_form_through_sign_in(
        no_script_page, make_person):
    page = no_script_page
    person = make_person()
    page.goto("/account/login/")
    sign_in_without_script(page, person)
    page.goto(WRITE_URL)
    page.get_by_label(BOX).fill("Still mine after the change")
    person.api("post", "/account/passphrase", {"current": person.passphrase, "new": NEW_PASSPHRASE})
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Please sign in again").wait_for()
    sign_in_without_script(page, person, NEW_PASSPHRASE)
    page.get_by_role("button", name="Save what I wrote").click()
    page.get_by_text("Saved to your journal.").wait_for()
    person.passphrase = NEW_PASSPHRASE
    assert stored(person) == ["Still mine after the change"]


def test_when_one_tab_finds_the_session_locked_every_tab_blanks(page, signed_in, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.5  # 30 seconds: a heartbeat every 6 seconds of use
    signed_in(page)
    page.goto(WRITE_URL)
    other = page.context.new_page()
    other.goto("/journal/")
    # The session locks on the server (as after a lock from a third tab); the first tab
    # hears it from its next heartbeat and tells the others, long before their own limit.
    page.evaluate("""() => fetch('/account/presence/lock/', {method: 'POST',
        headers: {'X-CSRFToken': document.cookie.match(/csrftoken=([^;]+)/)[1]}})""")
    page.get_by_label(BOX).press_sequentially("In the first tab", delay=100)
    expect(lock_panel(page)).to_be_visible(timeout=15_000)
    expect(lock_panel(other)).to_be_visible(timeout=3_000)
    assert "Your entries" not in other.content()


def test_signing_out_in_one_tab_locks_the_others_and_keeps_their_words(page, signed_in):
    person = signed_in(page)
    page.goto("/journal/")
    other = page.context.new_page()
    other.goto(WRITE_URL)
    other.get_by_label(BOX).fill("Kept through a sign-out")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/account/login/")
    expect(lock_panel(other)).to_be_visible()
    other.get_by_label("Username").fill(person.username)
    other.get_by_label("Your passphrase").fill(person.passphrase)
    other.get_by_role("button", name="Unlock").click()
    expect(other.get_by_label(BOX)).to_have_value("Kept through a sign-out")
    other.get_by_role("button", name="Save").click()
    other.get_by_text("Saved to your journal.").wait_for()
    assert stored(person) == ["Kept through a sign-out"]


def test_the_plan_kept_on_this_device_stays_readable_offline_after_the_limit(page, signed_in,
                                                                             settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.1  # 6 seconds
    from cove.ladder.tests.test_pause_browser import keep_plan_on_this_device

    person = signed_in(page)
    keep_plan_on_this_device(page, person)
    page.wait_for_timeout(8000)
    page.watch.allow_console("net::ERR_INTERNET_DISCONNECTED")
    page.context.set_offline(True)
    try:
        page.goto("/plan/calm/")
        expect(page.locator("main")).to_contain_text("Amber")
        page.wait_for_timeout(3000)
        expect(page.locator("main")).to_contain_text("Amber")
        assert page.locator("#presence-lock").count() == 0
    finally:
        page.context.set_offline(False)


def test_a_save_that_meets_a_changed_passphrase_is_carried_through_sign_in(page, signed_in):
    # The page has not heard yet (no heartbeat since): the server keeps the form instead.
    person = signed_in(page)
    page.goto(WRITE_URL)
    page.get_by_label(BOX).fill("Saved at the wrong moment")
    person.api("post", "/account/passphrase", {"current": person.passphrase, "new": NEW_PASSPHRASE})
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Please sign in again").wait_for()
    axe(page)
    shot(page, "presence-sign-in-to-continue-1280")
    page.get_by_label("Username").fill(person.username)
    page.get_by_label("Passphrase").fill(NEW_PASSPHRASE)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Save what I wrote").click()
    page.get_by_text("Saved to your journal.").wait_for()
    person.passphrase = NEW_PASSPHRASE
    assert stored(person) == ["Saved at the wrong moment"]


def test_the_lock_looks_calm_on_a_wide_screen(page, signed_in, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.1  # 6 seconds
    signed_in(page)
    page.goto("/journal/")
    expect(lock_panel(page)).to_be_visible(timeout=15_000)
    axe(page)
    shot(page, "presence-locked-1280")


def test_search_results_swapped_into_the_page_are_blanked_too(page, signed_in, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 0.15  # 9 seconds
    from cove.journal import services

    person = signed_in(page)
    services.write_entry(person.vault(), "win", {"what": "Tea with a friend"}, ["people"])
    page.goto("/journal/")
    page.get_by_label("Search your journal").fill("tea")
    page.get_by_role("button", name="Search").click()
    page.get_by_text("Clear the search").wait_for()
    assert "Tea with a friend" in page.content()
    expect(lock_panel(page)).to_be_visible(timeout=20_000)
    assert "Tea with a friend" not in page.content()
