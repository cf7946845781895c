"""Server time of partner sharing with a large inventory (not part of the suite).

Run:  uv run pytest cove/partners/benchmarks/bench_sharing.py -q -s -p no:xdist
The file name does not match test_*.py, so the normal `uv run pytest` never collects it.

The owner has 500 answered boundaries and 5,000 changes. Measured through Django's test
client (middleware, sessions, vault, templates; no network), wall and CPU p50/p95 in ms:
- one boundary change (htmx POST) before the owner shows anyone their boundaries, and
  after (each save then re-publishes the boundaries snapshot: the cost of keeping it true);
- the owner opening /partners/ (re-publish check of every shared part, nothing changed);
- the partner reading what the owner shows them (boundaries with history, pause plan).
"""

from __future__ import annotations

import pytest

from cove.boundaries.benchmarks.bench_inventory import _time, real_templates  # noqa: F401
from cove.boundaries.models import BoundaryItem
from cove.boundaries.testing import seed_many
from cove.partners.tests.helpers import link, write_plan

RUNS = 60


def _row(label: str, values: tuple[float, float, float, float]) -> None:
    print(f"{label:52}", " ".join(f"{v:8.1f}" for v in values))


@pytest.mark.django_db
def test_partner_sharing_server_time(survivor, other_survivor, real_templates):  # noqa: F811
    owner, partner = survivor, other_survivor
    seed_many(owner.vault(), items=500, changes=5000)
    write_plan(owner)
    active = link(owner, partner)
    record = BoundaryItem.objects.filter(owner=owner.user).order_by("created_at")[300]
    states = iter(["yes", "maybe"] * 4 * RUNS)

    def change() -> None:
        response = owner.post(f"/boundaries/items/{record.pk}/", {"state": next(states)},
                              htmx=True)
        assert response.status_code == 200

    print(f"\n{'what':52} {'wall p50':>8} {'wall p95':>8} {'cpu p50':>8} {'cpu p95':>8}")
    _row("POST one boundary change, boundaries not shown", _time(change, RUNS))
    response = owner.api("put", f"/partners/links/{active.pk}/sharing",
                         {"parts": ["boundaries", "pause"], "history": True})
    assert response.status_code == 200
    _row("POST one boundary change, boundaries shown", _time(change, RUNS))

    def owner_page() -> None:
        assert owner.client.get("/partners/").status_code == 200

    def partner_reads() -> None:
        url = f"/partners/links/{active.pk}/shared-with-me/"
        assert partner.client.get(url).status_code == 200

    _row("GET /partners/ (owner, 2 parts shown)", _time(owner_page, RUNS))
    _row("GET shared-with-me (partner: 500 boundaries + pause)", _time(partner_reads, RUNS))
