"""A whole session in a real Chromium profile, then the profile's own files are read:
none of the words typed may be in its History or Web Data (autofill) databases, nor in
the tabs it saves to restore them (Sessions)."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest

from cove.testing_browser import CHROMIUM, CHROMIUM_ARGS, NEUTRAL_HOST

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

USERNAME = "heronwalker"
WORDS = {
    "journal": "lanternfish quillwort",
    "felt": "thistledown",
    "tag": "marigoldtag",
    "search": "cinnabar",
}


def profile_text(path: Path) -> str:
    """Every value in every table of one of the profile's SQLite files, as text."""
    copy = Path(tempfile.mkdtemp()) / path.name
    shutil.copy(path, copy)
    connection = sqlite3.connect(copy)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        found: list[str] = []
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):  # noqa: S608
                found.extend(v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                             for v in row)
        return "\n".join(found).casefold()
    finally:
        connection.close()


def test_a_session_leaves_no_typed_word_in_history_or_autofill(browser: Any, live_server: Any,
                                                               make_person: Any) -> None:
    person = make_person(USERNAME)
    origin = live_server.url.rstrip("/")
    profile = Path(tempfile.mkdtemp(prefix="cove-profile-"))
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, base_url=origin)
    context.route(f"https://{NEUTRAL_HOST}/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Weather</title>"))
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(10_000)
        page.goto("/account/login/")
        page.get_by_label("Username").fill(USERNAME)
        page.get_by_label("Passphrase").fill(person.passphrase)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/account/login/" not in url)

        page.goto("/journal/new/moment/")
        page.get_by_label("What happened?").fill(WORDS["journal"])
        page.get_by_label("Anything else about where or who?").fill(WORDS["felt"])
        page.get_by_label("Tags").fill(WORDS["tag"])
        page.get_by_role("button", name="Save").click()
        page.get_by_text("Saved to your journal.").wait_for()

        page.goto("/journal/")
        page.get_by_label("Search your journal").fill(WORDS["search"])
        page.get_by_role("button", name="Search").click()
        page.get_by_text("Clear the search").wait_for()
        page.goto("/journal/")
        page.get_by_role("button", name=WORDS["tag"]).first.click()
        page.get_by_text("Clear the search").wait_for()

        page.goto("/grounding/box/")
        page.get_by_label("Not okay right now").check()
        page.get_by_label("Keep my answer in my notes (only I can see it)").check()
        page.get_by_role("button", name="Answer").click()
        page.get_by_text("Your answer is kept in your notes.").wait_for()

        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url("**/account/login/")
        page.goto("/grounding/paced/")
        page.get_by_label("Not okay right now").check()
        page.get_by_role("button", name="Answer").click()
    finally:
        context.close()

    history = profile_text(profile / "Default" / "History")
    autofill = profile_text(profile / "Default" / "Web Data")
    assert "/journal/" in history  # the profile really did record the visits
    for name, text in (("History", history), ("Web Data", autofill)):
        for word in [USERNAME, *WORDS.values(), "not-okay"]:
            for part in word.split():
                assert part.casefold() not in text, f"{part!r} found in {name}"
    # No address of this site carries a query at all (Web Data holds search engines' own).
    assert f"{origin.casefold()}/" in history
    assert not [line for line in history.splitlines()
                if line.startswith(origin.casefold()) and "?" in line]
    # Chrome keeps each tab's pages, with what was posted and typed into them, to restore
    # the tabs later: searches and answers go through scripts, and boxes opt out.
    for saved in (profile / "Default" / "Sessions").glob("*"):
        content = saved.read_bytes().decode("utf-8", "replace").casefold()
        for word in [*WORDS.values(), "not-okay"]:
            for part in word.split():
                assert part.casefold() not in content, f"{part!r} found in {saved.name}"
    shutil.rmtree(profile, ignore_errors=True)
