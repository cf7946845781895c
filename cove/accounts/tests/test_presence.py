"""The idle limit locks instead of signing out, and no form is lost to a lock or a sign-out."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from cove.accounts.services import SESSION_SEEN, SESSION_STARTED
from cove.journal.models import JournalEntry

pytestmark = pytest.mark.django_db

NEW_PASSPHRASE = "a new quiet harbour at noon, 2027"
UNLOCK_ASK = b"Please enter your passphrase again"
SIGN_IN_ASK = b"Please sign in again"


@pytest.fixture(autouse=True)
def _fresh_beat_limits():
    cache.clear()


def age(person, *, seen_minutes: float = 0, started_hours: float = 0) -> None:
    session = person.client.session
    now = timezone.now()
    session[SESSION_SEEN] = (now - timedelta(minutes=seen_minutes)).isoformat()
    session[SESSION_STARTED] = (now - timedelta(hours=started_hours)).isoformat()
    session.save()


def beat(person):
    return person.post("/account/presence/")


def entries(person) -> list[str]:
    return [e.answer_map["body"] for e in JournalEntry.objects.owned_by(person.vault())]


def write_free_entry(person, text: str):
    return person.post("/journal/new/free/", {"body": text, "tags": "rain"})


# ---- The idle limit locks ---------------------------------------------------------------

def test_an_idle_session_locks_instead_of_signing_out(survivor):
    age(survivor, seen_minutes=16)
    response = survivor.client.get("/account/settings/")
    assert response.status_code == 200 and UNLOCK_ASK in response.content
    assert beat(survivor).json() == {"state": "locked"}


def test_a_session_used_within_the_limit_stays_open(survivor):
    age(survivor, seen_minutes=14)
    assert survivor.client.get("/account/settings/").status_code == 200
    assert beat(survivor).json()["state"] == "open"


def test_the_site_default_sets_the_limit_for_everyone(survivor, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 30
    age(survivor, seen_minutes=20)
    assert b"Settings" in survivor.client.get("/account/settings/").content
    age(survivor, seen_minutes=31)
    assert UNLOCK_ASK in survivor.client.get("/account/settings/").content


def test_a_person_can_choose_a_shorter_limit(survivor):
    survivor.post("/account/settings/", {"minutes": 5})
    survivor.user.refresh_from_db()
    assert survivor.user.idle_timeout_minutes == 5
    age(survivor, seen_minutes=6)
    assert UNLOCK_ASK in survivor.client.get("/account/settings/").content


def test_a_chosen_limit_never_outlasts_the_site_default(survivor, settings):
    survivor.post("/account/settings/", {"minutes": 10})
    settings.COVE_IDLE_TIMEOUT_MINUTES = 5
    age(survivor, seen_minutes=6)
    assert UNLOCK_ASK in survivor.client.get("/account/settings/").content


def test_only_limits_shorter_than_the_site_default_are_offered(survivor, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 10
    page = survivor.client.get("/account/settings/").content.decode()
    assert "After 10 minutes (the usual)" in page
    assert 'value="5"' in page and 'value="2"' in page and 'value="15"' not in page
    response = survivor.post("/account/settings/", {"minutes": 15})
    assert response.status_code == 200 and b"Select a valid choice" in response.content
    survivor.user.refresh_from_db()
    assert survivor.user.idle_timeout_minutes is None


def test_going_back_to_the_usual_limit_forgets_the_choice(survivor):
    survivor.post("/account/settings/", {"minutes": 5})
    survivor.post("/account/settings/", {"minutes": ""})
    survivor.user.refresh_from_db()
    assert survivor.user.idle_timeout_minutes is None


def test_an_idle_limit_outside_the_session_lifetime_stops_the_start():
    env = {**os.environ, "COVE_IDLE_TIMEOUT_MINUTES": "0", "DJANGO_SETTINGS_MODULE": "cove.settings"}
    result = subprocess.run([sys.executable, "-c", "import cove.settings"], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "COVE_IDLE_TIMEOUT_MINUTES must be at least 1" in result.stderr


def test_the_api_reports_the_limit_in_effect(survivor, settings):
    settings.COVE_IDLE_TIMEOUT_MINUTES = 12
    assert survivor.api("get", "/auth/me").json()["idle_timeout_minutes"] == 12
    survivor.post("/account/settings/", {"minutes": 5})
    assert survivor.api("get", "/auth/me").json()["idle_timeout_minutes"] == 5


# ---- A locked session -------------------------------------------------------------------

def test_a_locked_session_opens_no_account_page_until_unlocked(survivor):
    age(survivor, seen_minutes=16)
    for path in ("/account/sessions/", "/account/activity/", "/journal/"):
        response = survivor.client.get(path)
        assert response.status_code == 200 and UNLOCK_ASK in response.content, path
    assert survivor.api("get", "/auth/sessions").status_code == 423
    assert survivor.api("get", "/journal/entries").status_code == 423


def test_a_locked_session_can_still_sign_out(survivor):
    age(survivor, seen_minutes=16)
    survivor.client.get("/journal/")
    response = survivor.post("/account/logout/")
    assert response.status_code == 302
    assert beat(survivor).json() == {"state": "signed_out"}


def test_unlocking_starts_the_idle_clock_again(survivor):
    age(survivor, seen_minutes=16)
    survivor.client.get("/journal/")
    survivor.post("/vault/unlock/", {"passphrase": survivor.passphrase, "next": "/journal/"})
    response = survivor.client.get("/account/activity/")
    assert response.status_code == 200 and UNLOCK_ASK not in response.content
    assert beat(survivor).json()["seconds_left"] > 14 * 60


def test_a_form_sent_after_the_idle_limit_is_carried_through_the_unlock_page(survivor):
    age(survivor, seen_minutes=16)
    response = write_free_entry(survivor, "Written slowly, over a long while")
    assert UNLOCK_ASK in response.content
    assert b'name="carry__body" value="Written slowly, over a long while"' in response.content
    assert entries(survivor) == []
    unlocked = survivor.post("/vault/unlock/", {
        "passphrase": survivor.passphrase, "next": "/journal/new/free/", "carried_method": "POST",
        "carry__body": "Written slowly, over a long while", "carry__tags": "rain"})
    assert b"Save what I wrote" in unlocked.content
    saved = write_free_entry(survivor, "Written slowly, over a long while")
    assert saved.status_code == 302
    assert entries(survivor) == ["Written slowly, over a long while"]


# ---- Signed out: carried through sign-in ------------------------------------------------

def sign_in_and_continue(person, passphrase: str, carried: dict[str, str], next_url: str):
    fields = {f"carry__{k}": v for k, v in carried.items()}
    return person.post("/account/presence/continue/", {
        "username": person.username, "passphrase": passphrase, "next": next_url, **fields})


def test_a_form_sent_after_the_session_lifetime_is_carried_through_sign_in(survivor, settings):
    age(survivor, started_hours=settings.COVE_SESSION_MAX_HOURS + 1)
    response = write_free_entry(survivor, "Kept across the long night")
    assert response.status_code == 200 and SIGN_IN_ASK in response.content
    assert b'name="carry__body" value="Kept across the long night"' in response.content
    assert b'name="next" value="/journal/new/free/"' in response.content
    continued = sign_in_and_continue(survivor, survivor.passphrase,
                                     {"body": "Kept across the long night"}, "/journal/new/free/")
    assert b"Save what I wrote" in continued.content
    assert b'name="body" value="Kept across the long night"' in continued.content
    assert write_free_entry(survivor, "Kept across the long night").status_code == 302
    assert entries(survivor) == ["Kept across the long night"]


def test_a_passphrase_change_elsewhere_carries_the_form_through_sign_in(survivor):
    elsewhere = Client()
    elsewhere.post("/account/login/", {"username": survivor.username,
                                       "passphrase": survivor.passphrase})
    changed = elsewhere.post(
        "/api/v1/account/passphrase", {"current": survivor.passphrase, "new": NEW_PASSPHRASE},
        content_type="application/json")
    assert changed.status_code == 204
    response = write_free_entry(survivor, "Still here after the change")
    assert SIGN_IN_ASK in response.content
    assert b'name="carry__body" value="Still here after the change"' in response.content
    continued = sign_in_and_continue(survivor, NEW_PASSPHRASE,
                                     {"body": "Still here after the change"}, "/journal/new/free/")
    assert b"Save what I wrote" in continued.content
    survivor.passphrase = NEW_PASSPHRASE
    assert write_free_entry(survivor, "Still here after the change").status_code == 302
    assert entries(survivor) == ["Still here after the change"]


def test_a_wrong_passphrase_on_the_way_keeps_the_carried_form(survivor, settings):
    age(survivor, started_hours=settings.COVE_SESSION_MAX_HOURS + 1)
    write_free_entry(survivor, "Not lost to a typo")
    response = sign_in_and_continue(survivor, "not the right passphrase at all",
                                    {"body": "Not lost to a typo"}, "/journal/new/free/")
    assert response.status_code == 400
    assert b"do not match" in response.content
    assert b'name="carry__body" value="Not lost to a typo"' in response.content


def test_a_carried_form_never_carries_a_passphrase(survivor, settings):
    age(survivor, started_hours=settings.COVE_SESSION_MAX_HOURS + 1)
    response = survivor.post("/vault/download/", {"passphrase": survivor.passphrase, "format": "json"})
    assert SIGN_IN_ASK in response.content
    assert survivor.passphrase.encode() not in response.content
    assert b'name="carry__format" value="json"' in response.content


def test_a_continue_target_off_the_site_goes_home_instead(survivor, settings):
    age(survivor, started_hours=settings.COVE_SESSION_MAX_HOURS + 1)
    survivor.client.get("/")
    response = sign_in_and_continue(survivor, survivor.passphrase, {"body": "x"},
                                    "//elsewhere.example/steal")
    assert b'action="/"' in response.content


# ---- The heartbeat ----------------------------------------------------------------------

def test_a_heartbeat_counts_as_use_and_carries_nothing_back_but_the_state(survivor):
    age(survivor, seen_minutes=10)
    answer = beat(survivor).json()
    assert set(answer) == {"state", "seconds_left", "warn_seconds", "limit_seconds"}
    assert answer["state"] == "open" and answer["seconds_left"] > 14 * 60
    assert answer["warn_seconds"] == 60 and answer["limit_seconds"] == 15 * 60


def test_heartbeats_are_rate_limited(survivor):
    assert beat(survivor).status_code == 200
    too_soon = beat(survivor)
    assert too_soon.status_code == 429 and too_soon["Retry-After"] == "1"


def test_a_heartbeat_needs_the_csrf_token(survivor):
    assert survivor.client.post("/account/presence/").status_code == 403


def test_a_heartbeat_does_not_reopen_a_locked_session(survivor):
    age(survivor, seen_minutes=16)
    assert beat(survivor).json() == {"state": "locked"}
    cache.clear()
    assert beat(survivor).json() == {"state": "locked"}


def test_the_page_can_lock_its_session_at_once(survivor):
    assert survivor.post("/account/presence/lock/").json() == {"state": "locked"}
    assert UNLOCK_ASK in survivor.client.get("/journal/").content


# ---- Unlocking in the page --------------------------------------------------------------

def owner_of(person) -> str:
    page = person.client.get("/journal/").content.decode()
    return page.split('data-owner="', 1)[1].split('"', 1)[0]


def test_a_page_locked_in_place_opens_with_the_passphrase(survivor):
    owner = owner_of(survivor)
    survivor.post("/account/presence/lock/")
    wrong = survivor.post("/account/presence/unlock/", {"passphrase": "nope nope nope nope",
                                                        "owner": owner})
    assert wrong.json()["state"] == "locked" and "does not match" in wrong.json()["error"]
    right = survivor.post("/account/presence/unlock/", {"passphrase": survivor.passphrase,
                                                        "owner": owner})
    assert right.status_code == 200 and right.json()["state"] == "open"
    assert survivor.client.get("/journal/").status_code == 200


def test_a_signed_out_page_asks_for_the_username_too(survivor, settings):
    owner = owner_of(survivor)
    age(survivor, started_hours=settings.COVE_SESSION_MAX_HOURS + 1)
    asked = survivor.post("/account/presence/unlock/", {"passphrase": survivor.passphrase,
                                                        "owner": owner})
    assert asked.json()["state"] == "signed_out" and asked.json()["error"]
    signed_in = survivor.post("/account/presence/unlock/", {
        "username": survivor.username, "passphrase": survivor.passphrase, "owner": owner})
    answer = signed_in.json()
    assert answer["state"] == "open"
    # The sign-in gave a new CSRF token; the page puts it in its forms.
    assert answer["csrf"] and survivor.client.cookies["csrftoken"].value
    assert survivor.client.get("/journal/").status_code == 200


def test_someone_else_signing_in_on_a_locked_page_never_gets_it_back(survivor, other_survivor,
                                                                     settings):
    owner = owner_of(survivor)
    age(survivor, started_hours=settings.COVE_SESSION_MAX_HOURS + 1)
    answer = survivor.post("/account/presence/unlock/", {
        "username": other_survivor.username, "passphrase": other_survivor.passphrase,
        "owner": owner}).json()
    assert answer == {"state": "other_person"}


def test_a_copy_fetched_to_keep_on_the_device_carries_no_idle_clock(survivor):
    # safety.js fetches the calm plan to keep it for offline use; that copy must stay
    # readable later, long after this session's limit.
    kept = survivor.client.get("/plan/calm/", HTTP_SEC_FETCH_DEST="empty").content.decode()
    assert 'data-state="copy"' in kept and 'id="presence-lock"' not in kept
    opened = survivor.client.get("/plan/calm/", HTTP_SEC_FETCH_DEST="document").content.decode()
    assert 'data-state="open"' in opened and 'id="presence-lock"' in opened


def test_an_unlock_page_sent_after_the_session_ended_still_carries_its_form(survivor, settings):
    age(survivor, seen_minutes=16)
    write_free_entry(survivor, "Left on the unlock page overnight")  # the unlock page
    age(survivor, started_hours=settings.COVE_SESSION_MAX_HOURS + 1)
    response = survivor.post("/vault/unlock/", {
        "passphrase": survivor.passphrase, "next": "/journal/new/free/", "carried_method": "POST",
        "carry__body": "Left on the unlock page overnight"})
    assert SIGN_IN_ASK in response.content
    assert b'name="carry__body" value="Left on the unlock page overnight"' in response.content
    assert b'name="next" value="/journal/new/free/"' in response.content
    assert b"carry__carry__" not in response.content and b"carry__passphrase" not in response.content


def test_signing_in_again_with_nothing_carried_goes_straight_back(survivor, settings):
    age(survivor, started_hours=settings.COVE_SESSION_MAX_HOURS + 1)
    survivor.client.get("/")
    response = survivor.post("/account/presence/continue/", {
        "username": survivor.username, "passphrase": survivor.passphrase, "next": "/journal/"})
    assert response.status_code == 302 and response["Location"] == "/journal/"
