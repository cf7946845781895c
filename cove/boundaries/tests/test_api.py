"""The boundaries API: same rules as the pages, JSON in and out, 422 for bad input."""

from __future__ import annotations

import pytest

from cove.boundaries import comfort, phrases, services, situations, wishes

pytestmark = pytest.mark.django_db


def test_catalogue_has_about_eighty_items_in_groups(survivor):
    data = survivor.api("get", "/boundaries/catalogue").json()
    assert 75 <= len(data["items"]) <= 100
    assert {i["category"] for i in data["items"]} == {c["slug"] for c in data["categories"]}
    assert len({i["key"] for i in data["items"]}) == len(data["items"])


def test_answer_change_and_history(survivor):
    response = survivor.api("post", "/boundaries/items/answer",
                            {"key": "touch.hug_behind", "state": "no"})
    assert response.status_code == 200, response.content
    item = response.json()
    response = survivor.api("put", f"/boundaries/items/{item['id']}",
                            {"state": "maybe", "condition": "if I can see you", "ask_first": True})
    assert response.json()["state"] == "maybe"
    changes = survivor.api("get", "/boundaries/changes").json()
    assert changes["pages"] == 1
    assert [c["after"]["state"] for c in changes["changes"]] == ["maybe", "no"]
    assert changes["changes"][0]["described"].startswith("No → Maybe")
    listed = survivor.api("get", "/boundaries/items?category=touch").json()
    assert [i["title"] for i in listed] == ["Hugs from behind"]


@pytest.mark.parametrize(("path", "payload"), [
    ("/boundaries/items/answer", {"key": "touch.hug_behind", "state": "sometimes"}),
    ("/boundaries/items/answer", {"key": "nope", "state": "yes"}),
    ("/boundaries/items/answer", {"key": "touch.hug_behind", "state": 5}),
    ("/boundaries/items", {"title": "", "category": "touch"}),
    ("/boundaries/items", {"title": "x", "category": "elsewhere"}),
    ("/boundaries/comfort", {"text": "x" * 300}),
    ("/boundaries/situations", {"title": "x", "zone": "maybe"}),
    ("/boundaries/wishes/answer", {"key": "wish.dance", "answer": "not_now"}),
    ("/boundaries/phrases", {"text": "hi", "moment": "later"}),
    ("/boundaries/phrases/favourite", {"key": "nope"}),
])
def test_bad_input_is_422_with_a_message(survivor, path, payload):
    response = survivor.api("post", path, payload)
    assert response.status_code == 422, response.content
    assert response.json()["detail"]


def test_review_cadence_round_trip(survivor):
    assert survivor.api("get", "/boundaries/review").json()["cadence_days"] == 0
    chosen = survivor.api("put", "/boundaries/review", {"cadence_days": 90}).json()
    assert chosen["cadence_days"] == 90
    assert survivor.api("put", "/boundaries/review", {"cadence_days": 7}).status_code == 422
    assert survivor.api("post", "/boundaries/review/not-now").json()["offer_review"] is False


def test_tools_round_trip(survivor):
    gesture = survivor.api("post", "/boundaries/comfort", {"text": "Tea"}).json()
    assert survivor.api("put", f"/boundaries/comfort/{gesture['id']}",
                        {"text": "Warm tea"}).json()["text"] == "Warm tea"
    situation = survivor.api("post", "/boundaries/situations",
                             {"title": "Lifts", "zone": "avoid"}).json()
    survivor.api("put", f"/boundaries/situations/{situation['id']}",
                 {"title": "Lifts", "zone": "manageable"})
    moves = survivor.api("get", "/boundaries/situation-changes").json()
    assert [(m["before"], m["after"]) for m in moves] == [("avoid", "manageable"), ("", "avoid")]
    assert survivor.api("post", "/boundaries/wishes/answer",
                        {"key": "wish.dance", "answer": "yes"}).json()["answer"] == "yes"
    survivor.api("post", "/boundaries/phrases/favourite", {"key": "p.no.plain"})
    assert survivor.api("get", "/boundaries/rehearse?set=favourites").json() == [
        "No, thank you."]
    summary = survivor.api("get", "/boundaries/summary?c=touch").json()
    assert summary[0]["category"] == "touch"


def test_another_persons_ids_are_404(survivor, other_survivor):
    vault = other_survivor.vault()
    item = services.add_own_item(vault, "Theirs", "touch", "no")
    gesture = comfort.add_comfort(vault, "Theirs")
    situation = situations.add_situation(vault, "Theirs", "avoid")
    wish = wishes.add_own_wish(vault, "Theirs", "no")
    phrase = phrases.add_own_phrase(vault, "Theirs", "no")
    calls = [
        ("put", f"/boundaries/items/{item.pk}", {"state": "yes"}),
        ("put", f"/boundaries/items/{item.pk}/name", {"title": "x", "category": "touch"}),
        ("delete", f"/boundaries/items/{item.pk}", None),
        ("put", f"/boundaries/comfort/{gesture.pk}", {"text": "x"}),
        ("delete", f"/boundaries/comfort/{gesture.pk}", None),
        ("put", f"/boundaries/situations/{situation.pk}", {"title": "x", "zone": "avoid"}),
        ("delete", f"/boundaries/situations/{situation.pk}", None),
        ("put", f"/boundaries/wishes/{wish.pk}", {"answer": "yes"}),
        ("delete", f"/boundaries/wishes/{wish.pk}", None),
        ("delete", f"/boundaries/phrases/{phrase.pk}", None),
    ]
    for method, path, payload in calls:
        assert survivor.api(method, path, payload).status_code == 404, path
    assert survivor.api("get", "/boundaries/items").json() == []
    assert survivor.api("get", "/boundaries/wishes").json() == []


def test_signed_out_api_is_401(anonymous):
    assert anonymous.get("/api/v1/boundaries/items").status_code == 401


def _input_enum(schema: dict, component: str, field: str) -> list:
    prop = schema["components"]["schemas"][component]["properties"][field]
    ref = prop.get("$ref") or prop["allOf"][0]["$ref"]
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]["enum"]


@pytest.mark.parametrize(("component", "field", "values", "registered"), [
    ("AnswerIn", "state", ["yes", "maybe", "not_now", "no", ""], "boundaries.state"),
    ("OwnItemIn", "category", ["talk", "touch", "areas", "gentle", "more", "words", "setting",
                               "start", "after"], "boundaries.category"),
    ("ReviewIn", "cadence_days", [0, 14, 30, 90, 182], "boundaries.cadence_days"),
    ("SituationIn", "zone", ["manageable", "plan", "avoid"], "boundaries.zone"),
    ("WishUpdateIn", "answer", ["yes", "maybe", "no", ""], "boundaries.wish_answer"),
    ("OwnPhraseIn", "moment", ["asking", "offering", "before_check", "during_check", "slowing",
                               "pausing", "stopping", "debrief", "reassure", "no", "not_today"],
     "boundaries.moment"),
])
def test_closed_choices_are_enums_with_labels(survivor, component, field, values, registered):
    schema = survivor.client.get("/api/v1/openapi.json").json()
    assert _input_enum(schema, component, field) == values
    listed = survivor.api("get", "/choices").json()[registered]
    assert [c["value"] for c in listed] == values
    assert all(c["label"] for c in listed)


def test_the_review_choice_still_takes_a_number_in_a_string(survivor):
    # Declaring the enum made the schema precise; what the API accepted stays accepted.
    response = survivor.api("put", "/boundaries/review", {"cadence_days": "30"})
    assert response.status_code == 200
    assert response.json()["cadence_days"] == 30
