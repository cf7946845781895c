"""Daily check-ins: one tap per answer, optional, sealed, one a day."""

from __future__ import annotations

import pytest
from django.db import connection

from cove.progress import services
from cove.progress.models import CheckIn

pytestmark = pytest.mark.django_db


def test_check_in_page_offers_eleven_taps_and_a_kind_exit(survivor):
    html = survivor.client.get("/progress/today/").content.decode()
    for question in ("How is your mood?", "How much distress", "How tense", "How did you sleep",
                     "How stressed"):
        assert question in html
    assert html.count('type="radio" name="mood"') == 12  # "No answer" and 0 to 10
    assert "Not today" in html


def test_check_in_is_saved_sealed_and_shown(survivor):
    response = survivor.post("/progress/today/", {"mood": "6", "distress": "2", "sleep": "8",
                                                   "note": "quiet morning by the window"})
    assert response.status_code == 302
    checkin = CheckIn.objects.owned_by(survivor.vault()).get()
    assert checkin.rating_map == {"mood": 6, "distress": 2, "sleep": 8}
    assert checkin.note == "quiet morning by the window"
    with connection.cursor() as cursor:
        cursor.execute("SELECT ratings, note FROM progress_checkin")
        raw = b"".join(bytes(v) for v in cursor.fetchone())
    assert b"quiet morning" not in raw
    assert b"mood" not in raw
    page = survivor.client.get("/progress/today/").content.decode()
    assert "You already checked in today" in page
    assert "quiet morning by the window" in page


def test_a_second_check_in_the_same_day_replaces_the_first(survivor):
    survivor.post("/progress/today/", {"mood": "3"})
    survivor.post("/progress/today/", {"mood": "7", "stress": "1"})
    checkin = CheckIn.objects.owned_by(survivor.vault()).get()
    assert checkin.rating_map == {"mood": 7, "stress": 1}


def test_every_answer_is_optional(survivor):
    assert survivor.post("/progress/today/", {}).status_code == 302


@pytest.mark.parametrize("bad", ["11", "-1", "lots"])
def test_out_of_range_answer_gets_a_message(survivor, bad):
    response = survivor.post("/progress/today/", {"mood": bad})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_check_ins_are_never_shown_to_someone_else(survivor, other_survivor):
    services.save_checkin(other_survivor.vault(), services.today(), {"mood": 1}, "private words")
    html = survivor.client.get("/progress/today/").content.decode()
    assert "private words" not in html
    assert "already checked in" not in html
