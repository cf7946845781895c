"""Check-ins, thanks and small wins: only what each chooses to share, and no counts."""

from __future__ import annotations

import re

import pytest

from cove.together.models import CheckIn
from cove.together.testing import api_base, base

pytestmark = pytest.mark.django_db


def test_only_the_ticked_check_in_parts_reach_the_partner(pair):
    river, sol, link = pair
    river.api("post", api_base(link) + "check-ins", {
        "parts": {"need": "More quiet evenings", "appreciation": "You listened"},
        "share": ["appreciation"]})
    shared = sol.api("get", api_base(link) + "check-ins").json()
    assert [c["parts"] for c in shared] == [{"appreciation": "You listened"}]


def test_unshared_check_in_parts_stay_under_the_writers_key(pair):
    river, sol, link = pair
    river.api("post", api_base(link) + "check-ins", {"parts": {"need": "Rest"}, "share": []})
    assert CheckIn.objects.get().owner_id == river.user.pk
    assert sol.api("get", api_base(link) + "check-ins/mine").json() == []


def test_a_note_is_on_both_lists(pair):
    river, sol, link = pair
    river.api("post", api_base(link) + "notes", {"kind": "win", "text": "We held hands"})
    assert [n["text"] for n in sol.api("get", api_base(link) + "notes").json()] == ["We held hands"]


def test_only_the_writer_can_take_a_note_back(pair):
    river, sol, link = pair
    note = river.api("post", api_base(link) + "notes", {"kind": "thanks", "text": "Tea"}).json()
    assert sol.api("delete", api_base(link) + f"notes/{note['id']}").status_code == 422


def test_the_notes_page_shows_no_counts_of_the_partners_entries(pair):
    river, sol, link = pair
    for text in ("Tea", "A walk", "A nap"):
        river.post(base(link) + "notes/", {"kind": "thanks", "text": text})
    main = sol.client.get(base(link) + "notes/").content.decode().split("<main", 1)[1]
    words = re.sub(r"<time[^>]*>.*?</time>|<[^>]+>", " ", main.split("</main>", 1)[0])
    assert re.search(r"\b(3|three)\b", words, re.IGNORECASE) is None


def test_an_empty_check_in_is_refused_kindly(pair):
    river, _sol, link = pair
    response = river.post(base(link) + "check-in/", {})
    assert response.status_code == 200 and "Write at least one part" in response.content.decode()
