"""Against a running server, with real parallel requests: a code links exactly once, and
parallel guesses cannot slip past the wait together."""

from __future__ import annotations

import threading
import time

import pytest

from cove.partners import links

pytestmark = pytest.mark.django_db(transaction=True)


def _parallel(calls):
    answers: list[int] = [0] * len(calls)
    start = threading.Barrier(len(calls))

    def run(i):
        start.wait()
        answers[i] = calls[i]().status_code

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_two_people_using_one_code_at_once_make_one_link(cove_server):
    river = cove_server.sign_up("river")
    code = river.api("POST", "/partners/invitations").json()["code"]
    others = [cove_server.sign_up(name) for name in ("sol", "ash", "fern")]
    answers = _parallel([lambda o=o: o.api("POST", "/partners/redeem", {"code": code})
                         for o in others])
    assert sorted(answers) == [201, 422, 422]
    assert len(river.api("GET", "/partners/links").json()) == 1


def _checks_allowed(seconds: float) -> int:
    """How many guesses the gate may check in `seconds`: the free tries, one more that
    starts the first wait, then one more each time a wait (2 s, 4 s, 8 s …) runs out."""
    allowed, wait, waited = links.FREE_TRIES + 1, 2, 0
    while waited + wait <= seconds:
        waited += wait
        wait *= 2
        allowed += 1
    return allowed


def test_parallel_guesses_are_held_to_the_same_count(cove_server):
    guesser = cove_server.sign_up("sol")
    started = time.monotonic()
    answers = _parallel([lambda: guesser.api("POST", "/partners/redeem", {"code": "AAAA-BBBB"})
                         for _ in range(10)])
    took = time.monotonic() - started
    # However many arrive at once, none slips past a running wait. A slow machine may take
    # longer than the first wait to answer all ten, so the bound follows the time it took.
    assert answers.count(422) <= _checks_allowed(took), (answers, took)
    assert answers.count(422) + answers.count(429) == 10
