"""Growing delays after failed sign-ins, per account name and per network address.

Never a lockout: the delay for an account is capped (30 s by default), so someone who
types wrong passphrases on purpose can slow a survivor's sign-in down but never stop it.
Per address the cap is higher, which is what slows down guessing at scale. Names are
counted whether or not an account exists, so the delays reveal nothing about accounts.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from cove.accounts.models import SignInThrottle

FREE_ATTEMPTS = 3


def _key(kind: str, value: str) -> str:
    material = f"{settings.SECRET_KEY}|throttle|{kind}|{value}".encode()
    return hashlib.sha256(material).hexdigest()


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")


@dataclass(frozen=True)
class Wait:
    seconds: int


def _keys(username: str, address: str) -> list[tuple[str, int]]:
    return [
        (_key("account", username.casefold()), settings.COVE_THROTTLE_ACCOUNT_MAX_DELAY),
        (_key("address", address), settings.COVE_THROTTLE_IP_MAX_DELAY),
    ]


def check(username: str, address: str) -> Wait | None:
    """Return how long to wait before another attempt may be checked, or None."""
    now = timezone.now()
    keys = [key for key, _cap in _keys(username, address)]
    latest = max(
        (row.next_allowed_at for row in SignInThrottle.objects.filter(key__in=keys)),
        default=now,
    )
    if latest > now:
        return Wait(seconds=max(1, math.ceil((latest - now).total_seconds())))
    return None


def delay_for(failures: int, cap: int) -> int:
    if failures <= FREE_ATTEMPTS:
        return 0
    return int(min(cap, 2 ** (failures - FREE_ATTEMPTS)))


def record_failure(username: str, address: str) -> None:
    now = timezone.now()
    for key, cap in _keys(username, address):
        row, _created = SignInThrottle.objects.get_or_create(key=key)
        SignInThrottle.objects.filter(pk=row.pk).update(failures=F("failures") + 1)
        row.refresh_from_db(fields=["failures"])
        row.next_allowed_at = now + timedelta(seconds=delay_for(row.failures, cap))
        row.save(update_fields=["next_allowed_at", "updated_at"])


def record_success(username: str, address: str) -> None:
    SignInThrottle.objects.filter(key__in=[key for key, _cap in _keys(username, address)]).delete()
