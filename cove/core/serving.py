"""How many gunicorn workers and threads `cove serve` starts, from the machine it runs on.

Each sign-in runs Argon2id, which needs ARGON2_MIB of memory for as long as it runs (the
key wrap; the login verifier's smaller run happens before it in the same request, so the
peak is the larger one). A worker can run one sign-in per thread at once unless the
accounts app limits concurrent Argon2 runs per process, so memory is budgeted for every
thread: workers x (BASE_MIB + threads x ARGON2_MIB) must fit in half the memory.
docs/operations.md ("Sizing") explains how to choose other numbers.
"""

from __future__ import annotations

import os
from pathlib import Path

BASE_MIB = 150  # one worker after some traffic: 140-176 MiB RSS measured (docs/operations.md)
ARGON2_MIB = 64  # cove.vault.crypto.STANDARD_KDF memory cost
THREADS = 4  # enough to overlap database waits; Argon2 itself is bound by the CPUs


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def memory_mib() -> int:
    """The memory this process may use: the machine's, or its cgroup's limit if lower."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    limit = Path("/sys/fs/cgroup/memory.max")
    try:
        raw = limit.read_text().strip()
        if raw.isdigit():
            total = min(total, int(raw) // 2**20)
    except OSError:
        pass
    return int(total)


def machine_defaults(cpus: int | None = None, mem_mib: int | None = None) -> tuple[int, int]:
    """(workers, threads): a worker per CPU (at least 2), fewer if memory is short."""
    cpus = cpu_count() if cpus is None else cpus
    mem_mib = memory_mib() if mem_mib is None else mem_mib
    per_worker = BASE_MIB + THREADS * ARGON2_MIB
    by_memory = (mem_mib // 2) // per_worker
    return max(1, min(max(2, cpus), by_memory)), THREADS
