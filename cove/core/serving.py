"""How many gunicorn workers and threads `cove serve` starts, from the machine it runs on.

Many small processes with two threads each, not a few with many threads: Python runs one
thread of a process at a time, and with 8 threads per worker on 2 CPUs the signed-in floor
served fewer requests at 10 connections than at 1 (403 against 547 a second); 6 workers x
2 threads served 1,027 (docs/performance.md, "Workers and threads").

Each sign-in runs Argon2id, which needs ARGON2_MIB of memory and one CPU for as long as it
runs. A worker runs at most `argon2_slots()` of them at once (cove.vault.kdf), one per CPU
the worker may count on and within the memory budget, and lets only a few more sign-ins
wait for a slot (three quarters of its threads, in all, at least one); the rest stay free
for pages. Memory is budgeted for the slots, not the threads: workers x (BASE_MIB + slots x
ARGON2_MIB) must fit in half the memory. docs/operations.md ("Sizing") explains how to choose other numbers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BASE_MIB = 150  # one worker after some traffic: 140-176 MiB RSS measured (docs/operations.md)
ARGON2_MIB = 64  # cove.vault.crypto.STANDARD_KDF memory cost
THREADS = 2  # one may run a sign-in (cove.vault.kdf); the other stays free for pages


@dataclass(frozen=True)
class Shape:
    """How the running server was started: workers and threads per worker."""

    workers: int
    threads: int


_running: Shape | None = None


def started_as(workers: int, threads: int) -> None:
    """`cove serve` says how it started, before gunicorn forks its workers (they inherit it)."""
    global _running  # one value per process, set once before the fork
    _running = Shape(workers, threads)


def running() -> Shape | None:
    """How `cove serve` started this process, or None (tests, `cove manage`, runserver)."""
    return _running


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


def argon2_slots(budget_mib: int, workers: int = 1, cpus: int | None = None,
                 per_run_mib: int = ARGON2_MIB) -> int:
    """Argon2id runs one worker may do at once: its share of the CPUs, within its memory
    budget (`COVE_ARGON2_MEMORY_MIB`), and at least one."""
    cpus = cpu_count() if cpus is None else cpus
    return max(1, min(budget_mib // per_run_mib, cpus // max(1, workers)))


def machine_defaults(cpus: int | None = None, mem_mib: int | None = None) -> tuple[int, int]:
    """(workers, threads): two workers per CPU and two more, fewer if memory is short."""
    cpus = cpu_count() if cpus is None else cpus
    mem_mib = memory_mib() if mem_mib is None else mem_mib
    workers = 2 * cpus + 2
    per_worker = BASE_MIB + argon2_slots(4 * ARGON2_MIB, workers, cpus) * ARGON2_MIB
    by_memory = (mem_mib // 2) // per_worker
    return max(1, min(workers, by_memory)), THREADS
