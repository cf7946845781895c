"""Passphrase rules (ASVS 6.2): long, no composition rules, common ones refused offline."""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path
from typing import Any

import django.contrib.auth
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MIN_LENGTH = 15
MAX_LENGTH = 1024

_DJANGO_LIST = Path(django.contrib.auth.__file__).parent / "common-passwords.txt.gz"
_COVE_LIST = Path(__file__).parent / "data" / "common-passphrases.txt"
_KEYBOARD_RUNS = (
    "1234567890",
    "0987654321",
    "qwertyuiopasdfghjklzxcvbnm",
    "abcdefghijklmnopqrstuvwxyz",
    "zyxwvutsrqponmlkjihgfedcba",
)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


@cache
def common_passwords() -> frozenset[str]:
    with gzip.open(_DJANGO_LIST, "rt", encoding="utf-8") as handle:
        words = {_squash(line) for line in handle if line.strip()}
    with _COVE_LIST.open(encoding="utf-8") as handle:
        words |= {_squash(line) for line in handle if line.strip() and not line.startswith("#")}
    words.discard("")
    return frozenset(words)


def is_common(passphrase: str) -> bool:
    squashed = _squash(passphrase)
    if not squashed or len(set(squashed)) <= 2:
        return True
    if squashed in common_passwords():
        return True
    if any(squashed in run or run.startswith(squashed) for run in _KEYBOARD_RUNS):
        return True
    # One common password typed again and again ("sunshinesunshinesunshine").
    for size in range(1, len(squashed) // 2 + 1):
        if len(squashed) % size == 0:
            unit = squashed[:size]
            if unit * (len(squashed) // size) == squashed and (
                size <= 3 or unit in common_passwords()
            ):
                return True
    return False


class PassphraseLengthValidator:
    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < MIN_LENGTH:
            raise ValidationError(
                ngettext(
                    "Please use at least %(min)d characters. A few words you can remember "
                    "work well.",
                    "Please use at least %(min)d characters. A few words you can remember "
                    "work well.",
                    MIN_LENGTH,
                )
                % {"min": MIN_LENGTH},
                code="passphrase_too_short",
            )
        if len(password) > MAX_LENGTH:
            raise ValidationError(
                _("Please keep it under %(max)d characters.") % {"max": MAX_LENGTH},
                code="passphrase_too_long",
            )

    def get_help_text(self) -> str:
        return _("At least %(min)d characters. Spaces, long phrases and pasting are welcome.") % {
            "min": MIN_LENGTH
        }


class CommonPassphraseValidator:
    def validate(self, password: str, user: Any = None) -> None:
        if is_common(password):
            raise ValidationError(
                _("That one is on a list of passphrases that are easy to guess. "
                  "Please choose something more personal."),
                code="passphrase_common",
            )
        username = getattr(user, "username", "") if user is not None else ""
        if username and len(username) >= 3 and _squash(username) in _squash(password):
            raise ValidationError(
                _("Please choose a passphrase that does not contain your username."),
                code="passphrase_has_username",
            )

    def get_help_text(self) -> str:
        return _("Passphrases that are easy to guess are refused.")
