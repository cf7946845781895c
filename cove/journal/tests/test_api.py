"""The journal's JSON API: the same rules as the pages, 422 for bad input, 404 for others."""

from __future__ import annotations

import uuid

import pytest

from cove.journal import services
from cove.journal.models import JournalEntry

pytestmark = pytest.mark.django_db


def test_write_read_change_and_delete_an_entry(survivor):
    made = survivor.api("post", "/journal/entries", {
        "kind": "moment", "answers": {"what_happened": "loud voices", "context": ["home"],
                                      "helped": ["breathing"], "how_much": 6},
        "tags": ["evening"]})
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["answers"]["how_much"] == 6
    assert body["answers"]["context"] == ["home"]
    entry_id = body["id"]
    assert survivor.api("get", f"/journal/entries/{entry_id}").json()["tags"] == ["evening"]
    changed = survivor.api("put", f"/journal/entries/{entry_id}", {
        "answers": {"what_happened": "loud voices next door"}, "tags": [], "shareable": True})
    assert changed.status_code == 200
    assert changed.json()["shareable"] is True
    assert JournalEntry.objects.get(pk=entry_id).shareable
    listing = survivor.api("get", "/journal/entries").json()
    assert listing["count"] == 1
    assert survivor.api("delete", f"/journal/entries/{entry_id}").status_code == 204
    assert survivor.api("get", f"/journal/entries/{entry_id}").status_code == 404


@pytest.mark.parametrize("payload", [
    {"kind": "nope", "answers": {"body": "x"}},
    {"kind": "free", "answers": {"unknown": "x"}},
    {"kind": "free", "answers": {"body": ["a", "list"]}},
    {"kind": "free", "answers": {"body": "x" * 20_001}},
    {"kind": "moment", "answers": {"how_much": 11}},
    {"kind": "moment", "answers": {"how_much": True}},
    {"kind": "moment", "answers": {"context": ["the moon"]}},
    {"kind": "free", "answers": {}},
    {"kind": "free", "answers": {"body": "x"}, "tags": ["t"] * 13},
    {"kind": "free"},
    {"answers": {"body": "x"}},
    {"kind": 5, "answers": "not a dict"},
])
def test_bad_entries_get_a_clear_422(survivor, payload):
    response = survivor.api("post", "/journal/entries", payload)
    assert response.status_code == 422, response.content
    assert response.json()["detail"]
    assert not JournalEntry.objects.exists()


def test_another_persons_entry_is_404_in_the_api(survivor, other_survivor):
    entry = services.write_entry(other_survivor.vault(), "free", {"body": "mine"}, [])
    assert survivor.api("get", f"/journal/entries/{entry.pk}").status_code == 404
    assert survivor.api("put", f"/journal/entries/{entry.pk}",
                        {"answers": {"body": "x"}}).status_code == 404
    assert survivor.api("delete", f"/journal/entries/{entry.pk}").status_code == 404
    assert survivor.api("get", f"/journal/entries/{uuid.uuid4()}").status_code == 404
    assert survivor.api("get", "/journal/entries/not-an-id").status_code == 404
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


def test_search_and_patterns(survivor):
    vault = survivor.vault()
    for helped in (["breathing"], ["breathing"], []):
        services.write_entry(vault, "moment", {"context": ["home"], "tried": ["breathing"],
                                               "helped": helped}, [])
    found = survivor.api("post", "/journal/search", {"q": "home"}).json()
    assert found["scanned"] == 3
    assert len(found["entries"]) == 3
    assert survivor.api("post", "/journal/search", {"q": ""}).status_code == 422
    # Never in the address: the old query-string form is gone.
    assert survivor.api("get", "/journal/search?q=home").status_code == 405
    patterns = survivor.api("get", "/journal/patterns").json()
    assert "Slow breathing helped 2 of the 3 times you tried it." in patterns["sentences"]


def test_kinds_list_every_prompt(survivor):
    kinds = survivor.api("get", "/journal/kinds").json()
    assert {k["key"] for k in kinds} == {"free", "body", "moment", "win", "story", "thought",
                                         "terms"}


def test_api_needs_sign_in(anonymous):
    assert anonymous.get("/api/v1/journal/entries").status_code == 401


def test_operations_are_tagged_journal(survivor):
    schema = survivor.client.get("/api/v1/openapi.json").json()
    tags = {tag for path, ops in schema["paths"].items() if path.startswith("/api/v1/journal/")
            for op in ops.values() for tag in op.get("tags", [])}
    assert tags == {"journal"}
