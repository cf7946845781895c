"""Security and privacy headers on every kind of response."""

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def csp(response):
    return dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )


def test_csp_uses_nonces_and_forbids_inline_code(anonymous):
    policy = csp(anonymous.get("/"))
    assert "'nonce-" in policy["script-src"]
    assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["style-src"] == "'self'"


def test_script_tags_carry_the_responses_nonce(anonymous):
    response = anonymous.get("/")
    nonce = csp(response)["script-src"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"'.encode() in response.content


@pytest.mark.parametrize("path", ["/", "/help/", "/account/login/", "/healthz"])
def test_public_responses_carry_the_baseline_headers(anonymous, path):
    response = anonymous.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in response  # plain HTTP in tests


def test_signed_in_pages_are_never_stored(survivor):
    response = survivor.client.get("/account/settings/")
    assert "no-store" in response["Cache-Control"]


def test_api_answers_are_never_stored(survivor):
    assert "no-store" in survivor.api("get", "/auth/me")["Cache-Control"]


@override_settings(SECURE_HSTS_SECONDS=63072000, SECURE_SSL_REDIRECT=False,
                   SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True, COVE_TLS=True)
def test_over_tls_hsts_is_sent_and_cookies_are_secure(survivor):
    client = Client()
    response = client.post("/account/login/", {"username": survivor.username,
                                                "passphrase": survivor.passphrase}, secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=63072000")
    assert response.cookies["cove_session"]["secure"]
    assert response.cookies["cove_vk"]["secure"]
    assert response.cookies["cove_session"]["httponly"] and response.cookies["cove_vk"]["httponly"]


def test_session_and_key_cookies_are_httponly_and_samesite(survivor):
    client = Client()
    response = client.post("/account/login/", {"username": survivor.username,
                                                "passphrase": survivor.passphrase})
    for name in ("cove_session", "cove_vk"):
        assert response.cookies[name]["httponly"]
        assert response.cookies[name]["samesite"] == "Lax"


def test_healthz_answers_for_monitoring(anonymous):
    response = anonymous.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_an_unknown_page_is_a_calm_404(anonymous):
    response = anonymous.get("/no-such-page/")
    assert response.status_code == 404
    assert b"could not find that page" in response.content


def test_a_form_without_csrf_gets_a_kind_page(anonymous):
    response = anonymous.post("/account/login/", {"username": "a", "passphrase": "b"})
    assert response.status_code == 403
    assert b"did not go through" in response.content


def test_titles_are_discreet(anonymous, survivor):
    for client, path in ((anonymous, "/"), (anonymous, "/help/"), (survivor.client, "/")):
        title = client.get(path).content.split(b"<title>")[1].split(b"</title>")[0]
        assert title.startswith(b"Notes")


def test_a_form_encoded_post_to_the_api_is_answered_not_crashed(survivor):
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/api/v1/auth/reauth", {"passphrase": "x"},
                                    HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
