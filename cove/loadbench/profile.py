"""Profile one page in-process, with the load benchmark's two-year history (on demand).

    uv run python -m cove.loadbench profile progress           # CPU ms per request + top calls
    uv run python -m cove.loadbench profile journal --days 7   # the same person a week in
    COVE_PROFILE_DIR=/tmp/cove-prof uv run python -m cove.loadbench profile ladder home

Pages: home, journal, ladder, progress, boundaries, section, questionnaire, floor, or any
path starting with "/". `rotate:AREA` (rotate:measures) times rotating that area's key
instead, each rotation rolled back so the next starts from the same history. The history
is the load benchmark's (`cove.loadbench.seed`); writing two years takes a minute or two,
so COVE_PROFILE_DIR keeps the data directory (SQLite) between runs and seeds only once.
Set DATABASE_URL / COVE_KEYSTORE_URL to profile on PostgreSQL (the database must be empty
the first time). Production settings, standard Argon2id. The numbers are one process with
no concurrency: compare before and after in the same place, and use `make load` for the
numbers the targets are judged on.
"""

from __future__ import annotations

import contextlib
import cProfile
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PAGES = {"home": "/", "journal": "/journal/", "ladder": "/ladder/{ladder}/",
         "progress": "/progress/", "boundaries": "/boundaries/",
         "section": "/boundaries/s/touch/", "questionnaire": "/questionnaires/{questionnaire}/",
         "floor": "/load/floor/signed-in/"}


def _setup() -> Path:
    kept = os.environ.get("COVE_PROFILE_DIR")
    data_dir = Path(kept) if kept else Path(tempfile.mkdtemp(prefix="cove-profile-"))
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    data_dir.chmod(0o700)  # Cove refuses a data directory other users can read
    (data_dir / "static").mkdir(exist_ok=True)
    os.environ["COVE_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("COVE_ALLOWED_HOSTS", "testserver,127.0.0.1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cove.settings"
    os.environ.setdefault("COVE_TESTING", "1")  # static files from finders
    os.environ["COVE_LOAD_FLOORS"] = "1"
    os.environ.setdefault("COVE_KDF_PROFILE", "standard")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return data_dir


def _person(data_dir: Path, days: int) -> tuple[Any, dict[str, str]]:
    from django.test import Client

    from cove.accounts.models import User
    from cove.loadbench.seed import PASSPHRASE, seed

    username = f"profile-{days}"
    ids_file = data_dir / f"{username}.json"
    client = Client()
    if not User.objects.filter(username=username).exists():
        response = client.post("/account/signup/", {
            "username": username, "passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
        assert response.status_code == 200, response.status_code
        started = time.perf_counter()
        ids_file.write_text(json.dumps(seed(username, days)))
        print(f"History of {days} days written in {time.perf_counter() - started:.0f} s.")
    else:
        response = client.post("/account/login/", {"username": username,
                                                    "passphrase": PASSPHRASE})
        assert response.status_code == 302, response.status_code
    return client, json.loads(ids_file.read_text())


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m cove.loadbench profile")
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--days", type=int, default=730)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args(argv)
    data_dir = _setup()
    client, ids = _person(data_dir, args.days)
    for page in args.pages:
        if page.startswith("rotate:"):
            _rotations(page.removeprefix("rotate:"), args.days, args.rounds)
            continue
        path = page if page.startswith("/") else PAGES[page].format(**ids)
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        samples = []
        for _ in range(args.rounds):
            cpu = time.process_time()
            client.get(path)
            samples.append((time.process_time() - cpu) * 1000)
        print(f"\n{page} ({path}), {args.days} days: CPU ms per request median "
              f"{statistics.median(samples):.1f}, min {min(samples):.1f}, "
              f"{len(response.content) / 1024:.1f} KB HTML")
        if args.top:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(max(1, args.rounds // 3)):
                client.get(path)
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.sort).print_stats(
                args.top)
    return 0


def _rotations(area: str, days: int, rounds: int) -> None:
    """Wall ms of rotating one area's key (re-sealing its records), rolled back each time."""
    from django.db import transaction

    from cove.accounts.models import User
    from cove.loadbench.seed import PASSPHRASE
    from cove.vault.keyring import Vault
    from cove.vault.models import AreaKey
    from cove.vault.services import rotate_area_key, unlock_with_passphrase

    user = User.objects.get(username=f"profile-{days}")
    if not AreaKey.objects.filter(owner=user, area=area).exists():
        raise SystemExit(f"{area!r} is not an area this person has a key for.")
    unlocked = unlock_with_passphrase(user, PASSPHRASE)
    assert unlocked is not None
    samples = []

    class RolledBack(Exception):
        pass

    for _ in range(rounds):
        started = time.perf_counter()
        with contextlib.suppress(RolledBack), transaction.atomic():
            rotate_area_key(Vault(user, unlocked.data_key), area)
            raise RolledBack
        samples.append((time.perf_counter() - started) * 1000)
    print(f"\nrotate {area}, {days} days: ms median {statistics.median(samples):.0f}, "
          f"min {min(samples):.0f}")
