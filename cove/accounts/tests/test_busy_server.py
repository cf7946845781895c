"""Against a real server: a page answers while sign-ins wait for Argon2id.

One worker with 4 threads takes on 2 sign-ins at once (COVE_SIGNINS_AT_ONCE) at the
standard Argon2id cost; more are turned away at once, so a thread stays free for pages.
"""

from __future__ import annotations

import threading

import pytest

from cove.testing_server import CoveServer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.server]


@pytest.fixture
def small_server():
    server = CoveServer(workers=1, threads=4, env={
        "COVE_SIGNINS_AT_ONCE": "2", "COVE_KDF_PROFILE": "standard"})
    try:
        server.start()
        yield server
    finally:
        server.close()


def test_home_answers_while_a_burst_of_sign_ins_waits_for_argon2(small_server):
    reader = small_server.sign_up("willow")
    small_server.sign_up("river").close()
    events: list[str] = []
    lock = threading.Lock()
    first_busy = threading.Event()
    barrier = threading.Barrier(6)

    def sign_in() -> None:
        visitor = small_server.visitor()
        visitor.csrf()
        barrier.wait()
        response = visitor.sign_in("river")
        with lock:
            events.append(f"sign-in {response.status_code} {response.headers.get('Retry-After')}")
        if response.status_code == 503:
            first_busy.set()
        visitor.close()

    threads = [threading.Thread(target=sign_in) for _ in range(6)]
    for thread in threads:
        thread.start()
    assert first_busy.wait(timeout=120), "no sign-in was turned away"
    home = reader.get("/")  # the burst is full now: two sign-ins are in Argon2id
    with lock:
        events.append(f"home {home.status_code}")
    for thread in threads:
        thread.join()
    assert "home 200" in events
    assert "sign-in 200 None" in events
    # Home answered before either admitted sign-in finished its Argon2id run.
    assert events.index("home 200") < events.index("sign-in 200 None"), events
    assert all(e == "sign-in 200 None" or (e.startswith("sign-in 503 ") and int(e.split()[2]) >= 1)
               for e in events if e.startswith("sign-in")), events
