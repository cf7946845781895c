"""Ladders and steps through HTTP: templates, status, split, reorder, words, access."""

from __future__ import annotations

import pytest

from cove.ladder import services
from cove.ladder.models import ComfortStep, Ladder
from cove.ladder.starters import STARTERS
from cove.ladder.tests.helpers import make_ladder, steps, titles

pytestmark = pytest.mark.django_db


def test_index_invites_a_first_ladder(survivor):
    response = survivor.client.get("/ladder/")
    assert response.status_code == 200
    assert "Make a new ladder" in response.content.decode()


@pytest.mark.parametrize("starter", [s.key for s in STARTERS])
def test_every_starting_point_makes_an_editable_ladder(survivor, starter):
    response = survivor.post("/ladder/new/", {"starter": starter, "title": ""})
    assert response.status_code == 302
    vault = survivor.vault()
    ladder = Ladder.objects.owned_by(vault).get()
    expected = next(s for s in STARTERS if s.key == starter)
    assert ladder.title == str(expected.title)
    made = [s.title for s in services.steps_of(vault, ladder)]
    assert made == [str(s.title) for s in expected.steps]
    page = survivor.client.get(response["Location"])
    assert page.status_code == 200


def test_sensate_focus_starter_maps_zones_first_and_keeps_body_checks(survivor):
    ladder = make_ladder(survivor, "touch-stages")
    all_steps = steps(survivor, ladder)
    assert "map" in all_steps[0].title.lower()
    assert any("body check" in s.notes.lower() for s in all_steps)


def test_new_ladder_rejects_an_unknown_starting_point_kindly(survivor):
    response = survivor.post("/ladder/new/", {"starter": "nope"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Ladder.objects.exists()


def test_add_and_edit_a_step(survivor):
    ladder = make_ladder(survivor, "blank")
    response = survivor.post(f"/ladder/{ladder.pk}/steps/new/", {
        "title": "Sit on the same bench", "with_whom": "partner", "minutes": "10",
        "expected_distress": "35", "notes": "in the park", "status": "not_yet"})
    assert response.status_code == 302
    step = steps(survivor, ladder)[0]
    assert (step.title, step.with_whom, step.minutes, step.expected_distress) == (
        "Sit on the same bench", "partner", 10, 35)
    response = survivor.post(f"/ladder/step/{step.pk}/edit/", {
        "title": "Sit on a bench", "with_whom": "alone", "minutes": "",
        "expected_distress": "20", "notes": "", "status": "practising"})
    assert response.status_code == 302
    step = steps(survivor, ladder)[0]
    assert (step.title, step.minutes, step.status) == ("Sit on a bench", None, "practising")


def test_bad_step_input_gets_a_clear_message_not_an_error(survivor):
    ladder = make_ladder(survivor, "blank")
    response = survivor.post(f"/ladder/{ladder.pk}/steps/new/", {
        "title": "", "with_whom": "someone", "minutes": "9999", "expected_distress": "300",
        "status": "done"})
    assert response.status_code == 200
    assert response.content.decode().count('class="errorlist"') >= 3
    assert not steps(survivor, ladder)


def test_status_is_only_what_the_person_chose_and_has_no_done(survivor):
    ladder = make_ladder(survivor)
    step = steps(survivor, ladder)[0]
    for status in ("practising", "comfortable", "resting", "not_yet"):
        response = survivor.post(f"/ladder/step/{step.pk}/status/", {"status": status})
        assert response.status_code == 302
        assert steps(survivor, ladder)[0].status == status
    survivor.post(f"/ladder/step/{step.pk}/status/", {"status": "done"})
    assert steps(survivor, ladder)[0].status == "not_yet"


def test_reorder_by_keyboard_buttons_moves_one_place(survivor):
    ladder = make_ladder(survivor)
    before = titles(survivor, ladder)
    second = steps(survivor, ladder)[1]
    response = survivor.post(f"/ladder/step/{second.pk}/move/", {"direction": "up"})
    assert response.status_code == 302
    assert response["Location"] == f"/ladder/step/{second.pk}/#place"
    assert titles(survivor, ladder) == [before[1], before[0], *before[2:]]
    survivor.post(f"/ladder/step/{second.pk}/move/", {"direction": "down"})
    assert titles(survivor, ladder) == before
    # The first step cannot go further up; nothing breaks.
    first = steps(survivor, ladder)[0]
    survivor.post(f"/ladder/step/{first.pk}/move/", {"direction": "up"})
    assert titles(survivor, ladder) == before
    response = survivor.post(f"/ladder/step/{first.pk}/move/", {"direction": "sideways"})
    assert response.status_code == 302
    assert titles(survivor, ladder) == before


def test_reorder_by_drag_saves_the_given_order(survivor):
    ladder = make_ladder(survivor)
    ordered = steps(survivor, ladder)
    wanted = [ordered[2], ordered[0], ordered[1]]
    response = survivor.post(f"/ladder/{ladder.pk}/order/",
                    {"step": [str(s.pk) for s in wanted]})
    assert response.status_code == 302
    assert titles(survivor, ladder)[:3] == [s.title for s in wanted]
    assert [s.position for s in steps(survivor, ladder)] == list(range(1, len(ordered) + 1))


def test_reorder_by_drag_of_some_steps_keeps_every_other_step_in_its_place(survivor):
    ladder = make_ladder(survivor)
    before = titles(survivor, ladder)
    some = steps(survivor, ladder)[1:4]  # what one part of a long ladder page sends
    response = survivor.post(f"/ladder/{ladder.pk}/order/",
                             {"step": [str(s.pk) for s in reversed(some)]})
    assert response.status_code == 302
    assert titles(survivor, ladder) == [before[0], before[3], before[2], before[1], *before[4:]]


def test_make_a_step_smaller_splits_it_into_two_in_its_place(survivor):
    ladder = make_ladder(survivor)
    before = titles(survivor, ladder)
    step = steps(survivor, ladder)[2]
    assert survivor.client.get(f"/ladder/step/{step.pk}/smaller/").status_code == 200
    response = survivor.post(f"/ladder/step/{step.pk}/smaller/", {
        "first": "Hold hands for one minute", "first_distress": "15",
        "second": "Hold hands during a film", "second_distress": "25"})
    assert response.status_code == 302
    after = titles(survivor, ladder)
    assert after == [*before[:2], "Hold hands for one minute", "Hold hands during a film",
                     *before[3:]]
    split = steps(survivor, ladder)
    assert split[2].pk == step.pk  # the first part keeps the history
    assert split[3].status == "not_yet"
    assert [s.expected_distress for s in split[2:4]] == [15, 25]
    assert [s.position for s in split] == list(range(1, len(split) + 1))


def test_distress_words_are_saved_and_shown_beside_ratings(survivor):
    response = survivor.post("/ladder/words/", {
        "w0": "still water", "w25": "ripples", "w50": "waves", "w75": "storm", "w100": "flood"})
    assert response.status_code == 302
    ladder = make_ladder(survivor, "blank")
    page = survivor.client.get(f"/ladder/{ladder.pk}/steps/new/").content.decode()
    for word in ("still water", "ripples", "waves", "storm", "flood"):
        assert word in page
    assert 'aria-valuetext="25, ripples"' in page
    assert 'type="range"' in page


def test_someone_elses_ladder_and_step_are_not_found(survivor, other_survivor):
    ladder = make_ladder(survivor)
    step = steps(survivor, ladder)[0]
    for path in (f"/ladder/{ladder.pk}/", f"/ladder/{ladder.pk}/edit/",
                 f"/ladder/step/{step.pk}/", f"/ladder/step/{step.pk}/progress/",
                 f"/ladder/step/{step.pk}/begin/", f"/ladder/step/{step.pk}/smaller/"):
        assert other_survivor.client.get(path).status_code == 404, path
    for path, data in ((f"/ladder/step/{step.pk}/move/", {"direction": "down"}),
                       (f"/ladder/step/{step.pk}/status/", {"status": "resting"}),
                       (f"/ladder/step/{step.pk}/delete/", {}),
                       (f"/ladder/{ladder.pk}/delete/", {})):
        assert other_survivor.post(path, data).status_code == 404, path
    assert titles(survivor, ladder)[0] == step.title
    # Reordering with someone else's step ids changes nothing of theirs.
    mine = make_ladder(other_survivor, "blank")
    other_survivor.post(f"/ladder/{mine.pk}/order/", {"step": [str(step.pk)]})
    assert steps(survivor, ladder)[0].pk == step.pk


def test_signed_out_visitors_are_sent_to_sign_in(anonymous):
    response = anonymous.get("/ladder/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_state_changes_need_post(survivor):
    ladder = make_ladder(survivor)
    step = steps(survivor, ladder)[0]
    assert survivor.client.get(f"/ladder/step/{step.pk}/move/").status_code == 405
    assert survivor.client.get(f"/ladder/{ladder.pk}/order/").status_code == 405


def test_delete_a_step_and_a_ladder(survivor):
    ladder = make_ladder(survivor)
    step = steps(survivor, ladder)[0]
    assert survivor.client.get(f"/ladder/step/{step.pk}/delete/").status_code == 200
    assert survivor.post(f"/ladder/step/{step.pk}/delete/").status_code == 302
    assert not ComfortStep.objects.filter(pk=step.pk).exists()
    assert survivor.post(f"/ladder/{ladder.pk}/delete/").status_code == 302
    assert not Ladder.objects.filter(pk=ladder.pk).exists()


def test_ladder_page_query_count_does_not_grow_with_steps(survivor, django_assert_max_num_queries):
    ladder = make_ladder(survivor, "touch-stages")
    with django_assert_max_num_queries(15):
        assert survivor.client.get(f"/ladder/{ladder.pk}/").status_code == 200


def test_demo_gives_the_survivor_a_ladder_with_practices(survivor):
    from cove.ladder import demo, public

    vault = survivor.vault()
    demo.populate(vault, "survivor")
    demo.populate(vault, "partner")
    assert len(services.ladders_of(vault)) == 2
    facts = public.recent_practices(vault)
    assert len(facts) == 4
    assert [f.distress_peak for f in reversed(facts) if not f.ended_early] == [55, 45, 35]


def test_step_and_progress_pages_have_bounded_queries(survivor, django_assert_max_num_queries):
    from cove.ladder import demo

    vault = survivor.vault()
    demo.populate(vault, "survivor")
    step = services.steps_of(vault, services.ladders_of(vault)[0])[1]
    with django_assert_max_num_queries(15):
        assert survivor.client.get(f"/ladder/step/{step.pk}/").status_code == 200
    with django_assert_max_num_queries(15):
        assert survivor.client.get(f"/ladder/step/{step.pk}/progress/?facts=1").status_code == 200


def test_the_ladder_page_has_no_form_per_step_and_links_each_step_to_its_page(survivor):
    ladder = make_ladder(survivor)
    every = steps(survivor, ladder)
    html = survivor.client.get(f"/ladder/{ladder.pk}/").content.decode()
    assert len(every) >= 5
    main = html[html.index("<main"):html.index("</main>")]  # the layout has forms of its own
    assert main.count("<form") == 1  # only the drag and drop order's
    for step in every:
        assert f'href="/ladder/step/{step.pk}/"' in main


def test_status_chosen_on_the_step_page_is_saved_and_shown_there(survivor):
    ladder = make_ladder(survivor)
    second = steps(survivor, ladder)[1]
    response = survivor.post(f"/ladder/step/{second.pk}/status/", {"status": "comfortable"})
    assert response.status_code == 302
    assert response["Location"] == f"/ladder/step/{second.pk}/"
    assert [s.status for s in steps(survivor, ladder)[:3]] == [
        "not_yet", "comfortable", "not_yet"]
    page = survivor.client.get(response["Location"]).content.decode()
    assert '<option value="comfortable" selected>' in page


def test_the_ladder_page_loads_no_htmx_but_other_signed_in_pages_do(survivor):
    ladder = make_ladder(survivor)
    page = survivor.client.get(f"/ladder/{ladder.pk}/").content.decode()
    assert "htmx-2.min.js" not in page and "presence.js" in page
    assert "htmx-2.min.js" in survivor.client.get("/journal/").content.decode()
