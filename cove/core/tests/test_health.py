"""Readiness tells the truth; liveness needs nothing; errors keep their shape and safety links."""

from __future__ import annotations

import sys

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client, RequestFactory, override_settings

from cove.core.tests.test_restore_checks import lose_live_keystore
from cove.core.views import server_error

pytestmark = pytest.mark.django_db(transaction=True)


def quiet_client() -> Client:
    return Client(raise_request_exception=False)


def test_readiness_answers_200_when_everything_works(anonymous):
    for path in ("/healthz", "/readyz"):
        response = anonymous.get(path)
        assert response.status_code == 200
        assert set(response.json()["checks"].values()) == {"ok"}


def test_liveness_answers_without_checking_anything(anonymous):
    response = anonymous.get("/livez")
    assert response.status_code == 200 and response.json() == {"status": "alive"}


def test_a_missing_keystore_makes_readiness_answer_503(survivor):
    lose_live_keystore()
    response = quiet_client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["keystore"] == "failed"


def test_a_missing_keystore_is_not_mistaken_for_a_wrong_passphrase(survivor):
    lose_live_keystore()
    response = quiet_client().post("/account/login/", {"username": survivor.username,
                                                         "passphrase": survivor.passphrase})
    assert response.status_code == 503
    assert b"do not match" not in response.content


def test_a_missing_keystore_is_not_made_again_while_accounts_exist(survivor):
    from cove.vault import keystore

    lose_live_keystore()
    quiet_client().post("/api/v1/auth/signup", {"username": "rowan", "passphrase": "x" * 20},
                        content_type="application/json")
    with pytest.raises(keystore.KeystoreUnavailable):
        keystore.count()


@override_settings(COVE_MIN_FREE_MB=10**12)
def test_a_nearly_full_disk_makes_readiness_answer_503(anonymous):
    if connection.vendor != "sqlite":
        pytest.skip("the free-space check is for SQLite's own disk")
    response = anonymous.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["disk"] == "nearly full"


@pytest.mark.django_db(transaction=False)
def test_a_migration_not_applied_makes_readiness_answer_503(anonymous):
    MigrationRecorder.Migration.objects.filter(app="journal").delete()
    response = anonymous.get("/readyz")
    assert response.status_code == 503
    assert "not applied" in response.json()["checks"]["migrations"]


def test_an_unknown_api_path_answers_json_404(anonymous):
    response = anonymous.get("/api/v1/no-such-thing")
    assert response.status_code == 404 and "detail" in response.json()


def test_an_api_request_without_its_csrf_token_answers_json_403(survivor):
    client = Client(enforce_csrf_checks=True)
    client.cookies = survivor.client.cookies
    response = client.post("/api/v1/journal/entries", {"kind": "free"}, content_type="application/json")
    assert response.status_code == 403 and "detail" in response.json()


def test_a_request_for_an_unknown_host_answers_json_400_on_the_api(anonymous):
    response = quiet_client().get("/api/v1/auth/csrf", HTTP_HOST="evil.example")
    assert response.status_code == 400 and "detail" in response.json()


def test_a_too_large_api_body_answers_json_413(survivor):
    big = {"kind": "free", "answers": {"body": "x" * 3_000_000}}
    response = survivor.api("post", "/journal/entries", big)
    assert response.status_code == 413 and "detail" in response.json()


def test_a_page_for_an_unknown_host_keeps_the_safety_links(anonymous):
    response = quiet_client().get("/help/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert b"Leave quickly" in response.content and b"Get help now" in response.content


def test_a_page_that_does_not_exist_keeps_the_safety_links(survivor):
    response = survivor.client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Leave quickly" in response.content and b"Get help now" in response.content


def test_a_server_error_on_the_api_is_json():
    request = RequestFactory().get("/api/v1/journal/entries")
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        assert sys.exc_info()[0] is RuntimeError
        response = server_error(request)
    assert response.status_code == 500 and b'"detail"' in response.content


def test_a_server_error_page_keeps_the_safety_links_and_crisis_lines():
    request = RequestFactory().get("/journal/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(request)
    body = response.content.decode()
    assert response.status_code == 500
    assert "Leave quickly" in body and "Get help now" in body and 'href="tel:' in body
