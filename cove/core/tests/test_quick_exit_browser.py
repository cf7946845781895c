"""Leave quickly from any tab, in real Chromium: old tabs, other tabs, no JavaScript."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from cove.accounts.models import UserSession
from cove.testing_browser import NEUTRAL_HOST, PageWatch, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NEUTRAL = f"https://{NEUTRAL_HOST}/"


def exit_statuses(context: Any) -> list[int]:
    statuses: list[int] = []
    context.on("response", lambda r: statuses.append(r.status) if r.url.endswith("/exit/") else None)
    return statuses


def test_a_tab_opened_before_signing_in_still_signs_out_every_tab(page, make_person):
    person = make_person()
    old_tab = page
    old_tab.goto("/help/")  # signed out: its CSRF token is about to be replaced
    new_tab = page.context.new_page()
    sign_in(new_tab, person.username, person.passphrase)
    new_tab.goto("/journal/")
    sessions = UserSession.objects.filter(user=person.user)
    before = sessions.count()  # the browser's, and the test client's own
    old_tab.get_by_role("button", name="Leave quickly").click()
    old_tab.wait_for_url(NEUTRAL)
    new_tab.wait_for_url(NEUTRAL)  # the other tab left as well
    # No page of this site has been asked for since: only the old tab's beacon, sent with
    # its stale token, can have ended the session.
    for _ in range(50):
        if sessions.count() < before:
            break
        time.sleep(0.1)
    assert sessions.count() == before - 1
    check = page.context.new_page()
    check.goto("/account/settings/")
    assert "/account/login/" in check.url


@pytest.fixture
def no_script_context(browser: Any, live_server: Any) -> Iterator[Any]:
    origin = live_server.url.rstrip("/")
    context = browser.new_context(base_url=origin, java_script_enabled=False)
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Weather</title>"))
    watch = PageWatch(origin)
    context.on("request", watch.on_request)
    yield context
    context.close()
    assert not watch.off_origin


def test_without_javascript_an_old_tab_still_signs_out(no_script_context, make_person):
    person = make_person()
    old_tab = no_script_context.new_page()
    old_tab.goto("/help/")
    new_tab = no_script_context.new_page()
    new_tab.goto("/account/login/")
    new_tab.get_by_label("Username").fill(person.username)
    new_tab.get_by_label("Passphrase").fill(person.passphrase)
    new_tab.get_by_role("button", name="Sign in").click()
    new_tab.wait_for_url(lambda url: "/account/login/" not in url)
    statuses = exit_statuses(no_script_context)
    old_tab.get_by_role("button", name="Leave quickly").click()
    old_tab.wait_for_url(NEUTRAL)
    assert statuses == [200]
    new_tab.goto("/account/settings/")
    assert "/account/login/" in new_tab.url
