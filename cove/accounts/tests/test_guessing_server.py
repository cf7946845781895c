"""Against a running server: an attacker's guessing loop never keeps the owner out."""

from __future__ import annotations

import threading
import time

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_owner_always_gets_in_from_a_known_browser_during_a_guessing_attack(cove_server):
    owner = cove_server.sign_up("river")
    assert owner.api("POST", "/auth/logout").status_code == 204
    stop = threading.Event()
    answers: list[int] = []

    def guess() -> None:
        attacker = cove_server.visitor()  # a browser that never signed in to this account
        while not stop.is_set():
            response = attacker.sign_in("river", "maybe this is the passphrase?")
            answers.append(response.status_code)
            attacker.http.cookies.clear()

    attackers = [threading.Thread(target=guess) for _ in range(2)]
    for thread in attackers:
        thread.start()
    try:
        time.sleep(2)  # long enough for the account's delay to be running
        owner_answers = []
        for _ in range(5):
            owner_answers.append(owner.sign_in("river").status_code)
            owner.api("POST", "/auth/logout")
            time.sleep(0.5)
    finally:
        stop.set()
        for thread in attackers:
            thread.join()
    assert owner_answers == [200] * 5
    assert 429 in answers, "the attacker was never slowed down"
    assert 200 not in answers


def test_a_new_browser_is_slowed_down_by_the_same_attack(cove_server):
    cove_server.sign_up("river")
    attacker = cove_server.visitor()
    for _ in range(6):
        attacker.sign_in("river", "maybe this is the passphrase?")
        attacker.http.cookies.clear()
    assert cove_server.visitor().sign_in("river").status_code == 429
