"""Passphrases a computer could guess quickly are refused, kindly and specifically."""

import pytest
from django.test import Client

from cove.accounts.models import User

pytestmark = pytest.mark.django_db

# Long enough for the length rule, yet easy to guess (the security review's examples and
# their kind).
WEAK = {
    "123456789012345678": "in order",
    "zxcvbnmasdfghjkl": "keyboard",
    "password123456789": "passwords many people use",
    "qwertyuiopasdfgh": "keyboard",
    "iloveyou12345678": "passwords many people use",
    "aaaaaaaaaaaaaaab": "Repeated",
    "riverriverriver1": "Repeated",
}
STRONG = [
    "a calm blue lake at dawn, 2026",
    "sunlight on the kitchen table",
    "quiet river under the old bridge",
    "my dog is called rex and he snores",
]


def sign_up(username, passphrase):
    return Client().post("/account/signup/", {"username": username, "passphrase": passphrase,
                                              "passphrase_again": passphrase})


@pytest.mark.parametrize(("passphrase", "reason"), WEAK.items(), ids=list(WEAK))
def test_an_easy_to_guess_passphrase_is_refused_with_the_reason(passphrase, reason):
    response = sign_up("maple", passphrase)
    assert not User.objects.exists()
    assert reason.encode() in response.content
    assert b"Try a few ordinary words in an order only you would pick." in response.content


@pytest.mark.parametrize("passphrase", STRONG)
def test_a_strong_long_phrase_is_welcome(passphrase):
    sign_up("maple", passphrase)
    assert User.objects.filter(username="maple").exists()


def test_only_one_message_is_shown_for_a_weak_passphrase():
    response = sign_up("maple", "password123456789")
    assert b"on a list of passphrases" not in response.content
    assert response.content.count(b"Try a few ordinary words") == 1


def test_a_passphrase_change_is_held_to_the_same_rule(survivor):
    response = survivor.api("post", "/account/passphrase",
                            {"current": survivor.passphrase, "new": "zxcvbnmasdfghjkl"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "payload", "new"]
