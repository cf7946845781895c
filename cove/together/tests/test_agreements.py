"""Shared agreements through the pages: safer changes count at once, others wait."""

from __future__ import annotations

import re

import pytest

from cove.together.testing import base

pytestmark = pytest.mark.django_db


def suggest(person, link, **fields):
    data = {"stop_words": "", "signals": "", "aftercare": "", "limits": "",
            "session_minutes": "", "pause_together": "", "pause_mine": "", "pause_theirs": ""}
    data.update(fields)
    return person.post(base(link) + "agreement/suggest/", data)


def test_a_new_stop_word_counts_at_once(pair):
    river, sol, link = pair
    suggest(river, link, stop_words="red")
    page = sol.client.get(base(link) + "agreement/").content.decode()
    assert "Safer, so it counted at once" in page and "<dd>red</dd>" in page


def test_a_longer_session_waits_for_the_other(pair):
    river, sol, link = pair
    suggest(river, link, session_minutes="20")
    suggest(sol, link, session_minutes="45")
    page = river.client.get(base(link) + "agreement/").content.decode()
    assert "<dd>20 minutes</dd>" in page and "A suggestion from" in page


def test_the_other_person_can_agree_to_a_waiting_change(pair):
    river, sol, link = pair
    suggest(river, link, pause_together="Sit apart and breathe")
    page = sol.client.get(base(link) + "agreement/").content.decode()
    found = re.search(r"/agreement/([0-9a-f-]{36})/agree/", page)
    assert found is not None
    change_id = found.group(1)
    sol.post(base(link) + f"agreement/{change_id}/agree/")
    page = river.client.get(base(link) + "agreement/").content.decode()
    assert "Together: Sit apart and breathe" in page and "Agreed" in page


def test_the_author_cannot_agree_to_their_own_suggestion(pair):
    river, _sol, link = pair
    suggest(river, link, pause_together="Sit apart")
    page = river.client.get(base(link) + "agreement/").content.decode()
    assert "together:accept" not in page and "/agree/" not in page


def test_a_safer_change_replaces_a_waiting_one_on_the_same_topic(pair):
    river, sol, link = pair
    suggest(river, link, session_minutes="30")
    suggest(sol, link, session_minutes="60")
    suggest(river, link, session_minutes="15")
    page = sol.client.get(base(link) + "agreement/").content.decode()
    assert "<dd>15 minutes</dd>" in page and "A suggestion from" not in page


def test_a_stale_version_shows_both_copies(pair):
    river, sol, link = pair
    suggest(river, link, stop_words="red", version="")
    suggest(sol, link, stop_words="red\nblue")
    response = suggest(river, link, stop_words="red\ngreen", version="1")
    assert response.status_code == 200 and "This changed somewhere else" in response.content.decode()


def test_someone_outside_the_link_gets_404(pair, make_person):
    _river, _sol, link = pair
    stranger = make_person()
    assert stranger.client.get(base(link) + "agreement/").status_code == 404
