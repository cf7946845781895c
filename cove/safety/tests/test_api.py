"""The `safety` API operations: the plan, its versions, the pause plan and the comfort box."""

from __future__ import annotations

import pytest

from cove.safety.models import SafetyPlanVersion


def test_a_new_person_gets_an_empty_plan(survivor) -> None:
    response = survivor.api("GET", "/plan/plan")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] is None
    assert body["parts"]["stop_word"] == ""


def test_putting_the_plan_saves_a_version(survivor) -> None:
    response = survivor.api("PUT", "/plan/plan", {"warning_signs": "I can't sleep",
                                                  "stop_word": "Red"})
    assert response.status_code == 200
    assert response.json()["parts"]["warning_signs"] == "I can't sleep"
    assert survivor.api("GET", "/plan/plan").json()["parts"]["stop_word"] == "Red"


def test_versions_list_dates_newest_first(survivor) -> None:
    survivor.api("PUT", "/plan/plan", {"aftercare": "one"})
    survivor.api("PUT", "/plan/plan", {"aftercare": "two"})
    listed = survivor.api("GET", "/plan/plan/versions").json()
    assert len(listed) == 2
    assert set(listed[0]) == {"id", "saved_at"}
    older = survivor.api("GET", f"/plan/plan/versions/{listed[1]['id']}").json()
    assert older["parts"]["aftercare"] == "one"


def test_an_unknown_part_is_refused_with_422(survivor) -> None:
    response = survivor.api("PUT", "/plan/plan", {"secret_part": "x"})
    assert response.status_code == 422
    assert response.json()["detail"] == "Some of what was sent could not be used."


def test_a_too_long_part_is_refused_with_422(survivor) -> None:
    response = survivor.api("PUT", "/plan/plan", {"stop_word": "x" * 101})
    assert response.status_code == 422


@pytest.mark.parametrize("body", [{"signal": 5}, {"signal": None}, ["not", "an", "object"]])
def test_wrong_types_are_refused_with_422(survivor, body) -> None:
    assert survivor.api("PUT", "/plan/plan", body).status_code == 422


def test_another_persons_version_is_not_found(survivor, other_survivor) -> None:
    other_survivor.api("PUT", "/plan/plan", {"signal": "theirs"})
    theirs = SafetyPlanVersion.objects.get()
    response = survivor.api("GET", f"/plan/plan/versions/{theirs.pk}")
    assert response.status_code == 404
    assert "theirs" not in response.content.decode()


def test_a_malformed_version_id_is_not_found(survivor) -> None:
    assert survivor.api("GET", "/plan/plan/versions/abc").status_code == 404


def test_the_pause_plan_and_aftercare_come_back_as_lists(survivor) -> None:
    survivor.api("PUT", "/plan/plan", {"stop_word": "Red", "aftercare": "Tea\nQuiet"})
    body = survivor.api("GET", "/plan/pause").json()
    assert body["stop_word"] == "Red"
    assert body["aftercare"] == ["Tea", "Quiet"]


def test_the_comfort_box_round_trips(survivor) -> None:
    response = survivor.api("PUT", "/plan/comfort", {"items": {"songs": "x"}})
    assert response.status_code == 422
    response = survivor.api("PUT", "/plan/comfort", {"items": {"sounds": "Rain"},
                                                     "reset_ritual": "Breathe"})
    assert response.status_code == 200
    body = survivor.api("GET", "/plan/comfort").json()
    assert body["items"]["sounds"] == "Rain"
    assert body["reset_ritual"] == "Breathe"


@pytest.mark.django_db
def test_signed_out_callers_are_refused(anonymous) -> None:
    assert anonymous.get("/api/v1/plan/plan").status_code == 401


def test_what_matters_to_me_is_part_of_the_plan_in_the_api(survivor) -> None:
    response = survivor.api("PUT", "/plan/plan", {"what_matters": "My cat"})
    assert response.status_code == 200
    assert survivor.api("GET", "/plan/plan").json()["parts"]["what_matters"] == "My cat"
