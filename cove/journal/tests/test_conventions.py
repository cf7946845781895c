"""The journal speaks the house's conventions: one 422 shape, declared kinds, versioned edits."""

from __future__ import annotations

import pytest

from cove.api import api
from cove.journal import services

pytestmark = pytest.mark.django_db


def test_an_unknown_prompt_is_located_inside_the_answers(survivor):
    response = survivor.api("post", "/journal/entries",
                            {"kind": "free", "answers": {"unknown": "x"}})
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["errors"]] == [
        ["body", "payload", "answers", "unknown"]]


def test_an_answer_out_of_range_is_located_at_its_prompt(survivor):
    response = survivor.api("post", "/journal/entries",
                            {"kind": "moment", "answers": {"how_much": 11}})
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["errors"]] == [
        ["body", "payload", "answers", "how_much"]]


def test_the_kind_is_an_enum_in_the_schema():
    schemas = api.get_openapi_schema()["components"]["schemas"]
    assert "moment" in schemas["JournalKind"]["enum"]


def test_choices_endpoint_offers_the_kinds_with_their_names(anonymous):
    kinds = anonymous.get("/api/v1/choices").json()["journal.kind"]
    assert {"value": "free", "label": "Free writing"} in kinds


def test_a_change_based_on_an_old_version_gets_409_with_both(survivor):
    entry = services.write_entry(survivor.vault(), "free", {"body": "first"}, [])
    first = survivor.api("put", f"/journal/entries/{entry.pk}",
                         {"answers": {"body": "from the phone"}, "version": 1})
    assert first.status_code == 200
    stale = survivor.api("put", f"/journal/entries/{entry.pk}",
                         {"answers": {"body": "from the laptop"}, "version": 1})
    assert stale.status_code == 409
    body = stale.json()
    assert (body["version"], body["current"]["answers"], body["yours"]["answers"]) == (
        2, {"body": "from the phone"}, {"body": "from the laptop"})


def test_the_edit_page_keeps_typed_words_and_shows_the_saved_ones(survivor):
    entry = services.write_entry(survivor.vault(), "free", {"body": "first"}, [])
    survivor.api("put", f"/journal/entries/{entry.pk}", {"answers": {"body": "from the phone"}})
    response = survivor.post(f"/journal/{entry.pk}/edit/",
                             {"body": "typed on the laptop", "version": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "from the phone" in page
    assert "typed on the laptop" in page
    assert 'name="version" value="2"' in page
