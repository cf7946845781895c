"""A long ladder in parts: each part is light, and every step and action stays reachable."""

from __future__ import annotations

import re

import pytest

from cove.ladder.bulk import fill_ladder
from cove.ladder.models import ComfortStep, Ladder
from cove.ladder.tests.helpers import steps

pytestmark = pytest.mark.django_db


def _long_ladder(person, count=45):
    return Ladder.objects.get(pk=fill_ladder(person.vault(), steps=count, practices=0))


def _step_links(html):
    return re.findall(r'href="/ladder/step/([0-9a-f-]{36})/"', html)


def test_a_long_ladder_shows_its_steps_in_parts_of_twenty(survivor):
    ladder = _long_ladder(survivor)
    every = steps(survivor, ladder)
    first = survivor.client.get(f"/ladder/{ladder.pk}/").content.decode()
    assert _step_links(first) == [str(s.pk) for s in every[:20]]
    assert "Part 1 of 3" in first
    assert 'href="?page=2#steps-where">Later steps' in first
    assert "Earlier steps" not in first


def test_every_step_of_a_long_ladder_can_be_reached_part_by_part(survivor):
    ladder = _long_ladder(survivor)
    seen = []
    for part in (1, 2, 3):
        seen += _step_links(survivor.client.get(f"/ladder/{ladder.pk}/?page={part}").content
                            .decode())
    assert seen == [str(s.pk) for s in steps(survivor, ladder)]


def test_a_later_part_numbers_its_steps_from_the_top_of_the_ladder(survivor):
    ladder = _long_ladder(survivor)
    last = survivor.client.get(f"/ladder/{ladder.pk}/?page=3").content.decode()
    assert '<ol class="steps" id="steps" start="41"' in last
    assert '<span class="step__number">41</span>' in last
    assert 'href="?page=2#steps-where">Earlier steps' in last
    assert "Later steps" not in last


@pytest.mark.parametrize("asked", ["abc", "0", "99", "-1"])
def test_a_part_that_is_not_there_shows_a_part_that_is(survivor, asked):
    ladder = _long_ladder(survivor)
    response = survivor.client.get(f"/ladder/{ladder.pk}/?page={asked}")
    assert response.status_code == 200
    assert len(_step_links(response.content.decode())) in (20, 5)


def test_ladder_page_of_100_steps_has_bounded_queries(survivor, django_assert_max_num_queries):
    ladder = _long_ladder(survivor, 100)
    with django_assert_max_num_queries(15):
        response = survivor.client.get(f"/ladder/{ladder.pk}/?page=3")
    assert len(_step_links(response.content.decode())) == 20


def test_the_step_page_says_its_place_and_links_back_to_its_part(survivor):
    ladder = _long_ladder(survivor)
    step = steps(survivor, ladder)[24]
    html = survivor.client.get(f"/ladder/step/{step.pk}/").content.decode()
    assert "Step 25 of 45, counted from the easiest." in html
    assert f'href="/ladder/{ladder.pk}/?page=2#step-{step.pk}"' in html


def test_the_first_step_cannot_move_up_and_the_last_cannot_move_down(survivor):
    ladder = _long_ladder(survivor, 3)
    first, _middle, last = steps(survivor, ladder)
    top = survivor.client.get(f"/ladder/step/{first.pk}/").content.decode()
    bottom = survivor.client.get(f"/ladder/step/{last.pk}/").content.decode()
    assert 'value="up" class="button button--quiet" disabled' in top
    assert 'value="down" class="button button--quiet">' in top
    assert 'value="down" class="button button--quiet" disabled' in bottom


def test_moving_the_first_step_of_a_part_up_takes_it_to_the_part_before(survivor):
    ladder = _long_ladder(survivor)
    step = steps(survivor, ladder)[20]
    survivor.post(f"/ladder/step/{step.pk}/move/", {"direction": "up"})
    assert steps(survivor, ladder)[19].pk == step.pk
    html = survivor.client.get(f"/ladder/step/{step.pk}/").content.decode()
    assert f'href="/ladder/{ladder.pk}/#step-{step.pk}"' in html


def test_a_new_step_takes_you_to_the_last_part_at_the_new_step(survivor):
    ladder = _long_ladder(survivor)
    response = survivor.post(f"/ladder/{ladder.pk}/steps/new/", {
        "title": "Sit on the same bench", "with_whom": "alone", "minutes": "",
        "expected_distress": "35", "notes": "", "status": "not_yet"})
    assert response.status_code == 302
    new = steps(survivor, ladder)[-1]
    assert new.title == "Sit on the same bench"
    assert response["Location"] == f"/ladder/{ladder.pk}/?page=3#step-{new.pk}"


def test_deleting_a_step_goes_back_to_the_part_where_it_was(survivor):
    ladder = _long_ladder(survivor)
    step = steps(survivor, ladder)[30]
    response = survivor.post(f"/ladder/step/{step.pk}/delete/")
    assert response["Location"] == f"/ladder/{ladder.pk}/?page=2"
    assert len(steps(survivor, ladder)) == 44


def test_a_step_past_the_two_hundredth_moves_like_any_other(survivor):
    ladder = _long_ladder(survivor, 205)
    step = ComfortStep.objects.owned_by(survivor.vault()).filter(ladder=ladder).order_by(
        "position")[202]
    response = survivor.post(f"/ladder/step/{step.pk}/move/", {"direction": "up"})
    assert response.status_code == 302
    html = survivor.client.get(f"/ladder/step/{step.pk}/").content.decode()
    assert "Step 202 of 205" in html


def test_the_last_part_of_a_very_long_ladder_can_be_reordered(survivor):
    ladder = _long_ladder(survivor, 205)
    last_part = _step_links(survivor.client.get(f"/ladder/{ladder.pk}/?page=11").content
                            .decode())
    survivor.post(f"/ladder/{ladder.pk}/order/", {"step": list(reversed(last_part))})
    after = _step_links(survivor.client.get(f"/ladder/{ladder.pk}/?page=11").content.decode())
    assert after == list(reversed(last_part))
