"""Credential pages in real Chromium, at 360 px and 1280 px, with axe and screenshots."""

from __future__ import annotations

from typing import Any

import pytest

from cove.testing_browser import axe as run_axe
from cove.testing_browser import shot

pytestmark = pytest.mark.browser

NEW = "a different long passphrase, 2027"


def axe(page: Any) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    run_axe(page)


def change_passphrase(page: Any, current: str, new: str) -> None:
    page.goto("/account/passphrase/")
    page.get_by_label("Your passphrase now").fill(current)
    page.get_by_label("New passphrase", exact=True).fill(new)
    page.get_by_label("New passphrase again").fill(new)
    page.get_by_role("button", name="Change passphrase").click()


def test_a_weak_new_passphrase_is_explained_beside_the_field(phone_page, signed_in):
    person = signed_in(phone_page)
    change_passphrase(phone_page, person.passphrase, "zxcvbnmasdfghjkl")
    phone_page.get_by_text("Keys next to each other on a keyboard").wait_for()
    axe(phone_page)
    shot(phone_page, "accounts-weak-passphrase-360")


def test_a_passphrase_change_shows_the_new_calendar_address_once(page, signed_in):
    person = signed_in(page)
    page.goto("/progress/reminders/")
    page.get_by_role("button", name="Make a calendar address").click()
    old = page.get_by_role("textbox", name="Calendar address").input_value()
    change_passphrase(page, person.passphrase, NEW)
    page.get_by_role("heading", name="Your calendar address is new too").wait_for()
    new = page.get_by_role("textbox", name="Calendar address").input_value()
    assert new != old and "/progress/feed/" in new
    axe(page)
    shot(page, "accounts-passphrase-changed-1280")


def test_waiting_after_wrong_passphrases_is_said_calmly(phone_page, signed_in):
    from cove.accounts import throttle

    signed_in(phone_page)
    # The page that asks to wait answers 429, which Chromium logs; that is the point here.
    phone_page.watch.allow_console("status of 429")
    for _ in range(throttle.DEVICE_FREE_ATTEMPTS + 2):
        phone_page.goto("/account/delete/")
        phone_page.locator("#id_passphrase").fill("not my passphrase at all")
        phone_page.get_by_label("I understand").check()
        phone_page.get_by_role("button", name="Delete").click()
        phone_page.wait_for_load_state()
    phone_page.get_by_text("Please wait").wait_for()
    axe(phone_page)
    shot(phone_page, "accounts-wait-360")
