"""Someone else's id against nobody's id: `uv run python -m cove.vault.benchmark_denied`.

Starts a real server (`cove serve`, SQLite, or PostgreSQL when DATABASE_URL is set), makes
two people, and asks as the first for the second's ladder step and for an id that exists
for nobody, interleaved, 200 times each. Both must answer 404 in the same time within
noise (issue 11, finding 13): the refused request's audit entry is written after the
answer is sent (cove.audit.deferred). Run on demand; the numbers go in docs/security.md.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid

ROUNDS = int(os.environ.get("COVE_BENCH_ROUNDS", "200"))


def _setup() -> None:
    os.environ.setdefault("COVE_DATA_DIR", tempfile.mkdtemp(prefix="cove-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "cove.settings"
    os.environ.setdefault("COVE_TESTING", "1")
    os.environ.setdefault("COVE_KDF_PROFILE", "test")
    import django

    django.setup()


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    return (f"median {statistics.median(ordered):6.2f} ms   p90 "
            f"{ordered[int(len(ordered) * 0.9)]:6.2f} ms")


def main() -> int:
    _setup()
    from cove.testing_server import CoveServer

    server = CoveServer(workers=1, threads=2)
    try:
        server.start()
        asker = server.sign_up("timing-asker")
        owner = server.sign_up("timing-owner")
        ladder = owner.api("POST", "/ladder/ladders", {"title": "Closer"}).json()["id"]
        step = owner.api("POST", f"/ladder/ladders/{ladder}/steps", {"title": "Hold hands"})
        someone_elses = step.json()["id"]
        timings: dict[str, list[float]] = {"someone else's id": [], "nobody's id": []}
        for _ in range(20):  # warm up both paths
            asker.api("GET", f"/ladder/steps/{someone_elses}")
            asker.api("GET", f"/ladder/steps/{uuid.uuid4()}")
        for _ in range(ROUNDS):
            for label, target in (("someone else's id", someone_elses),
                                  ("nobody's id", str(uuid.uuid4()))):
                start = time.perf_counter()
                answer = asker.api("GET", f"/ladder/steps/{target}")
                timings[label].append((time.perf_counter() - start) * 1000)
                if answer.status_code != 404:
                    print(f"unexpected answer {answer.status_code} for {label}", file=sys.stderr)
                    return 1
        print(f"engine: {server.engine}, {ROUNDS} requests each, interleaved")
        for label, samples in timings.items():
            print(f"{label:>18}: {_ms(samples)}")
        gap = statistics.median(timings["someone else's id"]) - statistics.median(
            timings["nobody's id"])
        print(f"difference of medians: {gap:+.2f} ms; load average {os.getloadavg()[0]:.1f}")
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
