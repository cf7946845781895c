"""Server time of a clinician's caseload as it grows (not part of the suite).

Run:  uv run pytest cove/clinic/benchmarks/bench_caseload.py -q -s -p no:xdist
The file name does not match test_*.py, so the normal `uv run pytest` never collects it.

Each client shares questionnaires, ladder and shareable journal entries, allows both
flags, and has answered the PHQ-9 twelve times. Measured through Django's test client
(middleware, sessions, vault, templates; no network), wall and CPU p50/p95 in ms of
GET /clinic/ with 5 and then 30 clients. Every view reads each flagged client's
questionnaires, so it also writes one access receipt per client.
"""

from __future__ import annotations

import pytest

from cove.boundaries.benchmarks.bench_inventory import _time, real_templates  # noqa: F401
from cove.clinic.tests.conftest import link_with, make_clinician
from cove.conftest import sign_up_person
from cove.measures import instruments
from cove.measures import services as measures
from cove.vault import areas

RUNS = 20
SHARED = [areas.MEASURES, areas.LADDER, areas.JOURNAL_SHARED]


@pytest.mark.django_db
def test_caseload_server_time(real_templates):  # noqa: F811
    clinician = make_clinician()
    phq9 = instruments.get("phq9")
    assert phq9 is not None
    clients = 0

    def caseload() -> None:
        assert clinician.client.get("/clinic/").status_code == 200

    print(f"\n{'GET /clinic/':40} {'wall p50':>8} {'wall p95':>8} {'cpu p50':>8} {'cpu p95':>8}")
    for size in (5, 30):
        while clients < size:
            client = sign_up_person(f"client{clients}")
            link_with(clinician, client, SHARED, flags=["phq9_item9", "reliable_rise"])
            vault = client.vault()
            for answer in range(12):
                measures.record_response(vault, phq9, [answer % 4] * 9)
            clients += 1
        values = _time(caseload, RUNS)
        print(f"{f'{size} clients':40}", " ".join(f"{v:8.1f}" for v in values))
