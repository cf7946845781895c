"""The real-server harness itself: start, serve a signed-in person, survive kill -9."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_killed_server_starts_again_with_what_it_acknowledged(cove_server):
    river = cove_server.sign_up("river")
    created = river.api("POST", "/journal/entries", {"kind": "free", "answers": {"body": "kept"}})
    assert created.status_code == 201, created.text
    cove_server.kill()
    cove_server.start()
    again = cove_server.visitor()
    assert again.sign_in("river").status_code == 200
    listed = again.api("GET", "/journal/entries")
    assert [e["answers"]["body"] for e in listed.json()["entries"]] == ["kept"]
