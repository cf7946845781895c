"""A wish round's answers in short steps, kept as a draft that holds only yes and curious."""

from __future__ import annotations

import pytest

from cove.core import drafts
from cove.core.models import Draft
from cove.together import rules
from cove.together.testing import api_base, base

pytestmark = pytest.mark.django_db

A, B, C = rules.WISH_KEYS[:3]


def _round(person, link) -> str:
    response = person.api("post", api_base(link) + "wishes/rounds", {"cooldown_days": 7})
    assert response.status_code == 201, response.content
    return str(response.json()["id"])


def test_a_step_keeps_yes_and_curious_in_the_draft_and_never_no(pair):
    river, sol, link = pair
    round_id = _round(river, link)
    url = base(link) + f"wishes/{round_id}/answer/"
    response = sol.post(url, {"part": "1", "go": "next", "w1": "no", "w2": "curious",
                              "w3": "not_now"})
    assert response["Location"] == f"{url}?part=2"
    draft = drafts.find(sol.vault(), f"together.wishes.{round_id}")
    assert draft is not None
    assert draft.answers == {"w1": "", "w2": "curious", "w3": "", "w4": ""}
    html = sol.client.get(f"{url}?part=1").content.decode()
    assert "Part 1 of 5" in html


def test_saving_the_last_step_keeps_the_answers_and_drops_the_draft(pair):
    river, sol, link = pair
    round_id = _round(river, link)
    url = base(link) + f"wishes/{round_id}/answer/"
    sol.post(url, {"part": "1", "go": "next", "w1": "yes"})
    response = sol.post(url, {"part": "5", "go": "finish", "w18": "curious"})
    assert response["Location"] == base(link) + "wishes/"
    kept = sol.api("get", api_base(link) + f"wishes/rounds/{round_id}/answers").json()
    assert kept == {"answers": {A: "yes", rules.WISH_KEYS[-1]: "curious"}}
    assert Draft.objects.count() == 0


def test_leaving_a_wish_round_offers_to_carry_on_where_you_were(pair):
    river, sol, link = pair
    round_id = _round(river, link)
    url = base(link) + f"wishes/{round_id}/answer/"
    sol.post(url, {"part": "1", "go": "next", "w2": "yes"})
    assert sol.post(url, {"part": "2", "go": "leave"})["Location"] == base(link) + "wishes/"
    start = sol.client.get(url).content.decode()
    assert "You have a draft from" in start
    assert f'href="{url}?part=2"' in start
    assert B not in start and C not in start
