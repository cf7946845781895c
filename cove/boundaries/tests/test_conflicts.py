"""Edits based on an older copy are refused with both versions, never written over."""

from __future__ import annotations

import pytest

from cove.boundaries import comfort, services, situations, wishes
from cove.boundaries.models import BoundaryItem, Situation

pytestmark = pytest.mark.django_db


def test_a_stale_item_answer_is_409_with_both_versions(survivor):
    item = survivor.api("post", "/boundaries/items/answer",
                        {"key": "touch.hug_behind", "state": "no"}).json()
    assert item["version"] == 1
    survivor.api("put", f"/boundaries/items/{item['id']}", {"state": "maybe", "version": 1})
    response = survivor.api("put", f"/boundaries/items/{item['id']}",
                            {"state": "yes", "condition": "if I say so", "version": 1})
    assert response.status_code == 409
    body = response.json()
    assert body["version"] == 2
    assert body["current"]["state"] == "maybe"
    assert body["yours"] == {"state": "yes", "condition": "if I say so", "ask_first": False}
    assert BoundaryItem.objects.owned_by(survivor.vault()).get().state == "maybe"


def test_an_item_answer_without_a_version_saves_over_the_latest(survivor):
    item = survivor.api("post", "/boundaries/items/answer",
                        {"key": "touch.hug_behind", "state": "no"}).json()
    survivor.api("put", f"/boundaries/items/{item['id']}", {"state": "maybe"})
    response = survivor.api("put", f"/boundaries/items/{item['id']}", {"state": "yes"})
    assert response.status_code == 200
    assert response.json()["version"] == 3


@pytest.mark.parametrize(("make", "path", "payload", "field"), [
    (lambda v: comfort.add_comfort(v, "Tea"), "/boundaries/comfort/{id}",
     {"text": "Warm tea"}, "text"),
    (lambda v: situations.add_situation(v, "Lifts", "avoid"), "/boundaries/situations/{id}",
     {"title": "Lifts", "zone": "plan"}, "zone"),
    (lambda v: wishes.add_own_wish(v, "The sea", "maybe"), "/boundaries/wishes/{id}",
     {"answer": "yes"}, "answer"),
    (lambda v: services.add_own_item(v, "Hair", "touch"), "/boundaries/items/{id}/name",
     {"title": "My hair", "category": "areas"}, "title"),
])
def test_every_edit_operation_refuses_a_stale_version(survivor, make, path, payload, field):
    record = make(survivor.vault())
    url = path.format(id=record.pk)
    assert survivor.api("put", url, {**payload, "version": 1}).status_code == 200
    response = survivor.api("put", url, {**payload, "version": 1})
    assert response.status_code == 409
    assert response.json()["version"] == 2
    assert response.json()["yours"][field] == payload[field]


def test_a_stale_review_choice_is_409(survivor):
    assert survivor.api("put", "/boundaries/review",
                        {"cadence_days": 30, "version": 0}).status_code == 200
    response = survivor.api("put", "/boundaries/review", {"cadence_days": 90, "version": 0})
    assert response.status_code == 409
    assert response.json()["current"]["cadence_days"] == 30


def test_a_stale_situation_page_shows_both_and_keeps_the_typed_text(survivor):
    vault = survivor.vault()
    situation = situations.add_situation(vault, "Lifts", "avoid", "Stairs")
    situations.change_situation(vault, situation.pk, "Lifts", "avoid", "Stairs, or wait")
    response = survivor.post(f"/boundaries/map/{situation.pk}/", {
        "title": "Lifts", "zone": "plan", "notes": "My own new plan", "version": "1"})
    assert response.status_code == 409
    page = response.content.decode()
    assert 'id="changed-elsewhere"' in page
    assert "Stairs, or wait" in page  # what is saved now
    assert "My own new plan" in page  # what was typed, still in the form
    assert 'name="version" value="2"' in page
    assert Situation.objects.owned_by(vault).get().notes == "Stairs, or wait"


def test_saving_again_after_a_conflict_keeps_mine(survivor):
    vault = survivor.vault()
    gesture = comfort.add_comfort(vault, "Tea")
    comfort.change_comfort(vault, gesture.pk, "Coffee")
    data = {"text": "Warm tea", "version": "1"}
    assert survivor.post(f"/boundaries/comfort/{gesture.pk}/", data).status_code == 409
    response = survivor.post(f"/boundaries/comfort/{gesture.pk}/", {**data, "version": "2"})
    assert response.status_code == 302
    assert [g.text for g in comfort.comfort_list(vault)] == ["Warm tea"]


def test_a_stale_rename_page_shows_both(survivor):
    vault = survivor.vault()
    record = services.add_own_item(vault, "Hair", "touch")
    services.rename_own_item(vault, record.pk, "Hair, gently", "touch")
    response = survivor.post(f"/boundaries/items/{record.pk}/edit/",
                             {"title": "My hair", "category": "touch", "version": "1"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Hair, gently" in page
    assert 'value="My hair"' in page


def test_a_stale_row_answer_says_so_in_the_row_and_changes_nothing(survivor):
    vault = survivor.vault()
    record = services.answer_item(vault, "areas.back", "no")
    services.change_item(vault, record.pk, "maybe")
    response = survivor.post(f"/boundaries/items/{record.pk}/",
                             {"state": "yes", "condition": "slowly", "version": "1"}, htmx=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "changed somewhere else" in page
    assert "slowly" in page
    assert 'name="version" value="2"' in page
    assert BoundaryItem.objects.owned_by(vault).get().state == "maybe"


def test_a_stale_review_settings_page_shows_both(survivor):
    vault = survivor.vault()
    services.set_review_cadence(vault, 30)
    response = survivor.post("/boundaries/review/settings/",
                             {"cadence_days": "90", "version": "0"})
    assert response.status_code == 409
    assert 'id="changed-elsewhere"' in response.content.decode()
    settings = services.review_settings(vault)
    assert settings is not None
    assert int(settings.cadence_days) == 30


def test_a_conflict_names_a_stored_choice_by_its_label(survivor):
    vault = survivor.vault()
    situation = situations.add_situation(vault, "Lifts", "avoid")
    situations.change_situation(vault, situation.pk, "Lifts", "plan")
    response = survivor.post(f"/boundaries/map/{situation.pk}/",
                             {"title": "Lifts", "zone": "manageable", "version": "1"})
    shown = response.content.decode().split('class="conflict-current"', 1)[1].split("</dl>")[0]
    assert "Needs a boundary or plan" in shown
