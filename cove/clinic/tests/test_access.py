"""Role x grant state x every /clinic/ URL and clinician API path that names a client.

Only an approved clinician holding a live grant from that client reaches them. Without a
grant, with an expired or revoked one, as another clinician, as a survivor, or signed out,
the answer is the same as for a link that does not exist.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from cove.clinic.tests.conftest import make_clinician
from cove.conftest import sign_up_person
from cove.vault.models import Grant

pytestmark = pytest.mark.django_db

PAGES = [("get", "/clinic/clients/{}/"), ("get", "/clinic/clients/{}/download/"),
         ("post", "/clinic/clients/{}/suggest/"), ("post", "/clinic/clients/{}/notes/")]
API = [("get", "/clinic/clients/{}/questionnaires"), ("get", "/clinic/clients/{}/fhir"),
       ("get", "/clinic/clients/{}/suggestions"), ("post", "/clinic/clients/{}/suggestions"),
       ("get", "/clinic/clients/{}/notes"), ("post", "/clinic/clients/{}/notes")]
MISSING = "00000000-0000-4000-8000-000000000000"


def _call(person, method, path, link_id):
    url = path.format(link_id)
    if url.startswith("/clinic/clients/") and (method, path) in API:
        body = {"kind": "grounding", "title": "Breathe"} if "suggestions" in url else {
            "body": "a note"}
        return person.api(method, url, body if method == "post" else None)
    if method == "post":
        data = {"kind": "grounding", "title": "Breathe"} if "suggest" in url else {"body": "n"}
        return person.post(url, data)
    return person.client.get(url)


def _statuses(person, link_id):
    return {(m, p): _call(person, m, p, link_id).status_code for m, p in PAGES + API}


def test_the_clinician_with_a_live_grant_reaches_every_client_path(pair):
    statuses = _statuses(pair.clinician, pair.link_id)
    assert set(statuses.values()) <= {200, 201, 302}, statuses


def _assert_like_missing(person, link_id):
    got = _statuses(person, link_id)
    missing = _statuses(person, MISSING)
    assert got == missing
    assert all(status == 404 for status in got.values()), got


def test_a_clinician_without_a_grant_gets_what_a_missing_link_gets(pair):
    other = make_clinician("oak", "Dr Oak")
    _assert_like_missing(other, pair.link_id)


def test_an_expired_grant_opens_nothing(pair):
    Grant.objects.filter(owner=pair.client.user).update(
        ends_at=timezone.now() - timedelta(minutes=1))
    _assert_like_missing(pair.clinician, pair.link_id)


def test_a_revoked_grant_opens_nothing(pair):
    pair.client.post(f"/clinic/sharing/{pair.link_id}/stop/")
    _assert_like_missing(pair.clinician, pair.link_id)


def test_a_survivor_gets_404_on_clinician_paths(pair):
    survivor = sign_up_person("stone")
    _assert_like_missing(survivor, pair.link_id)


def test_a_withdrawn_clinician_gets_404_even_with_a_grant(pair):
    from cove.clinic import services

    services.withdraw(pair.clinician.username)
    _assert_like_missing(pair.clinician, pair.link_id)


def test_signed_out_visitors_are_sent_to_sign_in(pair):
    visitor = Client()
    for method, path in PAGES:
        response = getattr(visitor, method)(path.format(pair.link_id))
        # A signed-out POST is answered with the sign-in page that carries the form along.
        asked = response.status_code == 302 or "Please sign in" in response.content.decode()
        assert asked and "river" not in response.content.decode(), (method, path)
    for method, path in API:
        response = getattr(visitor, method)("/api/v1" + path.format(pair.link_id))
        assert response.status_code in (401, 403), (method, path, response.status_code)


def test_the_caseload_lists_only_clients_with_live_grants(pair):
    assert "river" in pair.clinician.client.get("/clinic/").content.decode()
    Grant.objects.filter(owner=pair.client.user).update(
        ends_at=timezone.now() - timedelta(minutes=1))
    assert "river" not in pair.clinician.client.get("/clinic/").content.decode()


def test_another_client_cannot_open_someone_elses_link_pages(pair):
    stranger = sign_up_person("stone")
    for path in ("/clinic/sharing/{}/", "/clinic/sharing/{}/preview/", "/clinic/sharing/{}/brief/"):
        assert stranger.client.get(path.format(pair.link_id)).status_code == 404


def test_the_clinician_cannot_open_the_clients_own_link_pages(pair):
    for path in ("/clinic/sharing/{}/", "/clinic/sharing/{}/preview/", "/clinic/sharing/{}/brief/"):
        assert pair.clinician.client.get(path.format(pair.link_id)).status_code == 404


def test_clinician_only_api_paths_refuse_a_survivor(pair):
    survivor = sign_up_person("stone")
    assert survivor.api("get", "/clinic/clients").status_code == 404
    assert survivor.api("post", "/clinic/invites").status_code == 404
