"""Benchmarks: the cost of privacy, sign-in time, and server time of ordinary pages.

Run with `make benchmark` (or `uv run python -m cove.benchmarks`). It uses a fresh data
directory, production settings and the standard Argon2id cost, and prints a table.
Nothing here runs in the test suite: targets are measured, never asserted in unit tests.

- Privacy cost: the ladder page with 100 steps (600 sealed values), rendered with real
  AES-256-GCM, then again with the vault's seal/open replaced by a pass-through in this
  process only. Target: decryption adds at most 20 % to that page's server time.
- Values opened per ms: the same 600 sealed values read again and again through their
  records (model field, vault, AES-256-GCM, JSON), without the page around them.
  `python -m cove.benchmarks values` measures only this.
- Sign-in: POST /account/login/ with the standard KDF (64 MiB, t=3) plus the verifier.
  Target: between 0.2 and 1 s.
- Ordinary pages: p95 server time. Target: at most 50 ms.
"""

from __future__ import annotations

import functools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

ROUNDS = int(os.environ.get("COVE_BENCH_ROUNDS", "40"))


def _setup() -> None:
    data_dir = tempfile.mkdtemp(prefix="cove-bench-")
    os.makedirs(os.path.join(data_dir, "static"))
    os.environ["COVE_DATA_DIR"] = data_dir
    os.environ.setdefault("COVE_ALLOWED_HOSTS", "testserver,127.0.0.1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cove.settings"
    os.environ.setdefault("COVE_TESTING", "1")  # static files from finders, no collectstatic
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _timed(call: Callable[[], Any], rounds: int) -> list[float]:
    call()  # warm up
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.95) - 1)]


def _person(username: str, passphrase: str) -> Any:
    from django.test import Client

    client = Client()
    response = client.post("/account/signup/", {"username": username, "passphrase": passphrase,
                                                 "passphrase_again": passphrase})
    assert response.status_code == 200, response.status_code
    return client


def _ladder_with_steps(username: str, passphrase: str, steps: int) -> str:
    from cove.accounts.models import User
    from cove.ladder import services
    from cove.vault.keyring import Vault
    from cove.vault.services import unlock_with_passphrase

    user = User.objects.get(username=username)
    unlocked = unlock_with_passphrase(user, passphrase)
    assert unlocked is not None
    data_key = unlocked.data_key
    assert data_key is not None
    vault = Vault(user, data_key)
    ladder = services.create_ladder(vault, "Closeness, one small step at a time")
    for index in range(steps):
        services.add_step(vault, ladder, title=f"Step {index}: sit close and talk for a while",
                          with_whom="partner", minutes=10, expected_distress=(index * 7) % 100,
                          notes="Breathe out slowly first. Stop whenever I like.")
    return str(ladder.pk)


def _values_per_ms(username: str, passphrase: str, ladder_id: str, rounds: int) -> float:
    """Sealed values opened per ms (median of `rounds`), each read as a page reads it."""
    from cove.accounts.models import User
    from cove.ladder.models import ComfortStep
    from cove.vault.keyring import Vault
    from cove.vault.services import unlock_with_passphrase

    user = User.objects.get(username=username)
    unlocked = unlock_with_passphrase(user, passphrase)
    assert unlocked is not None
    assert unlocked.data_key is not None
    vault = Vault(user, unlocked.data_key)
    steps = list(ComfortStep.objects.owned_by(vault).filter(ladder_id=ladder_id))
    fields = ComfortStep.sealed_fields()
    count = len(steps) * len(fields)

    def open_all() -> None:
        for step in steps:
            for field in fields:
                step.__dict__.pop(field.plain_key, None)
                getattr(step, field.name)

    return count / statistics.median(_timed(open_all, rounds))


class _PassThrough:
    """Stand-in for AES-GCM in this process only: same framing, no cipher."""

    def __init__(self) -> None:
        from cove.vault import crypto

        self.crypto = crypto
        self.real = (crypto.seal, crypto.open_sealed, crypto.seal_value, crypto.open_value)

    def __enter__(self) -> None:
        header = bytes([self.crypto.SUITE_AES256GCM]) + bytes(self.crypto.NONCE_BYTES + 16)
        self.crypto.seal = lambda key, plaintext, aad: header + plaintext
        self.crypto.open_sealed = lambda key, blob, aad: bytes(blob)[len(header):]
        self.crypto.seal_value = lambda key, key_version, plaintext, aad, pad_minimum=0: (
            header + plaintext)
        self.crypto.open_value = lambda key, blob, aad: bytes(blob)[len(header):]

    def __exit__(self, *exc: object) -> None:
        (self.crypto.seal, self.crypto.open_sealed, self.crypto.seal_value,
         self.crypto.open_value) = self.real


def main(argv: list[str]) -> int:
    _setup()
    from django.test import Client

    passphrase = "benchmarks run on quiet afternoons"
    rows: list[tuple[str, str]] = []

    sealed_client = _person("bench-sealed", passphrase)
    sealed_ladder = _ladder_with_steps("bench-sealed", passphrase, 100)
    opened = _values_per_ms("bench-sealed", passphrase, sealed_ladder, ROUNDS)
    rows.append(("sealed values opened per ms (600 values, median)", f"{opened:.0f}"))
    if argv[:1] == ["values"]:
        print(f"Cove benchmarks ({ROUNDS} rounds, SQLite, {sys.platform})")
        print(f"  {rows[0][0]}  {rows[0][1]}")
        return 0
    sealed = _timed(lambda: sealed_client.get(f"/ladder/{sealed_ladder}/"), ROUNDS)

    with _PassThrough():
        plain_client = _person("bench-plain", passphrase)
        plain_ladder = _ladder_with_steps("bench-plain", passphrase, 100)
        plain = _timed(lambda: plain_client.get(f"/ladder/{plain_ladder}/"), ROUNDS)

    overhead = (statistics.median(sealed) / statistics.median(plain) - 1) * 100
    rows.append(("ladder page, 100 steps, sealed (median / p95 ms)",
                 f"{statistics.median(sealed):.1f} / {_p95(sealed):.1f}"))
    rows.append(("same page, encryption bypassed (median / p95 ms)",
                 f"{statistics.median(plain):.1f} / {_p95(plain):.1f}"))
    rows.append(("cost of decryption on that page", f"{overhead:+.1f} % (target ≤ 20 %)"))

    def login() -> None:
        response = Client().post("/account/login/", {"username": "bench-sealed",
                                                      "passphrase": passphrase})
        assert response.status_code == 302

    logins = _timed(login, max(5, ROUNDS // 8))
    rows.append(("sign-in, standard Argon2id (median / max ms)",
                 f"{statistics.median(logins):.0f} / {max(logins):.0f} (target 200-1000)"))

    pages = [(Client(), "anonymous", path) for path in ("/", "/help/", "/grounding/", "/account/login/")]
    pages += [(sealed_client, "signed in", path) for path in
              ("/", "/account/settings/", "/ladder/", "/journal/", "/boundaries/", "/progress/")]
    for client, who, path in pages:
        samples = _timed(functools.partial(client.get, path), ROUNDS)
        rows.append((f"GET {path} {who} (p95 ms)", f"{_p95(samples):.1f} (target ≤ 50)"))

    width = max(len(label) for label, _ in rows)
    print(f"Cove benchmarks ({ROUNDS} rounds, SQLite, {sys.platform})")
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
