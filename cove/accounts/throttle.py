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
- An attempt at an account (or from a device) is counted *before* the slow check runs and
  taken back if it succeeds, so parallel guesses cannot slip past the delay together; an
  address counts failures as they happen. Success never clears anything else: not the
  account's counter, not the address's (someone else may share either).
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
    # Counted before the check (and taken back on success), so parallel guesses at one
    # account or from one device cannot slip past the delay together. An address counts
    # only real failures: many people behind one address may sign in at the same moment.
    reserved: bool = True


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
        return _count(self.counters, only_reserved=True)

    def failed(self) -> None:
        """The check failed: count it where it was not counted in advance."""
        if any(not c.reserved for c in self.counters):
            _count(tuple(c for c in self.counters if not c.reserved), only_reserved=False)

    def succeeded(self) -> None:
        """Take this attempt back; a device's own counter starts afresh."""
        keys = [c.key for c in self.counters if c.reserved]
        if self.device is not None:
            SignInThrottle.objects.filter(key__in=keys).delete()
            return
        SignInThrottle.objects.filter(key__in=keys, failures__gt=0).update(
            failures=F("failures") - 1
        )


def gate(request: HttpRequest, username: str, user: User | None, purpose: str = SIGN_IN) -> Gate:
    """The counters for an attempt at `username`'s passphrase (or recovery code)."""
    token = devices.presented(request, username, user)
    if token is not None:
        counter = Counter(_key("device", token.key), settings.COVE_THROTTLE_DEVICE_MAX_DELAY,
                          DEVICE_FREE_ATTEMPTS)
        return Gate(counters=(counter,), device=token)
    counters = [Counter(_key("address", client_address(request)),
                        settings.COVE_THROTTLE_IP_MAX_DELAY, FREE_ATTEMPTS, reserved=False)]
    if purpose == SIGN_IN:
        counters.append(Counter(_key("account", username_key(username)[:200]),
                                settings.COVE_THROTTLE_ACCOUNT_MAX_DELAY, FREE_ATTEMPTS))
    return Gate(counters=tuple(sorted(counters, key=lambda c: c.key)), device=None)


def _count(counters: tuple[Counter, ...], *, only_reserved: bool) -> int | None:
    """Refuse with the longest running wait among `counters`, or count one more try.

    At the door (`only_reserved`) every counter is checked but only the reserved ones
    are counted; after a failure the others are counted without a check.
    """
    long_ago = timezone.now() - FORGET_AFTER
    for counter in counters:
        _, created = SignInThrottle.objects.get_or_create(key=counter.key,
                                                          defaults={"next_allowed_at": long_ago})
        if created and random.random() < 0.01:  # housekeeping, not security
            SignInThrottle.objects.filter(updated_at__lt=long_ago).delete()
    with transaction.atomic():
        # Locked in key order, so two attempts never wait for each other's rows crosswise.
        rows = [SignInThrottle.objects.select_for_update().get(key=c.key) for c in counters]
        # The time is read once the rows are ours: a "now" from before waiting for the lock
        # could be older than what the attempt that held it just wrote.
        now = timezone.now()
        waiting = [row.next_allowed_at for row in rows if row.next_allowed_at > now]
        if waiting and only_reserved:
            return max(1, math.ceil((max(waiting) - now).total_seconds()))
        for row, counter in zip(rows, counters, strict=True):
            if only_reserved and not counter.reserved:
                continue
            if now - row.updated_at > FORGET_AFTER:
                row.failures = 0
            row.failures += 1
            row.next_allowed_at = now + timedelta(seconds=delay_for(row.failures, counter.cap,
                                                                    counter.free))
            row.save(update_fields=["failures", "next_allowed_at", "updated_at"])
    return None
