"""Invitation codes: what two people type or scan to link their accounts.

One format for every invitation (a partner, a clinician): 8 characters from an alphabet
without look-alikes, shown as two groups of four ("K7QM-3WXP"), about 39 bits. A code is
single-use and short-lived (the caller stores only its keyed hash, `code_digest`, with an
expiry), and redeeming one is throttled like any guess, so the length is enough.

The QR code is drawn on the server as inline SVG (segno): no request leaves Cove.
"""

from __future__ import annotations

import secrets

import segno

from cove.core import integrity

ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U
LENGTH = 8


def new_code() -> str:
    """A fresh code, grouped for reading aloud: "K7QM-3WXP"."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{chars[:4]}-{chars[4:]}"


def normalise(typed: str) -> str:
    """What a person typed, as the canonical code ("" if it cannot be one): case, spaces
    and dashes do not matter."""
    chars = "".join(ch for ch in typed.upper() if not ch.isspace() and ch != "-")
    if len(chars) != LENGTH or any(ch not in ALPHABET for ch in chars):
        return ""
    return f"{chars[:4]}-{chars[4:]}"


def code_digest(purpose: str, code: str) -> str:
    """The keyed hash stored instead of the code, so the database alone cannot redeem it."""
    return integrity.tag(f"invite/{purpose}", normalise(code)).hex()


def qr_svg(text: str, title: str) -> str:
    """An accessible inline SVG QR code for `text` (a link to accept the invitation)."""
    qr = segno.make(text, error="m")
    return qr.svg_inline(scale=4, border=2, title=title, svgclass="qr", lineclass=None)
