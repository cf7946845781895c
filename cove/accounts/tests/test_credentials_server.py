"""Against a running server: credential changes at the same moment are serialized."""

from __future__ import annotations

import pytest

from cove.testing_server import at_once

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("trial", range(3))
def test_two_simultaneous_passphrase_changes_never_both_succeed(cove_server, trial):
    name = f"river{trial}"
    first = cove_server.sign_up(name)
    second = cove_server.another_session(first)
    choices = ["a first new passphrase by the lake", "a second new passphrase by the sea"]
    answers = at_once(
        lambda: first.api("POST", "/account/passphrase",
                          {"current": first.passphrase, "new": choices[0]}),
        lambda: second.api("POST", "/account/passphrase",
                           {"current": second.passphrase, "new": choices[1]}),
    )
    codes = sorted(a.status_code for a in answers)
    assert codes.count(204) == 1, [(a.status_code, a.text) for a in answers]
    # The other is refused: its session ended (401), the keys moved under it (409), or
    # it was checked after the change and is no longer the passphrase (403).
    assert codes[1] in (401, 403, 409), [(a.status_code, a.text) for a in answers]
    winner = choices[[a.status_code for a in answers].index(204)]
    loser = choices[1 - choices.index(winner)]
    assert cove_server.visitor().sign_in(name, winner).status_code == 200
    assert cove_server.visitor().sign_in(name, loser).status_code == 401


def test_one_recovery_code_used_twice_at_once_works_only_once(cove_server):
    person = cove_server.sign_up("river")
    answers = at_once(*[
        (lambda n=n: cove_server.visitor().api("POST", "/account/recover", {
            "username": "river", "recovery_code": person.recovery_code,
            "new_passphrase": f"a brand new passphrase number {n} here"}))
        for n in range(2)
    ])
    assert sorted(a.status_code for a in answers) == [200, 403], [a.text for a in answers]
