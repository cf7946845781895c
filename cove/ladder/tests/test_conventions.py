"""The ladder speaks the house's conventions: one 422 shape, declared choices, versioned edits."""

from __future__ import annotations

import pytest

from cove.api import api
from cove.ladder.tests.helpers import make_ladder, steps

pytestmark = pytest.mark.django_db


def test_a_whitespace_title_gets_the_documented_422_shape(survivor):
    step = steps(survivor, make_ladder(survivor))[0]
    response = survivor.api("patch", f"/ladder/steps/{step.pk}", {"title": "   "})
    assert response.status_code == 422
    body = response.json()
    assert [e["loc"] for e in body["errors"]] == [["body", "payload", "title"]]
    assert body["detail"]


def test_a_phase_that_moved_on_answers_409_with_a_detail(survivor):
    step = steps(survivor, make_ladder(survivor))[0]
    started = survivor.api("post", f"/ladder/steps/{step.pk}/checkin", {"answer": "yes"}).json()
    response = survivor.api("post", f"/ladder/practices/{started['session_id']}/resume")
    assert response.status_code == 409
    assert set(response.json()) == {"detail"}


def test_step_schema_lists_status_and_with_whom_as_enums(survivor):
    schemas = api.get_openapi_schema()["components"]["schemas"]
    patch = schemas["StepPatch"]["properties"]
    assert patch["status"]["anyOf"][0] == {"$ref": "#/components/schemas/StepStatus"}
    assert patch["with_whom"]["anyOf"][0] == {"$ref": "#/components/schemas/WithWhom"}
    assert schemas["WithWhom"]["enum"] == ["alone", "partner"]


def test_choices_endpoint_offers_the_ladders_sets(anonymous):
    sets = anonymous.get("/api/v1/choices").json()
    assert [c["value"] for c in sets["ladder.status"]] == [
        "not_yet", "practising", "comfortable", "resting"]
    assert {"ladder.with_whom", "ladder.starter", "ladder.checkin_answer",
            "ladder.during_answer", "ladder.checkin_every", "ladder.direction"} <= set(sets)


def test_a_step_patch_with_an_old_version_gets_409_with_both_versions(survivor):
    step = steps(survivor, make_ladder(survivor))[0]
    first = survivor.api("patch", f"/ladder/steps/{step.pk}", {"notes": "mine", "version": 1})
    assert first.status_code == 200
    stale = survivor.api("patch", f"/ladder/steps/{step.pk}", {"title": "other", "version": 1})
    assert stale.status_code == 409
    body = stale.json()
    assert (body["version"], body["current"]["notes"], body["yours"]) == (
        2, "mine", {"title": "other"})


def test_a_step_patch_without_a_version_changes_only_its_field(survivor):
    step = steps(survivor, make_ladder(survivor))[0]
    survivor.api("patch", f"/ladder/steps/{step.pk}", {"notes": "mine"})
    changed = survivor.api("patch", f"/ladder/steps/{step.pk}", {"title": "other"}).json()
    assert (changed["title"], changed["notes"], changed["version"]) == ("other", "mine", 3)


def test_the_step_form_keeps_typed_words_and_shows_the_saved_ones_on_a_conflict(survivor):
    step = steps(survivor, make_ladder(survivor))[0]
    survivor.api("patch", f"/ladder/steps/{step.pk}", {"notes": "saved elsewhere"})
    response = survivor.post(f"/ladder/step/{step.pk}/edit/", {
        "title": "my words", "with_whom": "alone", "status": "not_yet", "notes": "typed",
        "expected_distress": "20", "version": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "saved elsewhere" in page
    assert 'value="my words"' in page
    assert 'name="version" value="2"' in page


def test_saving_the_step_form_again_after_a_conflict_keeps_mine(survivor):
    step = steps(survivor, make_ladder(survivor))[0]
    survivor.api("patch", f"/ladder/steps/{step.pk}", {"notes": "saved elsewhere"})
    form = {"title": "my words", "with_whom": "alone", "status": "not_yet", "notes": "typed",
            "expected_distress": "20", "version": "2"}
    response = survivor.post(f"/ladder/step/{step.pk}/edit/", form)
    assert response.status_code == 302
    saved = survivor.api("get", f"/ladder/steps/{step.pk}").json()
    assert (saved["title"], saved["notes"]) == ("my words", "typed")
