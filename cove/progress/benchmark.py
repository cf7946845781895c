"""Server time of the journal and progress pages for a person with a long history.

Run:  uv run python -m cove.progress.benchmark
      (add DATABASE_URL=postgres://... to measure on PostgreSQL)

Not part of the test suite: numbers are measured and printed, never asserted. It uses a
fresh data directory and production settings (standard Argon2id for the one sign-up),
makes one person with 2,000 journal entries over two years and 730 daily check-ins, and
requests each page through Django's test client (the whole middleware stack, session,
vault unlock, queries, decryption and templates; no network): 5 warm-up requests, then
COVE_BENCH_ROUNDS (default 50) timed ones. Target: p95 at most 50 ms for ordinary pages.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

ROUNDS = int(os.environ.get("COVE_BENCH_ROUNDS", "50"))
PASSPHRASE = "benchmarks run on quiet afternoons"  # a throwaway account
PATHS = (
    "/journal/",
    "/journal/?page=50",
    "POST /journal/search/ q=window",
    "/journal/patterns/?show=1",
    "/progress/",
    "/progress/?range=quarter",
    "/progress/?range=year",
    "/progress/today/",
    "/progress/reminders/",
    "/api/v1/journal/entries?page=3",
    "/api/v1/progress/summary?range=year",
)


def _setup() -> None:
    os.environ["COVE_DATA_DIR"] = tempfile.mkdtemp(prefix="cove-bench-journal-")
    os.environ.setdefault("COVE_ALLOWED_HOSTS", "testserver,127.0.0.1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cove.settings"
    os.environ.setdefault("COVE_TESTING", "1")  # static files from finders, no collectstatic
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _timed(call: Callable[[], Any]) -> list[float]:
    for _ in range(5):
        call()
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = call()
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return samples


def _p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.95) - 1)]


def main() -> int:
    _setup()
    from django.db import connection
    from django.test import Client

    from cove.accounts.models import User
    from cove.journal.bulk import fill_journal
    from cove.progress.bulk import fill_checkins
    from cove.vault.keyring import Vault
    from cove.vault.services import unlock_with_passphrase

    client = Client()
    response = client.post("/account/signup/", {"username": "bench-river",
                                                 "passphrase": PASSPHRASE,
                                                 "passphrase_again": PASSPHRASE})
    assert response.status_code == 200, response.status_code
    user = User.objects.get(username="bench-river")
    unlocked = unlock_with_passphrase(user, PASSPHRASE)
    assert unlocked is not None
    data_key = unlocked.data_key
    assert data_key is not None
    vault = Vault(user, data_key)
    start = time.perf_counter()
    fill_journal(vault, 2000)
    fill_checkins(vault, 730)
    filled = time.perf_counter() - start

    rows = []
    for path in PATHS:

        def fetch(path: str = path) -> Any:
            if path.startswith("POST "):  # search is posted, so its words stay out of addresses
                _, url, field = path.split(" ")
                name, value = field.split("=")
                return client.post(url, {name: value})
            return client.get(path)

        samples = _timed(fetch)
        rows.append((path, statistics.median(samples), _p95(samples)))

    width = max(len(path) for path, *_ in rows)
    print(f"Journal and progress: 2,000 entries, 730 check-ins ({connection.vendor}, "
          f"{ROUNDS} rounds, {sys.platform}; history written in {filled:.1f} s)")
    print(f"  {'page':<{width}}  median ms   p95 ms")
    for path, median, p95 in rows:
        print(f"  {path:<{width}}  {median:9.1f}  {p95:7.1f}")
    print("Query counts are asserted in cove/journal/tests/test_scale.py and "
          "cove/progress/tests/test_scale.py.")
    print("Target: p95 at most 50 ms for ordinary pages.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
