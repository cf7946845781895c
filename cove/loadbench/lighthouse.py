"""Lighthouse performance on five pages of a real server (`scripts/lighthouse.sh`).

    scripts/lighthouse.sh            # installs Lighthouse from npm in a scratch folder first

Starts `cove serve` (production settings, the standard Argon2id) on a database of its own,
gives one person two years of history (cove.loadbench.seed: a ladder of 100 steps,
progress over two years), signs them in, and runs Lighthouse's performance category on
/help/, home, the journal, the ladder and progress with the session cookie
(`--extra-headers`). Prints one line per page and a Markdown table. Lighthouse's defaults:
a phone on a slow 4G link with a 4x slower CPU, simulated. Not part of the test suite.

Environment: LIGHTHOUSE (the lighthouse command; scripts/lighthouse.sh sets it),
CHROME_PATH (default /usr/bin/chromium), COVE_LIGHTHOUSE_RUNS (default 1: the median of
that many runs per page), COVE_LIGHTHOUSE_ONLY (only the pages whose name contains it).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _score(url: str, headers: Path, out: Path) -> dict[str, Any]:
    command = [os.environ.get("LIGHTHOUSE", "lighthouse"), url,
               "--only-categories=performance", "--output=json", f"--output-path={out}",
               f"--extra-headers={headers}", "--quiet",
               "--chrome-flags=--headless=new --no-sandbox"]
    subprocess.run(command, check=True, timeout=300, capture_output=True,  # noqa: S603
                   env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH",
                                                                    "/usr/bin/chromium")})
    report = json.loads(out.read_text())
    audits = report["audits"]
    return {"score": round(100 * report["categories"]["performance"]["score"]),
            "fcp": audits["first-contentful-paint"]["numericValue"],
            "lcp": audits["largest-contentful-paint"]["numericValue"],
            "tbt": audits["total-blocking-time"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "weight": audits["total-byte-weight"]["numericValue"]}


def main() -> int:
    os.environ.setdefault("COVE_DATA_DIR", tempfile.mkdtemp(prefix="cove-lighthouse-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "cove.settings"
    import django

    django.setup()
    from cove.loadbench.run import _check, _cookie_header, _seed
    from cove.loadbench.seed import PASSPHRASE
    from cove.testing_server import CoveServer

    runs = int(os.environ.get("COVE_LIGHTHOUSE_RUNS", "1"))
    server = CoveServer(env={"COVE_TESTING": "0", "COVE_KDF_PROFILE": "standard"})
    work = Path(tempfile.mkdtemp(prefix="cove-lighthouse-out-"))
    try:
        server.start(timeout=300)
        person = server.sign_up("lighthouse-years", PASSPHRASE)
        started = time.perf_counter()
        ids = _seed(server, "lighthouse-years", 730)
        print(f"Two years of history written in {time.perf_counter() - started:.0f} s.",
              flush=True)
        pages = [("/help/", "/help/"), ("home", "/"), ("journal", "/journal/"),
                 ("ladder (100 steps)", f"/ladder/{ids['ladder']}/"),
                 ("progress (two years)", "/progress/")]
        headers = work / "headers.json"
        headers.write_text(json.dumps({"Cookie": _cookie_header(person)}))
        only = os.environ.get("COVE_LIGHTHOUSE_ONLY", "")
        pages = [(name, path) for name, path in pages if only in name]
        rows = []
        for name, path in pages:
            _check(person, path)
            slug = "".join(c if c.isalnum() else "-" for c in name).strip("-")
            results = [_score(server.url + path, headers, work / f"{slug}-{run}.json")
                       for run in range(runs)]
            _check(person, path)  # still signed in: Lighthouse saw the page, not sign-in
            middle = sorted(results, key=lambda r: r["score"])[len(results) // 2]
            rows.append((name, middle, [r["score"] for r in results]))
            print(f"{name}: {middle['score']} {[r['score'] for r in results]}", flush=True)
        print("\n| page | performance | FCP ms | LCP ms | TBT ms | CLS | KB |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, r, _all in rows:
            print(f"| {name} | {r['score']} | {r['fcp']:.0f} | {r['lcp']:.0f} | "
                  f"{r['tbt']:.0f} | {r['cls']:.3f} | {r['weight'] / 1024:.1f} |")
        print(f"\nLighthouse's reports: {work}")
        lowest = min(statistics.median(scores) for _n, _r, scores in rows)
        return 0 if lowest >= 98 else 1
    finally:
        server.close()


if __name__ == "__main__":
    sys.exit(main())
