"""Comfort list, situations map, wishes, consent phrases and the summary, through HTTP."""

from __future__ import annotations

import pytest

from cove.boundaries import comfort, phrases, services, situations, wishes
from cove.boundaries.models import ComfortGesture, PhraseChoice, Situation, SituationChange, Wish
from cove.boundaries.tests.helpers import main_text, raw_rows

pytestmark = pytest.mark.django_db


def test_comfort_list_holds_five_and_says_so_kindly(survivor):
    for n in range(5):
        assert survivor.post("/boundaries/comfort/", {"text": f"Gesture {n}"}).status_code == 302
    response = survivor.post("/boundaries/comfort/", {"text": "One more"})
    assert response.status_code == 200
    assert "on purpose" in response.content.decode()
    assert ComfortGesture.objects.filter(owner=survivor.user).count() == 5


def test_comfort_gesture_can_change_and_go(survivor):
    survivor.post("/boundaries/comfort/", {"text": "Tea"})
    gesture = ComfortGesture.objects.owned_by(survivor.vault()).get()
    survivor.post(f"/boundaries/comfort/{gesture.pk}/", {"text": "Tea with honey"})
    assert "Tea with honey" in main_text(survivor.client.get("/boundaries/comfort/"))
    survivor.post(f"/boundaries/comfort/{gesture.pk}/remove/")
    assert not ComfortGesture.objects.filter(owner=survivor.user).exists()


def test_situations_map_keeps_moves_with_dates(survivor):
    survivor.post("/boundaries/map/",
         {"title": "Crowded lifts", "zone": "avoid", "notes": "stairs"})
    situation = Situation.objects.owned_by(survivor.vault()).get()
    survivor.post(f"/boundaries/map/{situation.pk}/",
         {"title": "Crowded lifts", "zone": "plan", "notes": "stairs or wait"})
    survivor.post(f"/boundaries/map/{situation.pk}/",
         {"title": "Crowded lifts", "zone": "plan", "notes": "just notes"})
    assert SituationChange.objects.filter(owner=survivor.user).count() == 2
    history = main_text(survivor.client.get("/boundaries/map/changes/"))
    assert "Avoid for now → Needs a boundary or plan" in history
    page = main_text(survivor.client.get("/boundaries/map/"))
    assert "Crowded lifts" in page
    assert "just notes" in page


def test_situation_needs_a_place_on_the_map(survivor):
    response = survivor.post("/boundaries/map/", {"title": "Lifts", "zone": "elsewhere"})
    assert response.status_code == 200
    assert not Situation.objects.filter(owner=survivor.user).exists()


def test_wishes_are_private_and_separate(survivor):
    survivor.post("/boundaries/someday/answer/", {"key": "wish.dance", "answer": "maybe"})
    survivor.post("/boundaries/someday/answer/", {"key": "wish.dance", "answer": "no"})
    survivor.post("/boundaries/someday/", {"title": "A trip to the coast", "answer": "yes"})
    stored = list(Wish.objects.owned_by(survivor.vault()))
    assert sorted((w.key, w.answer) for w in stored) == [("", "yes"), ("wish.dance", "no")]
    assert wishes.wish_answers(survivor.vault()) == {"wish.dance": "no"}
    for row in raw_rows("boundaries_wish"):
        assert b"dance" not in row
        assert b"coast" not in row


def test_wish_answer_with_htmx_only_updates_the_status(survivor):
    response = survivor.post("/boundaries/someday/answer/",
                    {"key": "wish.dance", "answer": "yes"}, htmx=True)
    assert response.status_code == 200
    assert response.content.decode().strip().startswith('<p id="save-status"')


def test_bad_wish_answer_is_a_message(survivor):
    response = survivor.post("/boundaries/someday/answer/", {"key": "wish.dance", "answer": "?"})
    assert response.status_code == 302
    assert "Please pick" in main_text(survivor.client.get("/boundaries/someday/"))


def test_phrases_favourites_and_own_phrases(survivor):
    survivor.post("/boundaries/phrases/favourite/", {"key": "p.pause.pause", "favourite": "1"})
    survivor.post("/boundaries/phrases/", {"text": "Let me catch my breath.", "moment": "pausing"})
    texts = phrases.rehearsal_set(survivor.vault(), "favourites")
    assert [str(t) for t in texts] == ["I need a pause.", "Let me catch my breath."]
    survivor.post("/boundaries/phrases/favourite/", {"key": "p.pause.pause", "favourite": "0"})
    assert [str(t) for t in phrases.rehearsal_set(survivor.vault(), "favourites")] == [
        "Let me catch my breath."]
    assert PhraseChoice.objects.filter(owner=survivor.user).count() == 2


def test_favourite_toggle_with_htmx_returns_the_row(survivor):
    response = survivor.post("/boundaries/phrases/favourite/",
                    {"key": "p.no.plain", "favourite": "1"}, htmx=True)
    body = response.content.decode()
    assert 'aria-pressed="true"' in body
    assert "<html" not in body


def test_rehearse_works_without_javascript(survivor):
    page = main_text(survivor.client.get("/boundaries/phrases/practice/?set=stopping"))
    assert "Stop, please." in page
    assert "n=1" in page
    assert "Previous" not in page
    page = main_text(survivor.client.get("/boundaries/phrases/practice/?set=stopping&n=3"))
    assert "Okay, stopping now." in page
    assert "Next" not in page
    page = main_text(survivor.client.get("/boundaries/phrases/practice/?set=stopping&n=99"))
    assert "Okay, stopping now." in page
    page = main_text(survivor.client.get("/boundaries/phrases/practice/?set=favourites"))
    assert "no favourites yet" in page
    assert survivor.client.get("/boundaries/phrases/practice/?set=x&n=-4").status_code == 200


def test_summary_shows_only_chosen_groups_and_answered_items(survivor):
    vault = survivor.vault()
    services.answer_item(vault, "touch.hug_front", "yes", "", True)
    services.answer_item(vault, "touch.hug_behind", "not_now", "after a warning")
    services.answer_item(vault, "touch.long_hug", "")
    services.answer_item(vault, "words.pet_names", "no")
    page = main_text(survivor.client.get("/boundaries/summary/?c=touch"))
    assert "Hugs from the front" in page
    assert "Ask me first" in page
    assert "after a warning" in page
    assert "Long hugs" not in page
    assert "Pet names" not in page
    page = main_text(survivor.client.get("/boundaries/summary/?c=touch&c=words&c=bogus"))
    assert "Pet names" in page


def test_other_peoples_things_are_not_found(survivor, other_survivor):
    vault = other_survivor.vault()
    gesture = comfort.add_comfort(vault, "Theirs")
    situation = situations.add_situation(vault, "Theirs", "avoid")
    wish = wishes.add_own_wish(vault, "Theirs", "yes")
    phrase = phrases.add_own_phrase(vault, "Theirs", "no")
    for path in (f"/boundaries/comfort/{gesture.pk}/", f"/boundaries/map/{situation.pk}/"):
        assert survivor.client.get(path).status_code == 404
    for path in (f"/boundaries/comfort/{gesture.pk}/remove/",
                 f"/boundaries/map/{situation.pk}/remove/",
                 f"/boundaries/someday/{wish.pk}/remove/",
                 f"/boundaries/phrases/{phrase.pk}/remove/"):
        assert survivor.post(path).status_code == 404
    assert survivor.post("/boundaries/someday/answer/",
                {"wish": str(wish.pk), "answer": "no"}).status_code == 404
    assert survivor.post("/boundaries/phrases/favourite/",
                {"own": str(phrase.pk), "favourite": "0"}).status_code == 404
    for model in (ComfortGesture, Situation, Wish, PhraseChoice):
        assert model.objects.filter(owner=other_survivor.user).count() == 1


def test_bad_wish_answer_with_htmx_says_so_in_the_status_line(survivor):
    response = survivor.post("/boundaries/someday/answer/", {"key": "wish.dance", "answer": "?"},
                    htmx=True)
    assert response.status_code == 200
    assert "Please pick" in response.content.decode()
