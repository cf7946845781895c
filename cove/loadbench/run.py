"""Drive a real `cove serve` with wrk and print the results as Markdown tables.

    make load                                    # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cove make load

Options (environment): COVE_LOAD_SECONDS per measurement (default 5), COVE_LOAD_CONNECTIONS
(default "1,10,50"), COVE_LOAD_WORKERS / COVE_LOAD_THREADS (default: `cove serve`'s own
defaults for this machine), COVE_LOAD_PAGES=home,journal (only these pages, besides the
floors, and no sign-in burst: for comparing one change quickly), COVE_LOAD_ONLY=burst (only
the 20 sign-ins at once, with a reader who has no history: a minute instead of many), and
COVE_SIGNINS_AT_ONCE / COVE_ARGON2_MEMORY_MIB passed on to the server. wrk runs on the same
machine as the server, so on a small machine it takes part of the CPU the server could
have had: compare pages within one run (the "% of floor" column), not runs on different
machines.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPORT = Path(__file__).with_name("report.lua")
# Server settings the benchmark passes on when they are set (to compare sizes side by side).
PASSED_ON = ("COVE_SIGNINS_AT_ONCE", "COVE_ARGON2_MEMORY_MIB")
BROWSER_ENCODINGS = "gzip, deflate, br"


@dataclass
class Result:
    page: str
    connections: int
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int
    cpu_ms: float  # server CPU time per request: steady even when other work shares the CPU


def server_cpu_seconds(group: int) -> float:
    """CPU time (user + system) used so far by every process of the server's group."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # the process ended
        fields = text[text.rindex(")") + 2:].split()
        if int(fields[2]) == group:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _setup() -> None:
    os.environ.setdefault("COVE_DATA_DIR", tempfile.mkdtemp(prefix="cove-load-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "cove.settings"
    import django

    django.setup()


def _cookie_header(visitor: Any) -> str:
    return "; ".join(f"{name}={value}" for name, value in visitor.http.cookies.items())


def wrk(url: str, connections: int, seconds: float, cookie: str = "",
        script: Path = REPORT) -> dict[str, Any]:
    command = ["wrk", "-t", str(min(connections, 2)), "-c", str(connections),
               "-d", f"{max(1, round(seconds))}s", "--timeout", "10s", "-s", str(script),
               "-H", f"Accept-Encoding: {BROWSER_ENCODINGS}"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    done = subprocess.run([*command, url], capture_output=True, text=True, check=True)  # noqa: S603
    line = done.stdout.strip().splitlines()[-1]
    return dict(json.loads(line))


def settle(server: Any, quiet: float = 0.01, most: float = 60.0) -> None:
    """Wait until the server has finished the requests wrk left behind when it stopped.

    At 50 connections a slow page leaves up to 50 accepted requests in the server; without
    this, the next measurement would pay for them (seen: a 1-connection run after progress
    at 50 ran at a tenth of its speed)."""
    deadline = time.monotonic() + most
    before = server_cpu_seconds(server.process.pid)
    calm = 0
    while time.monotonic() < deadline and calm < 2:
        time.sleep(0.25)
        now = server_cpu_seconds(server.process.pid)
        calm = calm + 1 if now - before <= quiet else 0
        before = now


def measure(server: Any, page: str, path: str, connections: int, seconds: float,
            cookie: str) -> Result:
    cpu = server_cpu_seconds(server.process.pid)
    raw = wrk(server.url + path, connections, seconds, cookie)
    used = server_cpu_seconds(server.process.pid) - cpu
    settle(server)
    return Result(page, connections, raw["requests"] / (raw["duration_us"] / 1e6),
                  raw["p50"] / 1000, raw["p95"] / 1000, raw["p99"] / 1000, raw["errors"],
                  1000 * used / max(raw["requests"], 1))


def wire_weight(visitor: Any, path: str) -> tuple[int, int, int]:
    """Bytes on the wire for the page and for each CSS and JS file it loads (as a browser)."""
    headers = {"Accept-Encoding": BROWSER_ENCODINGS}
    response = visitor.http.get(path, headers=headers)
    html = response.text
    total = _wire_bytes(response)
    assets = set(re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html))
    for asset in sorted(assets):
        total += _wire_bytes(visitor.http.get(asset, headers=headers))
    return len(response.content), _wire_bytes(response), total


def _wire_bytes(response: Any) -> int:
    length = response.headers.get("content-length")
    if length is not None:
        return int(length)
    body = response.content
    if response.headers.get("content-encoding") == "gzip":
        return len(gzip.compress(body))
    return len(body)


def _seed(server: Any, username: str, days: int) -> dict[str, str]:
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "cove.loadbench", "seed", username, str(days)],
        env=server.environment(), capture_output=True, text=True, check=False, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"seeding {username} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _check(visitor: Any, path: str) -> None:
    status = visitor.get(path).status_code
    if status != 200:
        raise RuntimeError(f"{path} answered {status}, not 200: the benchmark would be wrong")


def sign_in_burst(server: Any, names: list[str], watched: Any, path: str) -> dict[str, float]:
    """Sign `names` in at once while one person keeps loading `path`; how much slower is it?"""

    def timed_get() -> float:
        start = time.perf_counter()
        _check(watched, path)
        return (time.perf_counter() - start) * 1000

    before = [timed_get() for _ in range(30)]
    barrier = threading.Barrier(len(names) + 1)
    sign_in_ms: list[float] = []

    turned_away = [0]

    def sign_in(name: str) -> None:
        visitor = server.visitor()
        visitor.csrf()
        barrier.wait()
        start = time.perf_counter()
        response = visitor.sign_in(name)
        while response.status_code == 503:  # "many people are signing in": as the page's
            turned_away[0] += 1            # retry does, wait Retry-After and send it again
            time.sleep(int(response.headers.get("Retry-After", "1")))
            response = visitor.sign_in(name)
        sign_in_ms.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"sign-in during the burst answered {response.status_code}")
        visitor.close()

    threads = [threading.Thread(target=sign_in, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    barrier.wait()
    during = []
    while any(thread.is_alive() for thread in threads):
        during.append(timed_get())
    for thread in threads:
        thread.join()
    baseline = statistics.median(before)
    return {"baseline_ms": baseline, "baseline_max_ms": max(before),
            "during_p95_ms": statistics.quantiles(during, n=20, method="inclusive")[-1]
            if len(during) > 1
            else during[0], "during_max_ms": max(during),
            "during_p50_ms": statistics.median(during), "delay_ms": max(during) - baseline,
            "requests_during": len(during), "sign_in_max_ms": max(sign_in_ms),
            "sign_in_p50_ms": statistics.median(sign_in_ms), "turned_away": turned_away[0]}


def main(argv: list[str]) -> int:
    if shutil.which("wrk") is None:
        print("wrk is missing: scripts/ensure-wrk.sh installs it (make load runs it).",
              file=sys.stderr)
        return 1
    _setup()
    from cove.core.serving import machine_defaults
    from cove.loadbench.seed import PASSPHRASE
    from cove.testing_server import CoveServer

    seconds = float(os.environ.get("COVE_LOAD_SECONDS", "5"))
    levels = [int(c) for c in os.environ.get("COVE_LOAD_CONNECTIONS", "1,10,50").split(",")]
    workers, threads = machine_defaults()
    workers = int(os.environ.get("COVE_LOAD_WORKERS", workers))
    threads = int(os.environ.get("COVE_LOAD_THREADS", threads))
    server = CoveServer(workers=workers, threads=threads, env={
        "COVE_LOAD_FLOORS": "1", "COVE_TESTING": "0", "COVE_KDF_PROFILE": "standard",
        **{name: os.environ[name] for name in PASSED_ON if name in os.environ}})
    try:
        server.start(timeout=300)
        print(f"# Cove load benchmark: {server.engine}, {workers} workers x {threads} threads, "
              f"{seconds:g} s per measurement, {os.cpu_count()} CPUs, "
              f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", flush=True)
        if os.environ.get("COVE_LOAD_ONLY") == "burst":
            return _burst_only(server, PASSPHRASE)
        return _run(server, seconds, levels, PASSPHRASE)
    finally:
        server.close()


def _run(server: Any, seconds: float, levels: list[int], passphrase: str) -> int:
    started = time.perf_counter()
    years = server.sign_up("load-years", passphrase)
    week = server.sign_up("load-week", passphrase)
    burst = [f"load-burst-{n}" for n in range(20)]
    for name in burst:
        server.sign_up(name, passphrase).close()
    ids = _seed(server, "load-years", 730)
    week_ids = _seed(server, "load-week", 7)
    print(f"History written in {time.perf_counter() - started:.0f} s.\n", flush=True)

    def every_page(ids: dict[str, str]) -> list[tuple[str, str]]:
        return [("home", "/"), ("journal", "/journal/"), ("ladder (100 steps)",
                f"/ladder/{ids['ladder']}/"), ("progress", "/progress/"),
                ("boundaries (500)", "/boundaries/"), ("boundaries section",
                "/boundaries/s/touch/"), ("questionnaire", f"/questionnaires/{ids['questionnaire']}/")]

    only = [n for n in os.environ.get("COVE_LOAD_PAGES", "").split(",") if n]

    def pages(ids: dict[str, str]) -> list[tuple[str, str]]:
        return [(name, path) for name, path in every_page(ids)
                if not only or name.split(" ")[0] in only]

    anonymous = server.visitor()
    rows = [("floor, anonymous", "/load/floor/", anonymous, "anon"),
            ("/help/, anonymous", "/help/", anonymous, "anon"),
            ("floor, signed in", "/load/floor/signed-in/", years, "signed")]
    rows += [(name, path, years, "signed") for name, path in pages(ids)]
    results: dict[tuple[str, int], Result] = {}
    weights: dict[str, tuple[int, int, int]] = {}
    for name, path, who, _kind in rows:
        _check(who, path)
        weights[name] = wire_weight(who, path)
        wrk(server.url + path, 2, 1, _cookie_header(who))  # warm up
        for connections in levels:
            results[(name, connections)] = measure(server, name, path, connections,
                                                   seconds, _cookie_header(who))
        _check(who, path)  # still signed in and unlocked: the numbers were real pages

    floors = {"anon": "floor, anonymous", "signed": "floor, signed in"}
    print("## Pages under load (two years of history)\n")
    print("| page | conn | req/s | x at 1 conn | p50 ms | p95 ms | p99 ms | % of floor | errors "
          "| server CPU ms/req |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, _path, _who, kind in rows:
        for connections in levels:
            r = results[(name, connections)]
            floor = results[(floors[kind], connections)]
            one = results[(name, levels[0])]
            times = f"{r.rps / one.rps:.2f}" if one.rps else "—"
            share = f"{100 * r.rps / floor.rps:.0f} %" if floor.rps else "—"
            print(f"| {name} | {connections} | {r.rps:.1f} | {times} | "
                  f"{r.p50:.1f} | {r.p95:.1f} | {r.p99:.1f} | {share} | {r.errors} | "
                  f"{r.cpu_ms:.1f} |")

    middle = 10 if 10 in levels else levels[len(levels) // 2]
    print(f"\n## Two years against one week ({middle} connections)\n")
    print("| page | p95 two years ms | p95 one week ms | ratio | CPU ms/req two years "
          "| one week |")
    print("|---|---:|---:|---:|---:|---:|")
    for (name, _path), (_, week_path) in zip(pages(ids), pages(week_ids), strict=True):
        _check(week, week_path)
        wrk(server.url + week_path, 2, 1, _cookie_header(week))
        small = measure(server, name, week_path, middle, seconds, _cookie_header(week))
        big = results[(name, middle)]
        ratio = f"{big.p95 / small.p95:.2f}" if small.p95 else "—"
        print(f"| {name} | {big.p95:.1f} | {small.p95:.1f} | {ratio} | {big.cpu_ms:.1f} | "
              f"{small.cpu_ms:.1f} |")

    print("\n## Bytes on the wire (as a browser asks: gzip, br)\n")
    print("| page | HTML unpacked | HTML sent | sent with its CSS and JS |")
    print("|---|---:|---:|---:|")
    for name, (unpacked, html, total) in weights.items():
        print(f"| {name} | {unpacked / 1024:.1f} KB | {html / 1024:.1f} KB | "
              f"{total / 1024:.1f} KB |")

    if not only:
        burst_section(server, burst, years)
    print(f"\nDone in {time.perf_counter() - started:.0f} s.")
    return 0


def burst_section(server: Any, burst: list[str], reader: Any) -> None:
    cpu = server_cpu_seconds(server.process.pid)
    stats = sign_in_burst(server, burst, reader, "/")
    used = server_cpu_seconds(server.process.pid) - cpu
    print(f"\n## {len(burst)} sign-ins at once (standard Argon2id) while one person loads "
          "home\n")
    print(f"- home alone: median {stats['baseline_ms']:.0f} ms, slowest "
          f"{stats['baseline_max_ms']:.0f} ms (30 requests)")
    print(f"- home during the burst: median {stats['during_p50_ms']:.0f} ms, p95 "
          f"{stats['during_p95_ms']:.0f} ms, slowest "
          f"{stats['during_max_ms']:.0f} ms ({stats['requests_during']:.0f} requests); "
          f"delay {stats['delay_ms']:.0f} ms")
    print(f"- the sign-ins: median {stats['sign_in_p50_ms']:.0f} ms, slowest "
          f"{stats['sign_in_max_ms']:.0f} ms; turned away with 503 (then sent again after "
          f"Retry-After) {stats['turned_away']:.0f} times")
    print(f"- server CPU during the burst: {used:.1f} s "
          f"({1000 * used / len(burst):.0f} ms per sign-in, home requests included)")


def _burst_only(server: Any, passphrase: str) -> int:
    """COVE_LOAD_ONLY=burst: only the sign-in burst, with a reader without history (quick)."""
    reader = server.sign_up("load-reader", passphrase)
    burst = [f"load-burst-{n}" for n in range(20)]
    for name in burst:
        server.sign_up(name, passphrase).close()
    burst_section(server, burst, reader)
    return 0
