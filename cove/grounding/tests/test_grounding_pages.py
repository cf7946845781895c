# ruff: noqa: RUF001 - typographic apostrophes and dashes are intended in what people read
"""Grounding pages over HTTP: public, query-free, readable without JavaScript."""

from __future__ import annotations

import gzip
import re
from typing import Any

import pytest
from django.test import Client

from cove.grounding.exercises import BY_SLUG, EXERCISES
from cove.grounding.models import FeelingAfterExercise

PAGES = ["/grounding/"] + [f"/grounding/{e.slug}/" for e in EXERCISES]


@pytest.mark.django_db
@pytest.mark.parametrize("path", [*PAGES, "/sw.js"])
def test_grounding_pages_make_no_database_queries_for_anonymous_visitors(
    anonymous: Client, django_assert_num_queries, path: str
) -> None:
    with django_assert_num_queries(0):
        response = anonymous.get(path)
    assert response.status_code == 200


def test_an_unknown_exercise_is_not_found(anonymous: Client) -> None:
    assert anonymous.get("/grounding/nothing-here/").status_code == 404


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.slug)
def test_each_exercise_has_readable_steps_without_javascript(
    anonymous: Client, exercise
) -> None:
    html = anonymous.get(f"/grounding/{exercise.slug}/").content.decode()
    steps = re.search(r'<ol class="steps">(.*?)</ol>', html, re.S)
    assert steps is not None
    assert steps.group(1).count("<li>") == len(exercise.steps) >= 3
    # The guided runner is hidden until the script shows it.
    assert re.search(r'<section class="card runner"[^>]*\bhidden\b', html)


def test_box_breathing_uses_four_second_sides_with_optional_holds() -> None:
    phases = BY_SLUG["box"].phases
    assert [p.seconds for p in phases] == [4, 4, 4, 4]
    assert [p.optional for p in phases] == ["", "holds", "", "holds"]
    assert BY_SLUG["box"].rounds in (4, 5)


def test_box_breathing_holds_are_off_until_turned_on(anonymous: Client) -> None:
    holds = next(s for s in BY_SLUG["box"].settings if s.name == "holds")
    assert (holds.kind, holds.default) == ("checkbox", 0)
    html = anonymous.get("/grounding/box/").content.decode()
    box = re.search(r'<input type="checkbox" id="set-holds"[^>]*>', html)
    assert box is not None and "checked" not in box.group(0)


def test_paced_breathing_defaults_to_six_breaths_a_minute() -> None:
    phases = BY_SLUG["paced"].phases
    assert 60 / sum(p.seconds for p in phases) == 6


def test_paced_breathing_never_offers_only_a_shorter_breath_out() -> None:
    paced = BY_SLUG["paced"]
    settings = {s.name: s for s in paced.settings}
    assert paced.longer_out
    assert settings["out"].default > settings["in"].default
    longest_out = max(value for value, _label in settings["out"].choices)
    # Whatever breath in is chosen, a longer breath out is on offer.
    assert all(longest_out > value for value, _label in settings["in"].choices)


def test_muscle_relaxation_tenses_briefly_and_rests_long() -> None:
    for phase in BY_SLUG["muscles"].phases:
        if phase.kind == "tense":
            assert 5 <= phase.seconds <= 7
        else:
            assert 30 <= phase.seconds <= 40


def test_muscle_relaxation_leaves_out_belly_and_thighs_unless_chosen() -> None:
    muscles = BY_SLUG["muscles"]
    chosen_only = {str(p.label) for p in muscles.phases if p.kind == "tense" and p.optional}
    always = {str(p.label) for p in muscles.phases if p.kind == "tense" and not p.optional}
    assert chosen_only == {"Belly", "Thighs"}
    assert not always & {"Belly", "Thighs", "Legs"}
    core = next(s for s in muscles.settings if s.name == "core")
    assert (core.kind, core.default) == ("checkbox", 0)
    assert all(s.startswith("Only if you chose it") for s in map(str, muscles.steps)
               if "belly" in s.lower() or "thighs" in s.lower())


def test_each_sense_has_its_own_notes_box(anonymous: Client) -> None:
    html = anonymous.get("/grounding/senses/").content.decode()
    labels = re.findall(r'<label for="notice-(\d)">([^<]+)</label>', html)
    assert [label for _n, label in labels] == [
        "What you see (optional, not saved)", "What you touch (optional, not saved)",
        "What you hear (optional, not saved)", "What you smell (optional, not saved)",
        "What you taste (optional, not saved)"]


def test_cyclic_sighing_breathes_in_twice_then_out_for_longer() -> None:
    kinds = [p.kind for p in BY_SLUG["sighing"].phases]
    assert kinds == ["in", "top-up", "out"]
    seconds = {p.kind: p.seconds for p in BY_SLUG["sighing"].phases}
    assert seconds["out"] > seconds["in"] + seconds["top-up"]


def test_senses_go_five_four_three_two_one() -> None:
    labels = [str(p.label) for p in BY_SLUG["senses"].phases]
    assert [label.split()[0] for label in labels] == ["Five", "Four", "Three", "Two", "One"]


@pytest.mark.django_db
def test_an_anonymous_answer_is_posted_gets_a_kind_reply_and_is_not_kept(anonymous: Client) -> None:
    anonymous.get("/grounding/box/")
    response = anonymous.post("/grounding/box/answer/", {"now": "not-okay"},
                              HTTP_X_CSRFTOKEN=anonymous.cookies["csrftoken"].value)
    assert response.status_code == 200
    html = response.content.decode()
    shown = re.search(r'<div class="calm" data-feeling="not-okay">(.*?)</div>', html, re.S)
    assert shown is not None and "You don’t have to get through this alone" in shown.group(1)
    assert 'href="/help/"' in shown.group(1)
    assert FeelingAfterExercise.objects.count() == 0


@pytest.mark.django_db
def test_an_answer_in_the_address_is_ignored(anonymous: Client) -> None:
    html = anonymous.get("/grounding/box/?now=not-okay").content.decode()
    assert '<div class="calm" data-feeling="not-okay">' not in html
    assert 'data-feeling="not-okay" hidden' in html


def test_every_answer_form_posts(anonymous: Client, survivor) -> None:
    for client in (anonymous, survivor.client):
        html = client.get("/grounding/paced/").content.decode()
        form = re.search(r'<form method="(\w+)" action="([^"]+)" class="stack js-answer"', html)
        assert form is not None and form.group(1) == "post"
        assert "?" not in form.group(2)


def test_a_signed_in_answer_is_kept_only_when_ticked(survivor) -> None:
    response = survivor.post("/grounding/paced/after/", {"now": "calmer"})
    assert response.status_code == 200
    assert "kept in your notes" not in response.content.decode()
    assert FeelingAfterExercise.objects.count() == 0
    response = survivor.post("/grounding/paced/after/", {"now": "calmer", "keep": "on"})
    assert response.status_code == 200
    assert "Your answer is kept in your notes." in response.content.decode()
    record = FeelingAfterExercise.objects.owned_by(survivor.vault()).get()
    assert (record.exercise, record.feeling) == ("paced", "calmer")


def test_kept_answers_are_stored_encrypted(survivor) -> None:
    survivor.post("/grounding/sighing/after/", {"now": "not-okay", "keep": "on"})
    raw = FeelingAfterExercise._base_manager.values_list("feeling", "exercise").get()  # raw
    assert all(b"not-okay" not in bytes(v) and b"sighing" not in bytes(v) for v in raw)


def test_kept_answers_show_only_to_their_owner(survivor, other_survivor) -> None:
    survivor.post("/grounding/box/after/", {"now": "same", "keep": "on"})
    assert "About the same" in survivor.client.get("/grounding/notes/").content.decode()
    assert "About the same" not in other_survivor.client.get("/grounding/notes/").content.decode()


def test_answering_without_a_choice_keeps_nothing(survivor) -> None:
    response = survivor.post("/grounding/box/after/", {"keep": "on"})
    assert response.status_code == 200 and "Nothing was chosen" in response.content.decode()
    assert FeelingAfterExercise.objects.count() == 0


def test_the_service_worker_lists_public_pages_and_not_signed_in_ones(anonymous: Client) -> None:
    response = anonymous.get("/sw.js")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/javascript")
    for path in [*PAGES, "/help/", "/static/grounding/grounding.js"]:
        assert f'"{path}"' in body
    pages = re.search(r"var PAGES = (\[.*?\]);", body)
    assert pages is not None
    assert "/plan/" not in pages.group(1)
    assert "/grounding/notes/" not in pages.group(1)


@pytest.mark.parametrize("path", PAGES)
def test_grounding_pages_fit_in_30_kb_compressed(anonymous: Client, path: str) -> None:
    html = anonymous.get(path).content
    total = len(gzip.compress(html))
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html.decode()):
        response: Any = anonymous.get(asset)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        total += len(gzip.compress(body))
    assert total <= 30 * 1024, f"{path}: {total} bytes"


def test_deleting_kept_answers_asks_first_then_deletes(survivor) -> None:
    survivor.post("/grounding/box/after/", {"now": "same", "keep": "on"})
    html = survivor.client.get("/grounding/notes/?delete=ask").content.decode()
    assert "Delete all your kept answers?" in html
    assert "Keep them" in html
    assert FeelingAfterExercise.objects.count() == 1
    survivor.post("/grounding/notes/", {"forget": "all"})
    assert FeelingAfterExercise.objects.count() == 0


def test_the_answers_are_offered_as_a_closed_choice_with_labels(survivor) -> None:
    listed = survivor.api("get", "/choices").json()["grounding.feeling"]
    assert listed == [{"value": "calmer", "label": "A little calmer"},
                      {"value": "same", "label": "About the same"},
                      {"value": "not-okay", "label": "Not okay right now"}]
