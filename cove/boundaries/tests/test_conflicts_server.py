"""Against a running server: two sessions editing the same record at once never both win.

Both sessions base their change on the same version; the row lock makes them queue, and
the second sees that the first moved the record on (409), so neither change is lost
silently. Runs on SQLite and PostgreSQL (the server uses the suite's engine).
"""

from __future__ import annotations

import threading

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def at_once(*calls):
    """Run each call in its own thread, released together; return their answers in order."""
    barrier = threading.Barrier(len(calls))
    answers: list = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        answers[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_two_sessions_changing_one_situation_at_once_get_one_save_and_one_409(cove_server):
    first = cove_server.sign_up("river")
    second = cove_server.another_session(first)
    made = first.api("POST", "/boundaries/situations", {"title": "Lifts", "zone": "avoid"})
    situation = made.json()
    path = f"/boundaries/situations/{situation['id']}"
    sent = [{"title": "Lifts", "zone": "plan", "notes": "from the phone", "version": 1},
            {"title": "Lifts", "zone": "manageable", "notes": "from the laptop", "version": 1}]
    answers = at_once(lambda: first.api("PUT", path, sent[0]),
                      lambda: second.api("PUT", path, sent[1]))
    codes = sorted(a.status_code for a in answers)
    assert codes == [200, 409], [(a.status_code, a.text) for a in answers]
    won = [a.status_code for a in answers].index(200)
    refused = answers[1 - won].json()
    assert refused["current"]["notes"] == sent[won]["notes"]
    assert refused["yours"]["notes"] == sent[1 - won]["notes"]
    stored = first.api("GET", "/boundaries/situations").json()
    assert [(s["notes"], s["version"]) for s in stored] == [(sent[won]["notes"], 2)]


def test_two_plan_saves_based_on_one_version_keep_one_and_refuse_the_other(cove_server):
    first = cove_server.sign_up("river")
    second = cove_server.another_session(first)
    assert first.api("PUT", "/plan/plan", {"stop_word": "Amber"}).json()["version"] == 1
    answers = at_once(
        lambda: first.api("PUT", "/plan/plan", {"stop_word": "Blue", "version": 1}),
        lambda: second.api("PUT", "/plan/plan", {"stop_word": "Green", "version": 1}))
    assert sorted(a.status_code for a in answers) == [200, 409], [a.text for a in answers]
    assert first.api("GET", "/plan/plan").json()["version"] == 2
