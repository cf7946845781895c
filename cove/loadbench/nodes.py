"""Two `cove serve` nodes behind a real nginx, on one PostgreSQL, under a mix of pages.

    DATABASE_URL=postgres://… COVE_KEYSTORE_URL=postgres://… make load-nodes

The setup is the multi-node test's (cove/core/tests/test_multinode.py): each node with its
own data directory, one database and one keystore in PostgreSQL (new, dropped at the
end), one secret key, nginx from Debian's packages (`scripts/ensure-proxy.sh`) started
with `cove.testing_server.ReverseProxy`. Several people get a week of history each
(cove.loadbench.seed); wrk then sends a mix of their signed-in pages through nginx
(MIX: what a person opens most) at rising connections. For each level it reports req/s,
p50/p95/p99, and the CPU time each node's processes used per request: the number that
carries over to another machine, where wall-clock times on a shared one do not.

Options (environment): COVE_LOAD_SECONDS (default 10), COVE_LOAD_CONNECTIONS (default
"1,4,16,64"), COVE_LOAD_PEOPLE (default 4), COVE_LOAD_DAYS of history each (default 7;
730 for two years, slower to write), COVE_LOAD_WORKERS / COVE_LOAD_THREADS per
node (default: half of `cove serve`'s workers for this machine each, with its threads:
both nodes share this machine).
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

MIX_SCRIPT = Path(__file__).with_name("mix.lua")
# (weight, page): a person's visit, as we expect it: home and the journal most, the ladder
# and progress now and then, the boundaries, a questionnaire and help sometimes.
MIX = [(30, "home"), (20, "journal"), (15, "ladder"), (10, "progress"), (10, "boundaries"),
       (5, "questionnaire"), (10, "help")]
# The usage model for sizing (docs/operations.md, "Sizing"): while active, a person opens
# a page every 15 s; at the busiest hour a tenth of the people are active at once; a node
# is full at 70 % of its CPUs.
VIEWS_PER_MINUTE = 4
VISIT_MINUTES = 10  # one sign-in per visit
ACTIVE_SHARE = 0.10
CPU_TARGET = 0.70


def _paths(ids: dict[str, str]) -> dict[str, str]:
    return {"home": "/", "journal": "/journal/", "ladder": f"/ladder/{ids['ladder']}/",
            "progress": "/progress/", "boundaries": "/boundaries/",
            "questionnaire": f"/questionnaires/{ids['questionnaire']}/", "help": "/help/"}


def main() -> int:
    from cove.loadbench.run import _setup

    _setup()
    if shutil.which("wrk") is None:
        print("wrk is missing: scripts/ensure-wrk.sh installs it.", file=sys.stderr)
        return 1
    from django.db import connection

    from cove.core.serving import THREADS, machine_defaults
    from cove.loadbench.run import PASSED_ON
    from cove.testing_server import (
        CoveServer,
        ReverseProxy,
        drop_database,
        new_database,
        nginx_binary,
    )

    if connection.vendor != "postgresql":
        print("Two nodes need PostgreSQL: set DATABASE_URL (and COVE_KEYSTORE_URL) to a "
              "PostgreSQL server (docs/performance.md).", file=sys.stderr)
        return 1
    if nginx_binary() is None:
        print("nginx is missing: scripts/ensure-proxy.sh installs it (make load-nodes runs "
              "it).", file=sys.stderr)
        return 1
    workers = int(os.environ.get("COVE_LOAD_WORKERS", max(1, machine_defaults()[0] // 2)))
    threads = int(os.environ.get("COVE_LOAD_THREADS", str(THREADS)))
    database, keys = new_database("load"), new_database("loadkeys")
    shared = {"COVE_SECRET_KEY": secrets.token_urlsafe(64),
              "COVE_INTEGRITY_KEY": secrets.token_urlsafe(64),
              "COVE_TRUSTED_PROXIES": "127.0.0.1", "COVE_LOAD_FLOORS": "1",
              "COVE_TESTING": "0", "COVE_KDF_PROFILE": "standard",
              **{name: os.environ[name] for name in PASSED_ON if name in os.environ}}
    nodes = [CoveServer(workers=workers, threads=threads, env=shared, database_url=database,
                        keystore_url=keys) for _ in range(2)]
    proxy = ReverseProxy(nodes)
    try:
        for node in nodes:
            node.start(timeout=300)
        proxy.start()
        print(f"# Cove on two nodes behind nginx: postgresql, each node {workers} worker(s) x "
              f"{threads} threads, all on this machine ({os.cpu_count()} CPUs), "
              f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", flush=True)
        return _run(nodes, proxy)
    finally:
        proxy.close()
        for node in nodes:
            node.close()
        drop_database(database)
        drop_database(keys)


def _run(nodes: list[Any], proxy: Any) -> int:
    from cove.loadbench.run import (
        REPORT,
        _check,
        _cookie_header,
        _seed,
        server_cpu_seconds,
        settle,
        wrk,
    )
    from cove.loadbench.seed import PASSPHRASE

    seconds = float(os.environ.get("COVE_LOAD_SECONDS", "10"))
    levels = [int(c) for c in os.environ.get("COVE_LOAD_CONNECTIONS", "1,4,16,64").split(",")]
    people = int(os.environ.get("COVE_LOAD_PEOPLE", "4"))
    days = int(os.environ.get("COVE_LOAD_DAYS", "7"))
    started = time.perf_counter()
    names = [f"load-node-{n}" for n in range(people)]
    visitors = [proxy.sign_up(name, PASSPHRASE) for name in names]
    ids: dict[str, dict[str, str]] = {}

    def seed(name: str) -> None:
        ids[name] = _seed(nodes[0], name, days)

    seeders = [threading.Thread(target=seed, args=(name,)) for name in names]
    for seeder in seeders:
        seeder.start()
    for seeder in seeders:
        seeder.join()
    print(f"{people} people with {days} days of history each, written in "
          f"{time.perf_counter() - started:.0f} s.\n", flush=True)

    lines = []
    for name, visitor in zip(names, visitors, strict=True):
        paths = _paths(ids[name])
        for weight, page in MIX:
            _check(visitor, paths[page])
            lines.append(f"{weight}\t{paths[page]}\t{_cookie_header(visitor)}")
    with tempfile.NamedTemporaryFile("w", suffix=".mix", delete=False) as mix:
        mix.write("\n".join(lines) + "\n")
    os.environ["COVE_MIX"] = mix.name
    os.environ["COVE_REPORT_LUA"] = str(REPORT)
    print("Mix: " + ", ".join(f"{page} {weight} %" for weight, page in MIX) + "\n")
    print("| conn | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/req node A | node B "
          "| both nodes |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    wrk(proxy.url + "/", 2, 2, script=MIX_SCRIPT)  # warm up
    costs = []
    for connections in levels:
        before = [server_cpu_seconds(node.process.pid) for node in nodes]
        raw = wrk(proxy.url + "/", connections, seconds, script=MIX_SCRIPT)
        used = [server_cpu_seconds(node.process.pid) - b for node, b in zip(nodes, before,
                                                                            strict=True)]
        count = max(raw["requests"], 1)
        rps = raw["requests"] / (raw["duration_us"] / 1e6)
        # nginx sends every other request to each node: half the requests each.
        per_node = [1000 * u / (count / 2) for u in used]
        both = 1000 * sum(used) / count
        costs.append(both)
        for node in nodes:
            settle(node)
        print(f"| {connections} | {rps:.1f} | {raw['p50'] / 1000:.1f} | "
              f"{raw['p95'] / 1000:.1f} | {raw['p99'] / 1000:.1f} | {raw['errors']} | "
              f"{per_node[0]:.1f} | {per_node[1]:.1f} | {both:.1f} |", flush=True)
    for visitor, name in zip(visitors, names, strict=True):
        _check(visitor, _paths(ids[name])["home"])  # still signed in: the numbers were pages
    Path(mix.name).unlink()
    _sizing(max(costs), _sign_in_cpu_ms(nodes, proxy, names, PASSPHRASE))
    print(f"\nDone in {time.perf_counter() - started:.0f} s.")
    return 0


def _sign_in_cpu_ms(nodes: list[Any], proxy: Any, names: list[str], passphrase: str) -> float:
    """The nodes' CPU time for one sign-in through the proxy (standard Argon2id), one at a time."""
    from cove.loadbench.run import server_cpu_seconds

    before = sum(server_cpu_seconds(node.process.pid) for node in nodes)
    count = 0
    for _round in range(3):
        for name in names:
            visitor = proxy.visitor()
            if visitor.sign_in(name, passphrase).status_code != 200:
                raise RuntimeError("a sign-in failed: the benchmark would be wrong")
            visitor.close()
            count += 1
    used = sum(server_cpu_seconds(node.process.pid) for node in nodes) - before
    print(f"\nOne sign-in (standard Argon2id, {count} one after another): "
          f"{1000 * used / count:.0f} CPU ms.")
    return 1000 * used / count


def _sizing(page_ms: float, sign_in_ms: float) -> None:
    """Users per node from the measured CPU time per page view and the usage model."""
    views_per_visit = VIEWS_PER_MINUTE * VISIT_MINUTES
    cpu_ms = page_ms + sign_in_ms / views_per_visit
    print(f"\n## Sizing: {page_ms:.1f} CPU ms per page view (the highest of the levels) + "
          f"{sign_in_ms:.0f} ms per sign-in / {views_per_visit} views per visit = "
          f"{cpu_ms:.1f} ms\n")
    print(f"Usage model: an active person opens {VIEWS_PER_MINUTE} pages a minute in a visit "
          f"of {VISIT_MINUTES} minutes that starts with a sign-in; {ACTIVE_SHARE:.0%} of the "
          f"people are active at the busiest hour; a node is full at {CPU_TARGET:.0%} of its "
          "CPUs. PostgreSQL's own CPU (on another machine in production) not included.\n")
    print("| CPUs per node | page views/s | active people | people per node |")
    print("|---:|---:|---:|---:|")
    for cpus in (2, 4, 8):
        views = cpus * CPU_TARGET * 1000 / cpu_ms
        active = views * 60 / VIEWS_PER_MINUTE
        print(f"| {cpus} | {views:.0f} | {active:.0f} | {active / ACTIVE_SHARE:.0f} |")
