"""Check-in and progress operations in the JSON API."""

from __future__ import annotations

import pytest

from cove.progress import services
from cove.progress.models import CheckIn, Reminder

pytestmark = pytest.mark.django_db


def test_save_and_read_todays_check_in(survivor):
    assert survivor.api("get", "/progress/checkins/today").status_code == 404
    saved = survivor.api("put", "/progress/checkins/today", {"mood": 7, "note": "ok"})
    assert saved.status_code == 200
    assert saved.json()["mood"] == 7
    assert saved.json()["sleep"] is None
    assert survivor.api("get", "/progress/checkins/today").json()["note"] == "ok"
    assert len(survivor.api("get", "/progress/checkins?days=7").json()) == 1


@pytest.mark.parametrize("payload", [{"mood": 11}, {"stress": -1}, {"sleep": "lots"},
                                     {"note": "x" * 5001}])
def test_bad_check_in_is_422(survivor, payload):
    response = survivor.api("put", "/progress/checkins/today", payload)
    assert response.status_code == 422
    assert not CheckIn.objects.exists()


def test_check_in_range_is_bounded(survivor):
    assert survivor.api("get", "/progress/checkins?days=100000").status_code == 422


def test_summary(survivor):
    services.save_checkin(survivor.vault(), services.today(), {"mood": 5}, "")
    body = survivor.api("get", "/progress/summary?range=quarter").json()
    assert body["weekly"] is True
    assert body["checkins"] == 1
    assert survivor.api("get", "/progress/summary?range=forever").status_code == 422


def test_reminders_and_calendar(survivor, other_survivor, anonymous):
    made = survivor.api("post", "/progress/reminders",
                        {"what": "grounding", "time_of_day": "08:15", "weekdays": [5, 6]})
    assert made.status_code == 201, made.content
    reminder_id = made.json()["id"]
    assert survivor.api("post", f"/progress/reminders/{reminder_id}/pause",
                        {"paused": True}).json()["paused"] is True
    assert other_survivor.api("post", f"/progress/reminders/{reminder_id}/pause",
                              {"paused": False}).status_code == 404
    assert other_survivor.api("delete", f"/progress/reminders/{reminder_id}").status_code == 404
    url = survivor.api("post", "/progress/calendar").json()["url"]
    path = url.split("testserver", 1)[1]
    assert anonymous.get(path).status_code == 200
    assert survivor.api("delete", "/progress/calendar").status_code == 204
    assert anonymous.get(path).status_code == 404
    assert survivor.api("delete", f"/progress/reminders/{reminder_id}").status_code == 204
    assert not Reminder.objects.exists()


@pytest.mark.parametrize("payload", [
    {"what": "grounding", "time_of_day": "25:00", "weekdays": [1]},
    {"what": "secret", "time_of_day": "08:00", "weekdays": [1]},
    {"what": "grounding", "time_of_day": "08:00", "weekdays": []},
    {"what": "grounding", "time_of_day": "08:00", "weekdays": [9]},
])
def test_bad_reminders_are_422(survivor, payload):
    assert survivor.api("post", "/progress/reminders", payload).status_code == 422


def test_operations_are_tagged(survivor):
    schema = survivor.client.get("/api/v1/openapi.json").json()
    tags = {tag for path, ops in schema["paths"].items() if path.startswith("/api/v1/progress/")
            for op in ops.values() for tag in op.get("tags", [])}
    assert tags == {"checkins", "progress"}
