"""Tamper evidence for what someone who can write to the database could otherwise rewrite.

A key kept outside the database (`COVE_INTEGRITY_KEY`, or `integrity_key` in the data
directory, mode 0600, made on first run — like the secret key) authenticates values that
must stay bound to their owner, such as sharing public keys, and keys the audit chain.
Someone who can change rows but cannot read the data directory or the environment cannot
forge a tag, so a swapped public key or a rewritten history is detected.

Every use names its purpose, so a tag made for one purpose never verifies for another.
All app servers of one Cove must share the same key (docs/operations.md).
"""

from __future__ import annotations

from functools import cache

from django.conf import settings

from cove.vault import crypto


@cache
def _key(purpose: str, secret: str) -> bytes:
    return crypto.derive_subkey(secret.encode(), f"cove/integrity|{purpose}".encode())


def _message(parts: tuple[bytes | str | int, ...]) -> bytes:
    # Length-prefixed, so ("ab", "c") and ("a", "bc") never give the same message.
    out = bytearray()
    for part in parts:
        raw = part if isinstance(part, bytes) else str(part).encode()
        out += len(raw).to_bytes(4, "big") + raw
    return bytes(out)


def tag(purpose: str, *parts: bytes | str | int) -> bytes:
    """A 32-byte tag binding `parts` together for `purpose`."""
    return crypto.mac(_key(purpose, settings.COVE_INTEGRITY_KEY), _message(parts))


def verify(purpose: str, expected: bytes | memoryview, *parts: bytes | str | int) -> bool:
    return crypto.verify_mac(
        _key(purpose, settings.COVE_INTEGRITY_KEY), _message(parts), bytes(expected)
    )
