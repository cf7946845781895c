"""Server time for boundaries pages with 500 items and 5,000 changes (not part of the suite).

Run:  uv run pytest cove/boundaries/benchmarks/bench_inventory.py -q -s
The file name does not match test_*.py, so the normal `uv run pytest` never collects it.
Each page is requested through Django's test client (the whole middleware stack, sessions,
vault unlock and templates; no network), 100 times after 5 warm-up requests. The test
runner's template instrumentation is switched off so templates render at production speed.
"""

from __future__ import annotations

import statistics
import time

import pytest

from cove.boundaries.models import BoundaryItem
from cove.boundaries.testing import seed_many

PATHS = (
    "/boundaries/",
    "/boundaries/s/touch/",
    "/boundaries/s/more/",
    "/boundaries/changes/",
    "/boundaries/changes/?page=150",
    "/boundaries/review/?n=250",
    "/boundaries/summary/?c=touch&c=words&c=after",
)
RUNS = 100


def _time(call, runs: int = RUNS) -> tuple[float, float, float, float]:
    """Wall-clock p50/p95 and CPU-time p50/p95 in ms (CPU time is steadier on a busy host)."""
    for _ in range(5):
        call()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    wall.sort()
    cpu.sort()
    p95 = int(runs * 0.95) - 1
    return statistics.median(wall), wall[p95], statistics.median(cpu), cpu[p95]


@pytest.fixture
def real_templates(monkeypatch):
    """Undo the test runner's template instrumentation, which copies every context."""
    from django.template import Template
    from django.test.utils import _TestState

    saved = getattr(_TestState, "saved_data", None)
    if saved is not None:
        monkeypatch.setattr(Template, "_render", saved.template_render)


@pytest.mark.django_db
def test_boundaries_pages_server_time(survivor, real_templates):
    seed_many(survivor.vault(), items=500, changes=5000)
    client = survivor.client
    print(f"\n{'page':48} {'wall p50':>8} {'wall p95':>8} {'cpu p50':>8} {'cpu p95':>8}")
    for path in PATHS:
        def get(path: str = path) -> None:
            assert client.get(path).status_code == 200

        print(f"GET {path:44}", " ".join(f"{v:8.1f}" for v in _time(get)))

    record = BoundaryItem.objects.filter(owner=survivor.user).order_by("created_at")[300]
    states = iter(["yes", "maybe"] * RUNS)

    def change() -> None:
        response = survivor.post(f"/boundaries/items/{record.pk}/", {"state": next(states)},
                                 htmx=True)
        assert response.status_code == 200

    print(f"{'POST one item change (htmx)':48}",
          " ".join(f"{v:8.1f}" for v in _time(change, RUNS - 10)))
