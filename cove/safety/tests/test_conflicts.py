"""A save based on an older copy of the plan, comfort box or prep sheet shows both."""

from __future__ import annotations

import pytest

from cove.safety import services

pytestmark = pytest.mark.django_db


def test_a_plan_save_based_on_an_older_version_is_409_with_both(survivor):
    first = survivor.api("put", "/plan/plan", {"stop_word": "Amber", "version": 0})
    assert first.json()["version"] == 1
    survivor.api("put", "/plan/plan", {"stop_word": "Blue", "version": 1})
    response = survivor.api("put", "/plan/plan", {"stop_word": "Green", "version": 1})
    assert response.status_code == 409
    body = response.json()
    assert body["version"] == 2
    assert body["current"]["stop_word"] == "Blue"
    assert body["yours"]["stop_word"] == "Green"
    assert services.plan_parts(services.current_plan(survivor.vault()))["stop_word"] == "Blue"


def test_a_plan_save_without_a_version_adds_a_version(survivor):
    survivor.api("put", "/plan/plan", {"stop_word": "Amber"})
    response = survivor.api("put", "/plan/plan", {"stop_word": "Blue"})
    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert survivor.api("get", "/plan/plan").json()["version"] == 2


def test_a_stale_comfort_box_is_409_with_both(survivor):
    survivor.api("put", "/plan/comfort", {"reset_ritual": "Cold water", "version": 0})
    response = survivor.api("put", "/plan/comfort", {"reset_ritual": "Warm tea", "version": 0})
    assert response.status_code == 409
    assert response.json()["current"]["reset_ritual"] == "Cold water"
    assert response.json()["yours"]["reset_ritual"] == "Warm tea"
    assert survivor.api("get", "/plan/comfort").json()["version"] == 1


def test_a_stale_plan_page_shows_both_and_keeps_the_typed_text(survivor):
    vault = survivor.vault()
    services.save_plan(vault, {"warning_signs": "I go quiet"})
    page = survivor.client.get("/plan/edit/").content.decode()
    assert 'name="version" value="1"' in page
    services.save_plan(vault, {"warning_signs": "I stop eating"})  # another window
    response = survivor.post("/plan/edit/", {"warning_signs": "My own new words",
                                             "version": "1"})
    assert response.status_code == 409
    page = response.content.decode()
    assert 'id="changed-elsewhere"' in page
    assert "I stop eating" in page
    assert "My own new words" in page
    assert 'name="version" value="2"' in page
    assert services.plan_parts(services.current_plan(vault))["warning_signs"] == "I stop eating"


def test_saving_the_plan_again_after_a_conflict_keeps_mine(survivor):
    vault = survivor.vault()
    services.save_plan(vault, {"warning_signs": "one"})
    services.save_plan(vault, {"warning_signs": "two"})
    assert survivor.post("/plan/edit/", {"warning_signs": "mine", "version": "1"}
                         ).status_code == 409
    assert survivor.post("/plan/edit/", {"warning_signs": "mine", "version": "2"}
                         ).status_code == 302
    assert services.plan_parts(services.current_plan(vault))["warning_signs"] == "mine"


@pytest.mark.parametrize(("path", "save", "field"), [
    ("/plan/comfort/edit/", lambda v, text: services.save_comfort_box(v, {"words": text}, ""),
     "words"),
    ("/plan/first-session/edit/",
     lambda v, text: services.save_session_prep(v, {"help_with": text}), "help_with"),
])
def test_a_stale_one_row_page_shows_both(survivor, path, save, field):
    vault = survivor.vault()
    save(vault, "first")
    save(vault, "saved elsewhere")
    response = survivor.post(path, {field: "typed here", "version": "1"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "saved elsewhere" in page
    assert "typed here" in page
