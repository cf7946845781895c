"""Only the two members of an active link reach its pages and operations; unlinking is
felt on the very next request, and the other person is told nothing."""

from __future__ import annotations

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from cove.partners import services as partners
from cove.together.testing import api_base, base, make_step

pytestmark = pytest.mark.django_db


def together_routes():
    resolver = get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver) and str(entry.pattern) == "partners/together/":
            for pattern in entry.url_patterns:
                assert isinstance(pattern, URLPattern)
                yield str(pattern.pattern)


def filled(route, link, some_id):
    return ("/partners/together/" + route.replace("<uuid:link_id>", str(link.pk))
            .replace("<uuid:change_id>", some_id).replace("<uuid:round_id>", some_id)
            .replace("<uuid:practice_id>", some_id).replace("<uuid:note_id>", some_id))


def seeded(river, sol, link):
    """One of every kind of record, so each route has a real id to try."""
    river.api("post", api_base(link) + "agreement/suggestions", {"after_pause": {"together": "x"}})
    started = river.api("post", api_base(link) + "practice", {"step_id": make_step(river)})
    note = sol.api("post", api_base(link) + "notes", {"kind": "win", "text": "x"})
    return started.json()["id"], note.json()["id"]


def test_every_together_page_answers_a_stranger_as_if_the_link_did_not_exist(pair, make_person):
    """A stranger gets exactly what a member gets for a link id that does not exist
    (404; 405 only where the method itself is wrong), never a page."""
    river, sol, link = pair
    practice_id, _note = seeded(river, sol, link)
    stranger = make_person()
    missing = type(link)(pk=uuid.uuid4())
    for route in together_routes():
        if "<uuid:link_id>" not in route:
            continue
        url, nowhere = filled(route, link, practice_id), filled(route, missing, practice_id)
        for method in ("get", "post"):
            seen = (stranger.post(url) if method == "post" else stranger.client.get(url))
            expected = river.post(nowhere) if method == "post" else river.client.get(nowhere)
            assert seen.status_code == expected.status_code != 200, (method, url)


def test_every_together_operation_is_404_for_someone_outside_the_link(pair, make_person):
    river, sol, link = pair
    seeded(river, sol, link)
    stranger = make_person()
    for path in ("agreement", "agreement/history", "wishes", "practice", "check-ins", "notes"):
        assert stranger.api("get", api_base(link) + path).status_code == 404, path


def test_after_unlinking_the_partner_gets_404_on_the_next_request(pair):
    river, sol, link = pair
    seeded(river, sol, link)
    assert sol.client.get(base(link) + "agreement/").status_code == 200
    partners.unlink(river.vault(), link.pk)
    assert sol.client.get(base(link) + "agreement/").status_code == 404
    assert sol.api("get", api_base(link) + "notes").status_code == 404


def test_after_unlinking_the_together_index_looks_as_if_never_linked(pair, make_person):
    river, sol, link = pair
    seeded(river, sol, link)
    partners.unlink(river.vault(), link.pk)
    never = make_person()
    assert sol.client.get("/partners/together/").content.decode().count("With ") == \
        never.client.get("/partners/together/").content.decode().count("With ")
