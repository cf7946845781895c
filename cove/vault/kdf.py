"""Which Argon2id cost this process uses, and how many sign-ins it takes on at once.

Every Argon2id run holds its whole memory cost (64 MiB by default) and one CPU until it
finishes. So a server process runs at most `concurrent_derivations()` at once (its share of
the CPUs, within `COVE_ARGON2_MEMORY_MIB`), on threads of their own at a lower CPU priority
than pages (ARGON2_NICENESS), and admits only `admitted_at_once()` sign-ins
(running + waiting for a slot), fewer than its threads. One more sign-in is answered at
once with `SignInsBusy` (503 with Retry-After: "many people are signing in right now")
instead of holding a thread that an ordinary page needs.

Every flow that checks or sets a passphrase (sign-up, sign-in, unlock, confirm pages,
recovery) runs inside `admitted()`, one way: a service decorated with it, or `derive()`
itself. Admission is counted once per thread however deep the flow nests, and it comes
before the sign-in throttle, so a busy answer never counts as an attempt.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from functools import cache, wraps
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from cove.core import serving
from cove.core.errors import WHOLE_INPUT, InputError
from cove.vault import crypto
from cove.vault.crypto import STANDARD_KDF, TEST_KDF, KdfParams

F = TypeVar("F", bound=Callable[..., Any])


def kdf_profile_is_test() -> bool:
    if settings.COVE_KDF_PROFILE == "standard":
        return False
    if settings.COVE_KDF_PROFILE == "test" and os.environ.get("COVE_TESTING") == "1":
        return True
    raise ImproperlyConfigured(
        "COVE_KDF_PROFILE may only be 'standard' (the test profile is for the test suite)."
    )


def current_kdf_params() -> KdfParams:
    return TEST_KDF if kdf_profile_is_test() else STANDARD_KDF


def concurrent_derivations() -> int:
    """How many Argon2id runs this process does at once (at least 1): its share of the CPUs
    under `cove serve`, and what fits in its memory budget at today's cost."""
    shape = serving.running()
    per_run_mib = max(1, STANDARD_KDF.memory_kib // 1024)
    return serving.argon2_slots(settings.COVE_ARGON2_MEMORY_MIB, shape.workers if shape else 1,
                                per_run_mib=per_run_mib)


def admitted_at_once() -> int:
    """Sign-ins this process takes on at once, running or waiting: COVE_SIGNINS_AT_ONCE, or
    under `cove serve` three quarters of its threads (always at least one left for pages)."""
    if settings.COVE_SIGNINS_AT_ONCE:
        return max(1, settings.COVE_SIGNINS_AT_ONCE)
    shape = serving.running()
    slots = concurrent_derivations()
    if shape is None:
        return 2 * slots
    return max(1, min(shape.threads - 1, max(slots, shape.threads * 3 // 4)))


class SignInsBusy(InputError):
    """This server is full of sign-ins: nothing was checked; try again in a moment (503)."""

    status = 503

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(
            {WHOLE_INPUT: [_("Many people are signing in right now. Please wait a moment, "
                             "then press the button again.")]}
        )

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.seconds)}

    def api_body(self) -> dict[str, Any]:
        return {"detail": _("Many people are signing in right now. Please try again after "
                            "the seconds in Retry-After.")}


class _Admission:
    """The per-process count of sign-ins taken on, and how long a derivation takes here."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.taken = 0
        self.seconds_per_run = 1.0  # until the first run is timed
        self.depth = threading.local()

    def retry_after(self) -> int:
        waves = self.taken / concurrent_derivations()
        return min(10, max(1, math.ceil(waves * self.seconds_per_run)))

    def timed(self, seconds: float) -> None:
        with self.lock:
            self.seconds_per_run = 0.8 * self.seconds_per_run + 0.2 * seconds


@cache
def _admission() -> _Admission:
    return _Admission()


# How much lower than page threads the Argon2id threads run (Linux nice levels): pages
# first, so a burst of sign-ins takes the CPU the pages leave and does not slow them down.
ARGON2_NICENESS = 10


def _lower_priority() -> None:
    with suppress(AttributeError, OSError):  # not Linux, or not allowed: as it is
        me = threading.get_native_id()  # on Linux a thread's own id names just that thread
        now = os.getpriority(os.PRIO_PROCESS, me)
        os.setpriority(os.PRIO_PROCESS, me, min(19, now + ARGON2_NICENESS))


@cache
def _slots() -> ThreadPoolExecutor:
    """The process's Argon2id threads: one per slot, at a lower priority than pages."""
    return ThreadPoolExecutor(concurrent_derivations(), thread_name_prefix="argon2",
                              initializer=_lower_priority)


@contextmanager
def _admitted() -> Iterator[None]:
    admission = _admission()
    depth = getattr(admission.depth, "value", 0)
    if depth == 0:
        with admission.lock:
            if admission.taken >= admitted_at_once():
                raise SignInsBusy(admission.retry_after())
            admission.taken += 1
    admission.depth.value = depth + 1
    try:
        yield
    finally:
        admission.depth.value = depth
        if depth == 0:
            with admission.lock:
                admission.taken -= 1


def admitted(flow: F) -> F:
    """Run `flow` (a service that checks or sets a passphrase) as one admitted sign-in, or
    raise SignInsBusy before it starts."""

    @wraps(flow)
    def run(*args: Any, **kwargs: Any) -> Any:
        with _admitted():
            return flow(*args, **kwargs)

    return run  # type: ignore[return-value]


def _timed_derivation(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    started = time.perf_counter()
    key = crypto.derive_passphrase_key(passphrase, salt, params)
    _admission().timed(time.perf_counter() - started)
    return key


def derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Stretch a passphrase with Argon2id: admitted (if the flow was not already), then run
    on one of the process's Argon2id threads when one is free (this thread waits)."""
    with _admitted():
        return _slots().submit(_timed_derivation, passphrase, salt, params).result()
