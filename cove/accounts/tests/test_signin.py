"""Signing in: same answer whether or not an account exists; delays, never lockouts."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from cove.accounts import throttle
from cove.accounts.models import SignInThrottle
from cove.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def login(username, passphrase, address="10.0.0.1"):
    client = Client(REMOTE_ADDR=address)
    return client, client.post("/account/login/", {"username": username, "passphrase": passphrase})


def test_right_passphrase_signs_in_and_goes_home(survivor):
    _client, response = login(survivor.username, survivor.passphrase)
    assert response.status_code == 302 and response["Location"] == "/"


def test_sign_in_goes_back_to_the_page_asked_for(survivor):
    client = Client()
    response = client.post("/account/login/?next=/account/sessions/",
                           {"username": survivor.username, "passphrase": survivor.passphrase})
    assert response["Location"] == "/account/sessions/"


def test_sign_in_never_redirects_to_another_site(survivor):
    client = Client()
    response = client.post("/account/login/?next=https://elsewhere.example.com/",
                           {"username": survivor.username, "passphrase": survivor.passphrase})
    assert response["Location"] == "/"


def test_wrong_passphrase_and_unknown_account_look_the_same(survivor):
    _c, wrong = login(survivor.username, "not the right passphrase at all")
    _c, unknown = login("nobody-by-this-name", "not the right passphrase at all")
    assert wrong.status_code == unknown.status_code == 200
    strip = lambda r: r.content.replace(b"nobody-by-this-name", b"").replace(  # noqa: E731
        survivor.username.encode(), b"")
    assert b"do not match" in wrong.content
    # The pages differ only in the echoed username, the CSRF token and the CSP nonce.
    import re

    token = re.compile(rb'(name="csrfmiddlewaretoken" value|nonce)="[^"]+"')
    assert token.sub(b"", strip(wrong)) == token.sub(b"", strip(unknown))


def test_sign_in_is_case_insensitive_for_the_username(survivor):
    _client, response = login(survivor.username.upper(), survivor.passphrase)
    assert response.status_code == 302


def test_failed_sign_in_is_audited_without_the_passphrase(survivor):
    login(survivor.username, "a wrong passphrase typed here")
    event = AuditEvent.objects.filter(kind="auth.login_failed").get()
    assert event.subject_id == survivor.user.pk
    assert "wrong" not in str(event.detail)


def test_repeated_failures_ask_the_person_to_wait(survivor):
    for _ in range(throttle.FREE_ATTEMPTS + 1):
        login(survivor.username, "a wrong passphrase typed here")
    _client, response = login(survivor.username, survivor.passphrase)
    assert response.status_code == 429
    assert b"Please wait" in response.content


def test_unknown_accounts_are_delayed_the_same_way():
    for _ in range(throttle.FREE_ATTEMPTS + 1):
        login("no-such-person", "a wrong passphrase typed here")
    _client, response = login("no-such-person", "a wrong passphrase typed here")
    assert response.status_code == 429


def test_delays_grow_but_an_account_is_never_locked_for_long(survivor, settings):
    for index in range(40):
        login(survivor.username, "a wrong passphrase typed here", address=f"10.1.{index}.1")
    rows = SignInThrottle.objects.all()
    account_row = max(rows, key=lambda r: r.failures)
    wait = account_row.next_allowed_at - timezone.now()
    assert wait <= timedelta(seconds=settings.COVE_THROTTLE_ACCOUNT_MAX_DELAY)


def test_after_the_wait_the_right_passphrase_works(survivor):
    for _ in range(throttle.FREE_ATTEMPTS + 3):
        login(survivor.username, "a wrong passphrase typed here")
    SignInThrottle.objects.update(next_allowed_at=timezone.now() - timedelta(seconds=1))
    _client, response = login(survivor.username, survivor.passphrase)
    assert response.status_code == 302


def test_api_login_reports_the_wait_with_retry_after(survivor):
    for _ in range(throttle.FREE_ATTEMPTS + 1):
        login(survivor.username, "a wrong passphrase typed here", address="127.0.0.1")
    client = Client(enforce_csrf_checks=True)
    client.get("/api/v1/auth/csrf")
    response = client.post("/api/v1/auth/login",
                           {"username": survivor.username, "passphrase": survivor.passphrase},
                           content_type="application/json",
                           HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1


def test_api_login_and_logout(survivor):
    client = Client(enforce_csrf_checks=True)
    client.get("/api/v1/auth/csrf")
    token = client.cookies["csrftoken"].value
    response = client.post("/api/v1/auth/login",
                           {"username": survivor.username, "passphrase": survivor.passphrase},
                           content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200 and response.json()["username"] == survivor.username
    token = client.cookies["csrftoken"].value
    assert client.get("/api/v1/auth/me").status_code == 200
    assert client.post("/api/v1/auth/logout", HTTP_X_CSRFTOKEN=token).status_code == 204
    assert client.get("/api/v1/auth/me").status_code == 401


def test_api_login_with_a_wrong_passphrase_is_401(survivor):
    client = Client()
    response = client.post("/api/v1/auth/login",
                           {"username": survivor.username, "passphrase": "wrong wrong wrong wrong"},
                           content_type="application/json")
    assert response.status_code == 401
