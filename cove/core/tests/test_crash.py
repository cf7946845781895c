"""kill -9 of the whole server during many parallel writes loses no acknowledged write."""

from __future__ import annotations

import pytest

from cove.core.tests.traffic import Writers

pytestmark = [pytest.mark.server, pytest.mark.django_db(transaction=True)]


def test_kill_9_during_parallel_writes_loses_no_acknowledged_write(cove_server):
    writers = Writers([cove_server.sign_up(f"crash{i}") for i in range(8)])
    writers.start()
    try:
        writers.wait_for(120)
        cove_server.kill()  # SIGKILL to the master and every worker mid-traffic
        killed_at = writers.count
    finally:
        writers.stop()
    cove_server.start()

    # Reading every page opens (decrypts) every stored entry; one that cannot be opened fails.
    lost = writers.lost(cove_server.another_session)
    print(f"\nkill -9 on {cove_server.engine}: {writers.count} writes acknowledged "
          f"({killed_at} before the kill), {writers.unacknowledged} not acknowledged, {lost} lost")
    assert lost == 0
    assert cove_server.visitor().get("/readyz").status_code == 200
