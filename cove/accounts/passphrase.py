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
from zxcvbn import zxcvbn

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


# zxcvbn's estimate of guesses needed. 10^10 is its top band: with Cove's Argon2id cost
# (tens of milliseconds of a core and 64 MiB per guess) that is many core-years of offline
# guessing, on top of the length rule and the lists above.
MIN_GUESSES_LOG10 = 10.0
# zxcvbn refuses longer input; the first 72 characters decide (a long passphrase whose
# start is easy to guess is still easy to guess).
ESTIMATE_LENGTH = 72


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "poiuytrewq", "lkjhgfdsa", "mnbvcxz")


def _weakness(passphrase: str, username: str) -> str | None:
    """Our own words for what makes a passphrase easy to guess, or None when it is not."""
    result = zxcvbn(passphrase[:ESTIMATE_LENGTH], user_inputs=[username] if username else [])
    if float(result["guesses_log10"]) >= MIN_GUESSES_LOG10:
        return None
    patterns = {match["pattern"] for match in result["sequence"]}
    names = {match.get("dictionary_name") for match in result["sequence"]}
    # zxcvbn files whole keyboard rows under common passwords; name them for what they are.
    on_a_row = any(len(match["token"]) >= 4 and any(
        match["token"].casefold() in row for row in _KEYBOARD_ROWS) for match in result["sequence"])
    if "spatial" in patterns or on_a_row:
        return _("Keys next to each other on a keyboard, like “qwerty” or “zxcvbn”, are among "
                 "the first things people try.")
    if "sequence" in patterns:
        return _("Letters or numbers in order, like “abcd” or “123456”, are among the first "
                 "things people try.")
    if "repeat" in patterns:
        return _("Repeated letters or words are easy to guess, even when they are long.")
    if "date" in patterns or "regex" in patterns:
        return _("Dates and years are easy to guess. Try some words that mean something to you.")
    if "passwords" in names:
        return _("It is built from passwords many people use, like “password” or “123456”.")
    return _("A computer could guess this one quickly.")


class PassphraseStrengthValidator:
    """Refuse passphrases an offline estimator (zxcvbn, no network) finds easy to guess."""

    def validate(self, password: str, user: Any = None) -> None:
        username = getattr(user, "username", "") if user is not None else ""
        reason = _weakness(password, username)
        if reason is not None:
            hint = _("Try a few ordinary words in an order only you would pick.")
            raise ValidationError(f"{reason} {hint}", code="passphrase_weak")

    def get_help_text(self) -> str:
        return _("Passphrases that a computer could guess quickly are refused.")
