"""Check-ins and reminders speak the house's conventions: one 422 shape, enums, versions."""

from __future__ import annotations

import pytest

from cove.api import api

pytestmark = pytest.mark.django_db


def test_reminder_what_and_weekdays_are_enums_in_the_schema():
    schemas = api.get_openapi_schema()["components"]["schemas"]
    assert schemas["ReminderWhat"]["enum"] == [
        "checkin", "journal", "practice", "grounding", "something"]
    assert schemas["Weekday"]["enum"] == [0, 1, 2, 3, 4, 5, 6]


def test_choices_endpoint_offers_the_reminder_choices_with_labels(anonymous):
    sets = anonymous.get("/api/v1/choices").json()
    assert sets["progress.reminder_what"][0] == {"value": "checkin",
                                                 "label": "A daily check-in"}
    assert [c["value"] for c in sets["progress.range"]] == ["month", "quarter", "year"]


def test_an_unknown_time_zone_gets_the_documented_422_shape(survivor):
    response = survivor.api("post", "/progress/reminders", {
        "what": "journal", "time_of_day": "19:30", "weekdays": [0],
        "timezone": "Mars/Olympus"})
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["errors"]] == [["body", "payload", "timezone"]]


def test_a_checkin_saved_on_an_old_version_gets_409_with_both(survivor):
    first = survivor.api("put", "/progress/checkins/today", {"mood": 4}).json()
    survivor.api("put", "/progress/checkins/today", {"mood": 6, "version": first["version"]})
    stale = survivor.api("put", "/progress/checkins/today",
                         {"mood": 2, "version": first["version"]})
    assert stale.status_code == 409
    body = stale.json()
    assert (body["current"]["mood"], body["yours"]["mood"]) == (6, 2)


def test_the_checkin_page_keeps_the_typed_note_on_a_conflict(survivor):
    first = survivor.api("put", "/progress/checkins/today", {"note": "phone"}).json()
    survivor.api("put", "/progress/checkins/today", {"note": "tablet"})
    response = survivor.post("/progress/today/", {"note": "laptop",
                                                  "version": str(first["version"])})
    assert response.status_code == 200
    page = response.content.decode()
    assert "tablet" in page
    assert "laptop" in page


def test_pausing_a_reminder_on_an_old_version_gets_409(survivor):
    made = survivor.api("post", "/progress/reminders", {
        "what": "journal", "time_of_day": "19:30", "weekdays": [0, 2]}).json()
    path = f"/progress/reminders/{made['id']}/pause"
    assert survivor.api("post", path, {"paused": True, "version": 1}).status_code == 200
    assert survivor.api("post", path, {"paused": False, "version": 1}).status_code == 409
