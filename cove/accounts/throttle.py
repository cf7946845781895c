"""Growing delays for passphrase and recovery-code guesses; never a lockout of the owner.

Every check of a passphrase (sign-in, unlock, re-authentication, the confirm pages, a
passphrase change) and of a recovery code passes through one gate:

- A browser that carries a valid device token for the account (cove.accounts.devices) is
  the owner's own. Only its own counter applies: a few free tries, then a growing delay.
  Nobody else's wrong guesses can slow it down.
- Any other attempt is counted per account name (capped at 30 s by default) and per real
  client address (cove.accounts.addresses; capped at 5 minutes). After a few free tries
  each failure doubles the wait. Recovery codes carry 157 bits, so guessing them is hopeless
  and they are counted per address only: the recovery path stays open to the owner.
- An attempt is counted *before* the slow check runs and taken back if it succeeds, so
  parallel guesses cannot slip past the delay together. Success never clears anything
  else: not the account's counter, not the address's (someone else may share either).
- Counters are forgotten a day after their last failure. Names are counted whether or not
  an account exists, and only as keyed hashes, so the table reveals no names or addresses.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from cove.accounts import devices
from cove.accounts.addresses import client_address
from cove.accounts.models import SignInThrottle, User, username_key
from cove.core import integrity

FREE_ATTEMPTS = 3
DEVICE_FREE_ATTEMPTS = 5
FORGET_AFTER = timedelta(days=1)

SIGN_IN = "sign-in"
RECOVERY = "recovery"


@dataclass(frozen=True)
class Counter:
    key: str
    cap: int
    free: int


def _key(kind: str, value: str) -> str:
    return integrity.tag("throttle", kind, value).hex()


def delay_for(failures: int, cap: int, free: int = FREE_ATTEMPTS) -> int:
    if failures <= free:
        return 0
    return int(min(cap, 2 ** min(failures - free, 30)))


@dataclass(frozen=True)
class Gate:
    """The counters one attempt is held to, and the device token that chose them."""

    counters: tuple[Counter, ...]
    device: devices.DeviceToken | None

    def enter(self) -> int | None:
        """Count this attempt; return seconds to wait instead if a delay is running."""
        return _enter(self.counters)

    def succeeded(self) -> None:
        """Take this attempt back; a device's own counter starts afresh."""
        if self.device is not None:
            SignInThrottle.objects.filter(key__in=[c.key for c in self.counters]).delete()
            return
        SignInThrottle.objects.filter(
            key__in=[c.key for c in self.counters], failures__gt=0
        ).update(failures=F("failures") - 1)


def gate(request: HttpRequest, username: str, user: User | None, purpose: str = SIGN_IN) -> Gate:
    """The counters for an attempt at `username`'s passphrase (or recovery code)."""
    token = devices.presented(request, username, user)
    if token is not None:
        counter = Counter(_key("device", token.key), settings.COVE_THROTTLE_DEVICE_MAX_DELAY,
                          DEVICE_FREE_ATTEMPTS)
        return Gate(counters=(counter,), device=token)
    counters = [Counter(_key("address", client_address(request)),
                        settings.COVE_THROTTLE_IP_MAX_DELAY, FREE_ATTEMPTS)]
    if purpose == SIGN_IN:
        counters.append(Counter(_key("account", username_key(username)[:200]),
                                settings.COVE_THROTTLE_ACCOUNT_MAX_DELAY, FREE_ATTEMPTS))
    return Gate(counters=tuple(sorted(counters, key=lambda c: c.key)), device=None)


def _enter(counters: tuple[Counter, ...]) -> int | None:
    now = timezone.now()
    for counter in counters:
        _, created = SignInThrottle.objects.get_or_create(key=counter.key,
                                                          defaults={"next_allowed_at": now})
        if created and random.random() < 0.01:
            SignInThrottle.objects.filter(updated_at__lt=now - FORGET_AFTER).delete()
    with transaction.atomic():
        # Locked in key order, so two attempts never wait for each other's rows crosswise.
        rows = [SignInThrottle.objects.select_for_update().get(key=c.key) for c in counters]
        waiting = [row.next_allowed_at for row in rows if row.next_allowed_at > now]
        if waiting:
            return max(1, math.ceil((max(waiting) - now).total_seconds()))
        for row, counter in zip(rows, counters, strict=True):
            if now - row.updated_at > FORGET_AFTER:
                row.failures = 0
            row.failures += 1
            row.next_allowed_at = now + timedelta(seconds=delay_for(row.failures, counter.cap,
                                                                    counter.free))
            row.save(update_fields=["failures", "next_allowed_at", "updated_at"])
    return None
