"""What one passphrase guess costs: `uv run python -m cove.vault.benchmark_kdf`.

Times the one Argon2id run that both the login verifier and the key wrap come from, next to
the separate verifier Cove used before (19 MiB, t=2), on this machine. Run on demand; the
numbers go in docs/security.md with the machine and its load.
"""

from __future__ import annotations

import os
import statistics
import time

from argon2.low_level import Type, hash_secret_raw

from cove.vault.crypto import STANDARD_KDF, derive_passphrase_key

RUNS = 7


def _median(run: object) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    salt = os.urandom(16)
    now = _median(lambda: derive_passphrase_key("a guess at the passphrase", salt, STANDARD_KDF))
    before = _median(lambda: hash_secret_raw(b"a guess at the passphrase", salt, time_cost=2,
                                             memory_cost=19 * 1024, parallelism=1, hash_len=32,
                                             type=Type.ID))
    print(f"one guess now (verifier = wrap, Argon2id 64 MiB, t=3): {now * 1000:.0f} ms")
    print(f"one guess at the old verifier (Argon2id 19 MiB, t=2):  {before * 1000:.0f} ms")
    print(f"ratio: {now / before:.1f}x in time, {64 / 19 * 3 / 2:.1f}x in memory x passes")
    print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
