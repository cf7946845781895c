"""Signing up: a username and a passphrase, nothing else."""

import pytest
from django.test import Client

from cove.accounts.models import User
from cove.vault.models import KeyBundle

pytestmark = pytest.mark.django_db

GOOD = "my cat sleeps on warm laundry"


def post_signup(client, username, passphrase, again=None):
    return client.post("/account/signup/", {
        "username": username, "passphrase": passphrase,
        "passphrase_again": passphrase if again is None else again})


def test_signup_shows_the_recovery_code_once():
    response = post_signup(Client(), "maple", GOOD)
    assert response.status_code == 200
    assert b"Keep this recovery code safe" in response.content
    assert b"nobody can open your things again" in response.content


def test_signup_signs_the_person_in():
    client = Client()
    post_signup(client, "maple", GOOD)
    assert client.get("/account/settings/").status_code == 200


def test_signup_creates_keys_but_no_plain_passphrase():
    post_signup(Client(), "maple", GOOD)
    user = User.objects.get(username="maple")
    # The login verifier comes from the same Argon2id run as the key wrap.
    assert user.password.startswith("cove-kdf1$") and GOOD not in user.password
    assert KeyBundle.objects.filter(user=user).exists()


def test_passphrase_shorter_than_15_characters_is_refused():
    response = post_signup(Client(), "maple", "short phrase")
    assert b"at least 15 characters" in response.content
    assert not User.objects.exists()


def test_a_common_passphrase_is_refused():
    response = post_signup(Client(), "maple", "correct horse battery staple")
    assert b"easy to guess" in response.content


def test_a_repeated_common_password_is_refused():
    response = post_signup(Client(), "maple", "sunshinesunshinesunshine")
    assert b"easy to guess" in response.content


def test_a_long_passphrase_is_welcome():
    long_one = "the morning light comes in slowly over the hills " * 4
    response = post_signup(Client(), "maple", long_one)
    assert b"Keep this recovery code safe" in response.content


def test_passphrase_containing_the_username_is_refused():
    response = post_signup(Client(), "maplewood", "maplewood is where I grew up")
    assert b"does not contain your username" in response.content


def test_mismatched_passphrases_keep_what_was_typed_in_the_username():
    response = post_signup(Client(), "maple", GOOD, again=GOOD + "x")
    assert b"are not the same" in response.content
    assert b'value="maple"' in response.content


def test_username_is_case_insensitive_and_unique():
    post_signup(Client(), "Maple", GOOD)
    response = post_signup(Client(), "maple", GOOD)
    assert b"not available" in response.content
    assert User.objects.count() == 1


def test_signup_api_returns_201_with_a_recovery_code(anonymous):
    anonymous.get("/api/v1/auth/csrf")
    response = anonymous.post("/api/v1/auth/signup", {"username": "fern", "passphrase": GOOD},
                              content_type="application/json",
                              HTTP_X_CSRFTOKEN=anonymous.cookies["csrftoken"].value)
    assert response.status_code == 201
    assert set(response.json()) == {"username", "recovery_code"}


def test_signup_api_without_csrf_is_refused(anonymous):
    response = anonymous.post("/api/v1/auth/signup", {"username": "fern", "passphrase": GOOD},
                              content_type="application/json")
    assert response.status_code == 403


def test_signup_api_explains_a_weak_passphrase(anonymous):
    anonymous.get("/api/v1/auth/csrf")
    response = anonymous.post("/api/v1/auth/signup", {"username": "fern", "passphrase": "short"},
                              content_type="application/json",
                              HTTP_X_CSRFTOKEN=anonymous.cookies["csrftoken"].value)
    assert response.status_code == 422
    assert "15 characters" in response.json()["errors"][0]["msg"]
