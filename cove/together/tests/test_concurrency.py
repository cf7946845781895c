"""Both partners at once, against a real running server (gunicorn workers, real database)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def linked(cove_server):
    river, sol = cove_server.sign_up("river"), cove_server.sign_up("sol")
    code = river.api("POST", "/partners/invitations").json()["code"]
    link_id = sol.api("POST", "/partners/redeem", {"code": code}).json()["id"]
    for person in (river, sol):
        assert person.api("POST", f"/partners/links/{link_id}/confirm").status_code == 200
    return river, sol, link_id


def test_parallel_suggestions_and_pauses_from_both_partners(cove_server):
    river, sol, link_id = linked(cove_server)
    sessions = [river, sol, cove_server.another_session(river), cove_server.another_session(sol)]
    base = f"/together/{link_id}/"

    def suggest(n):
        person = sessions[n % len(sessions)]
        return person.api("POST", base + "agreement/suggestions",
                          {"stop_words": [f"word {n}"], "session_minutes": 10 + n}).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(suggest, range(8)))
    assert set(statuses) <= {200, 422}  # 422 only for "nothing changed"
    history = river.api("GET", base + "agreement/history").json()
    assert len(history) >= statuses.count(200)
    terms = sol.api("GET", base + "agreement").json()["terms"]
    assert terms["stop_words"]  # one agreement, readable by both

    ladder = river.api("POST", "/ladder/ladders", {"title": "Close"}).json()
    step = river.api("POST", f"/ladder/ladders/{ladder['id']}/steps", {"title": "Sit close"})
    practice = river.api("POST", base + "practice", {"step_id": step.json()["id"]}).json()

    def pause(n):
        return sessions[n % len(sessions)].api(
            "POST", base + f"practice/{practice['id']}/pause").status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert set(pool.map(pause, range(8))) == {200}
    assert river.api("GET", base + f"practice/{practice['id']}").json()["state"] == "paused"
