"""Against a running server: writing while the same person shares, stops sharing and resets.

One session writes ladder steps as fast as it can while another session of the same person
shares the ladder with a partner, stops sharing it (a key rotation) and runs emergency
resets. Every step the server acknowledged must open afterwards, and stopping sharing,
reset, export and the ladder page must all still answer.
"""

from __future__ import annotations

import threading
import time

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 9
RESET_EVERY = 3
WRITES_PER_ROUND = 3  # acknowledged steps between two rotations, at least


def _write_steps(server, owner, ladder_id, stop, acked, refused, stopped):
    try:
        writer = server.another_session(owner)
        n = 0
        while not stop.is_set():
            n += 1
            title = f"step {n} by the writer"
            answer = writer.api("POST", f"/ladder/ladders/{ladder_id}/steps", {"title": title})
            if answer.status_code == 201:
                acked.append((answer.json()["id"], title))
            elif answer.status_code == 401:  # an emergency reset ended this session
                writer = server.another_session(owner)  # the same passphrase opens again
            else:
                refused.append((answer.status_code, answer.text[:200]))
        writer.close()
    except Exception as exc:  # a writer that stops early must fail the test, not vanish
        stopped.append(repr(exc))


def _wait_for_writes(acked, at_least, seconds=60.0):
    """Let the writers get some steps in before the next rotation, however slow the machine."""
    deadline = time.monotonic() + seconds
    while len(acked) < at_least and time.monotonic() < deadline:
        time.sleep(0.02)


def _share_revoke_reset(owner, answers, acked):
    for round_ in range(ROUNDS):
        _wait_for_writes(acked, len(acked) + WRITES_PER_ROUND)
        answers.append(owner.api("POST", "/auth/reauth", {"passphrase": owner.passphrase}))
        answers.append(owner.api("POST", "/sharing/grants", {"username": "stone", "area": "ladder"}))
        answers.append(owner.api("POST", "/sharing/grants/revoke",
                                 {"username": "stone", "area": "ladder"}))
        if round_ % RESET_EVERY == RESET_EVERY - 1:
            answers.append(owner.api("POST", "/account/emergency-reset",
                                     {"passphrase": owner.passphrase}))


def test_every_acknowledged_step_opens_after_rotations_and_resets_during_writes(cove_server):
    owner = cove_server.sign_up("river")
    cove_server.sign_up("stone")
    ladder = owner.api("POST", "/ladder/ladders", {"title": "Closer"})
    assert ladder.status_code == 201, ladder.text
    ladder_id = ladder.json()["id"]
    stop = threading.Event()
    acked: list[tuple[str, str]] = []
    refused: list[tuple[int, str]] = []
    stopped: list[str] = []
    writers = [threading.Thread(target=_write_steps,
                                args=(cove_server, owner, ladder_id, stop, acked, refused,
                                      stopped))
               for _ in range(2)]
    for thread in writers:
        thread.start()
    answers: list = []
    try:
        _share_revoke_reset(owner, answers, acked)
        _wait_for_writes(acked, len(acked) + WRITES_PER_ROUND)
    finally:
        stop.set()
        for thread in writers:
            thread.join()

    assert [a.status_code for a in answers if a.status_code >= 300] == [], [
        (a.status_code, a.text[:200]) for a in answers if a.status_code >= 300]
    assert [code for code, _ in refused if code >= 500] == [], refused
    assert stopped == []  # e.g. signing in again right after a reset was refused
    assert len(acked) > 20, "the writers must have written during the rotations"
    reader = cove_server.another_session(owner)
    readable = 0
    for step_id, title in acked:
        answer = reader.api("GET", f"/ladder/steps/{step_id}")
        if answer.status_code == 200 and answer.json()["title"] == title:
            readable += 1
    print(f"\n[{cove_server.engine}] acknowledged steps: {len(acked)}, readable: {readable}, "
          f"refused while keys changed: {len(refused)}")
    assert readable == len(acked)
    assert reader.get(f"/ladder/{ladder_id}/").status_code == 200
    assert reader.api("POST", "/sharing/grants/revoke",
                      {"username": "stone", "area": "ladder"}).status_code == 204
    assert reader.api("POST", "/auth/reauth", {"passphrase": owner.passphrase}).status_code == 204
    assert reader.api("GET", "/export").status_code == 200
    assert reader.api("POST", "/account/emergency-reset",
                      {"passphrase": owner.passphrase}).status_code == 200
