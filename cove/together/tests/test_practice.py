"""Practising together through HTTP: one shared state, a pause either can make, aftercare."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from cove.together.models import Debrief, SharedPractice
from cove.together.testing import api_base, base, make_step

pytestmark = pytest.mark.django_db


def begin(person, link):
    step_id = make_step(person)
    response = person.api("post", api_base(link) + "practice", {"step_id": step_id})
    assert response.status_code == 201, response.content
    return response.json()


def test_both_see_the_step_the_owner_chose(pair):
    river, sol, link = pair
    started = begin(river, link)
    seen = sol.api("get", api_base(link) + f"practice/{started['id']}").json()
    assert seen["step_title"] == "Holding hands on the sofa" and not seen["started_by_me"]


def test_a_step_of_someone_else_cannot_be_started(pair):
    river, sol, link = pair
    step_id = make_step(river)
    response = sol.api("post", api_base(link) + "practice", {"step_id": step_id})
    assert response.status_code == 404


def test_a_pause_by_the_partner_shows_on_the_owners_state(pair):
    river, sol, link = pair
    started = begin(river, link)
    sol.api("post", api_base(link) + f"practice/{started['id']}/pause")
    assert river.api("get", api_base(link) + f"practice/{started['id']}").json()["state"] == "paused"


def test_the_pause_shows_each_person_their_own_part(pair):
    river, sol, link = pair
    river.api("post", api_base(link) + "agreement/suggestions", {
        "after_pause": {"together": "Sit apart", "mine": "I breathe", "theirs": "Sol makes tea"}})
    change = river.api("get", api_base(link) + "agreement").json()["waiting"]["id"]
    sol.api("post", api_base(link) + f"agreement/suggestions/{change}/agree")
    started = begin(river, link)
    pause = sol.api("post", api_base(link) + f"practice/{started['id']}/pause").json()["pause"]
    assert pause == {"together": "Sit apart", "mine": "Sol makes tea", "from_my_plan": ""}


def test_an_unchanged_state_poll_answers_204(pair):
    river, _sol, link = pair
    started = begin(river, link)
    url = base(link) + f"practice/{started['id']}/state/?v={started['version']}"
    assert river.client.get(url).status_code == 204


def test_a_changed_state_poll_answers_the_pause(pair):
    river, sol, link = pair
    started = begin(river, link)
    sol.post(base(link) + f"practice/{started['id']}/pause/")
    response = river.client.get(base(link) + f"practice/{started['id']}/state/?v={started['version']}")
    assert response.status_code == 200 and 'data-state="paused"' in response.content.decode()


def test_only_one_practice_at_a_time(pair):
    river, sol, link = pair
    begin(river, link)
    step_id = make_step(sol)
    assert sol.api("post", api_base(link) + "practice", {"step_id": step_id}).status_code == 422


def test_aftercare_ticks_are_shared(pair):
    river, sol, link = pair
    river.api("post", api_base(link) + "agreement/suggestions", {"aftercare": ["Tea", "Blanket"]})
    started = begin(river, link)
    river.api("post", api_base(link) + f"practice/{started['id']}/end")
    sol.api("put", api_base(link) + f"practice/{started['id']}/aftercare", {"done": ["Tea"]})
    seen = river.api("get", api_base(link) + f"practice/{started['id']}").json()
    assert seen["aftercare_done"] == ["Tea"]


def test_a_private_debrief_is_sealed_under_the_writers_own_key(pair):
    river, sol, link = pair
    started = begin(river, link)
    river.api("post", api_base(link) + f"practice/{started['id']}/end")
    sol.api("post", api_base(link) + f"practice/{started['id']}/debrief",
            {"private_text": "It was a lot", "shared_text": ""})
    assert Debrief.objects.get().owner_id == sol.user.pk
    assert river.api("get", api_base(link) + f"practice/{started['id']}/shared").json() == []


def test_the_shared_part_of_a_debrief_reaches_the_partner(pair):
    river, sol, link = pair
    started = begin(river, link)
    river.api("post", api_base(link) + f"practice/{started['id']}/end")
    sol.api("post", api_base(link) + f"practice/{started['id']}/debrief",
            {"private_text": "", "shared_text": "Thank you for going slowly"})
    shared = river.api("get", api_base(link) + f"practice/{started['id']}/shared").json()
    assert [n["text"] for n in shared] == ["Thank you for going slowly"]


def test_the_practice_page_works_without_javascript(pair):
    river, sol, link = pair
    started = begin(river, link)
    response = sol.post(base(link) + f"practice/{started['id']}/pause/")
    assert response.status_code == 302
    page = sol.client.get(response["Location"]).content.decode()
    assert 'data-state="paused"' in page


def test_a_practice_screen_left_open_for_hours_stops_polling(pair):
    river, _sol, link = pair
    started = begin(river, link)
    SharedPractice.objects.filter(pk=started["id"]).update(
        created_at=timezone.now() - timedelta(hours=3))
    page = river.client.get(base(link) + f"practice/{started['id']}/").content.decode()
    assert "hx-trigger" not in page and "stopped checking" in page
