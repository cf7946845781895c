"""Recording in Chromium with its fake microphone, as a person would: record, listen, keep."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from cove.testing_browser import _finish, _new_page, axe, shot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def _page(browser: Any, live_server: Any, width: int, height: int) -> Iterator[Any]:
    context, page, watch = _new_page(browser, live_server, {"width": width, "height": height})
    context.grant_permissions(["microphone"])
    yield page
    _finish(context, watch)


@pytest.fixture
def phone(browser: Any, live_server: Any, make_sound: Any) -> Iterator[Any]:
    """A 360 px page in the suite's Chromium, whose fake microphone needs no prompt."""
    yield from _page(browser, live_server, 360, 740)


def record_seconds(page: Any, seconds: float) -> None:
    page.get_by_role("button", name="Start recording").click()
    page.get_by_text("Recording. Take your time.").wait_for()
    page.wait_for_timeout(seconds * 1000)
    page.get_by_role("button", name="Stop").click()
    page.get_by_role("heading", name="Listen back").wait_for()


def loaded_duration(page: Any) -> float:
    """Ask the page's player to load the recording's length, as pressing play starts to;
    -1 if it cannot."""
    return page.evaluate("""() => new Promise((done) => {
        const audio = document.querySelector("audio");
        audio.addEventListener("loadedmetadata", () => done(audio.duration));
        audio.addEventListener("error", () => done(-1));
        audio.preload = "metadata"; audio.load();
    })""")


def test_a_note_recorded_in_the_browser_is_kept_and_plays_back(phone, make_person):
    person = make_person()
    sign_in(phone, person.username, person.passphrase)
    phone.goto("/voice/new/")
    axe(phone)
    record_seconds(phone, 2.5)
    shot(phone, "voice-record-360")
    phone.get_by_label("A name for it").fill("Said out loud")
    phone.get_by_role("button", name="Keep this note").click()
    phone.wait_for_url(lambda url: "/voice/new/" not in url)
    assert phone.get_by_role("heading", name="Said out loud").is_visible()
    answers: list[int] = []
    phone.on("response", lambda r: answers.append(r.status) if "/audio/" in r.url else None)
    duration = loaded_duration(phone)
    axe(phone)
    shot(phone, "voice-note-360")
    assert duration > 1
    assert 206 in answers  # Chromium asks for a range, and gets one, so it can seek


def test_a_recording_thrown_away_is_never_sent(phone, make_person):
    person = make_person()
    sign_in(phone, person.username, person.passphrase)
    phone.goto("/voice/new/")
    record_seconds(phone, 1)
    phone.get_by_role("button", name="Throw it away").click()
    assert phone.get_by_text("Thrown away. Nothing was kept.").is_visible()
    assert phone.evaluate("() => document.querySelector('input[type=file]').files.length") == 0


def test_pause_and_go_on_keep_one_recording(phone, make_person):
    person = make_person()
    sign_in(phone, person.username, person.passphrase)
    phone.goto("/voice/new/")
    phone.get_by_role("button", name="Start recording").click()
    phone.get_by_text("Recording. Take your time.").wait_for()
    phone.wait_for_timeout(1200)
    phone.get_by_role("button", name="Pause").click()
    assert phone.get_by_text("Paused. Go on when you are ready.").is_visible()
    phone.get_by_role("button", name="Go on recording").click()
    phone.wait_for_timeout(1200)
    phone.get_by_role("button", name="Stop").click()
    phone.get_by_role("heading", name="Listen back").wait_for()
    assert phone.evaluate("() => document.querySelector('input[type=file]').files.length") == 1


def test_a_clinician_plays_a_shared_note_and_the_client_reads_that_they_did(
        page, phone_page, signed_in, make_sound):
    from cove.clinic import services as clinic
    from cove.voice.tests.test_clinician_listens import shared_note

    clinician = signed_in(page, "ash")
    clinic.save_profile(clinician.user, "Dr Ash", "Riverside Counselling", "")
    clinic.approve("ash")
    client = signed_in(phone_page, "river")
    _note, link_id = shared_note(client, clinician, make_sound)
    answers: list[int] = []
    page.on("response", lambda r: answers.append(r.status) if "/audio/" in r.url else None)
    page.goto(f"/clinic/clients/{link_id}/")
    page.wait_for_load_state("load")
    assert page.get_by_text("before our session").is_visible()
    assert answers == []  # showing the note is not a play
    duration = loaded_duration(page)
    assert duration > 0.5
    assert answers and set(answers) <= {200, 206}
    axe(page)
    shot(page, "clinic-client-voice-note-desktop")
    phone_page.goto("/vault/access/")
    assert phone_page.get_by_text("Dr Ash played one of your voice notes").first.is_visible()
    phone_page.goto(f"/clinic/sharing/{link_id}/preview/")
    axe(phone_page)
    shot(phone_page, "clinic-preview-voice-note-360")
