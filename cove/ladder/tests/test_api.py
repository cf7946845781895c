"""The ladder and practice API: same rules as the pages, JSON answers, 422 on bad input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cove.api import api
from cove.ladder.models import PracticeSession

pytestmark = pytest.mark.django_db


def make(person, starter="closeness"):
    response = person.api("post", "/ladder/ladders", {"title": "Together", "starter": starter})
    assert response.status_code == 201, response.content
    return response.json()


def test_operations_are_tagged_ladder_and_practice(survivor):
    schema = api.get_openapi_schema()
    tags = {
        path: {tag for op in ops.values() for tag in op.get("tags", [])}
        for path, ops in schema["paths"].items() if path.startswith("/api/v1/ladder/")
    }
    assert tags["/api/v1/ladder/ladders"] == {"ladder"}
    assert tags["/api/v1/ladder/practices/{session_id}/pause"] == {"practice"}
    assert {t for ts in tags.values() for t in ts} == {"ladder", "practice"}


def test_ladder_round_trip(survivor):
    ladder = make(survivor)
    assert [s["position"] for s in ladder["steps"]] == list(range(1, len(ladder["steps"]) + 1))
    listed = survivor.api("get", "/ladder/ladders").json()
    assert [item["title"] for item in listed] == ["Together"]
    step = ladder["steps"][1]
    moved = survivor.api("post", f"/ladder/steps/{step['id']}/move", {"direction": "up"}).json()
    assert moved[0]["id"] == step["id"]
    patched = survivor.api("patch", f"/ladder/steps/{step['id']}", {"status": "resting"}).json()
    assert patched["status"] == "resting"
    assert patched["title"] == step["title"]
    parts = survivor.api("post", f"/ladder/steps/{step['id']}/split",
                         {"first": "Shorter", "second": "A bit longer"}).json()
    assert [p["title"] for p in parts] == ["Shorter", "A bit longer"]
    words = survivor.api("put", "/ladder/words", {"words": {"0": "calm sea"}}).json()
    assert words["0"] == "calm sea"
    assert words["100"]


@pytest.mark.parametrize(("path", "body"), [
    ("/ladder/ladders", {"starter": "unknown"}),
    ("/ladder/ladders/{ladder}/steps", {"title": ""}),
    ("/ladder/ladders/{ladder}/steps", {"title": "x", "expected_distress": 101}),
    ("/ladder/steps/{step}/move", {"direction": "left"}),
    ("/ladder/steps/{step}/checkin", {"answer": "maybe"}),
    ("/ladder/words", {"words": {"33": "odd"}}),
])
def test_bad_input_gets_422(survivor, path, body):
    ladder = make(survivor)
    path = path.format(ladder=ladder["id"], step=ladder["steps"][0]["id"])
    method = "put" if path.endswith("/words") else "post"
    response = survivor.api(method, path, body)
    assert response.status_code == 422, response.content
    assert response.json()["detail"]


def test_practice_through_the_api_needs_a_clear_yes(survivor):
    step = make(survivor)["steps"][0]
    for answer in ("not_sure", "no"):
        response = survivor.api("post", f"/ladder/steps/{step['id']}/checkin", {"answer": answer})
        assert response.status_code == 200
        assert response.json()["started"] is False
    assert not PracticeSession.objects.exists()
    response = survivor.api("post", f"/ladder/steps/{step['id']}/checkin", {"answer": "yes"})
    assert response.status_code == 201
    sid = response.json()["session_id"]
    out = survivor.api("post", f"/ladder/practices/{sid}/before",
                       {"expected": 40, "now": 10, "checkin_every": 2}).json()
    assert out["phase"] == "during"
    assert survivor.api("post", f"/ladder/practices/{sid}/pause").json()["phase"] == "paused"
    assert survivor.api("post", f"/ladder/practices/{sid}/resume").json()["phase"] == "during"
    assert survivor.api("post", f"/ladder/practices/{sid}/during",
                        {"answer": "finished"}).json()["phase"] == "after"
    conflict = survivor.api("post", f"/ladder/practices/{sid}/before", {})
    assert conflict.status_code == 409
    bad = survivor.api("post", f"/ladder/practices/{sid}/after", {"peak": -1})
    assert bad.status_code == 422
    done = survivor.api("post", f"/ladder/practices/{sid}/after",
                        {"peak": 35, "now": 5, "small_win": True}).json()
    assert done["phase"] == "ended"
    assert done["outcome"] == "finished"
    assert done["small_win"]
    progress = survivor.api("get", f"/ladder/steps/{step['id']}/progress").json()
    assert progress["points"][0]["peak"] == 35


def test_api_hides_other_peoples_things(survivor, other_survivor):
    ladder = make(survivor)
    step = ladder["steps"][0]
    sid = survivor.api("post", f"/ladder/steps/{step['id']}/checkin",
                       {"answer": "yes"}).json()["session_id"]
    for method, path in (("get", f"/ladder/ladders/{ladder['id']}"),
                         ("get", f"/ladder/steps/{step['id']}"),
                         ("post", f"/ladder/steps/{step['id']}/checkin"),
                         ("get", f"/ladder/practices/{sid}"),
                         ("post", f"/ladder/practices/{sid}/pause")):
        body = {"answer": "yes"} if path.endswith("checkin") else None
        assert other_survivor.api(method, path, body).status_code == 404, path


def test_api_needs_sign_in(anonymous):
    assert anonymous.get("/api/v1/ladder/ladders").status_code == 401


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8),
                                                                      children, max_size=3),
    max_leaves=6,
)
FIELDS = ["expected", "now", "minutes", "fear", "checkin_every", "peak", "aftercare_done",
          "small_win", "answer", "title", "status", "direction", "first", "words", "steps"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=4),
       which=st.sampled_from(["before", "during", "after", "checkin", "step", "split", "words",
                              "order", "move"]))
def test_no_input_makes_the_api_fail_with_a_500(survivor, body, which):
    ladder = make(survivor, "blank") if which == "order" else None
    step_id = make(survivor)["steps"][0]["id"]
    sid = survivor.api("post", f"/ladder/steps/{step_id}/checkin",
                       {"answer": "yes"}).json()["session_id"]
    path = {
        "before": f"/ladder/practices/{sid}/before", "during": f"/ladder/practices/{sid}/during",
        "after": f"/ladder/practices/{sid}/after", "checkin": f"/ladder/steps/{step_id}/checkin",
        "step": f"/ladder/steps/{step_id}", "split": f"/ladder/steps/{step_id}/split",
        "words": "/ladder/words", "move": f"/ladder/steps/{step_id}/move",
        "order": f"/ladder/ladders/{ladder['id'] if ladder else ''}/order",
    }[which]
    method = {"step": "patch", "words": "put"}.get(which, "post")
    response = survivor.api(method, path, body)
    assert response.status_code < 500, response.content
