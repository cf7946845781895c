"""Which Argon2id cost this process uses, and how many derivations may run at once.

Every Argon2id run holds its whole memory cost (64 MiB by default) until it finishes. A
burst of sign-ins would otherwise let each worker thread allocate that at the same time, so
derivations queue on a per-process semaphore sized from `COVE_ARGON2_MEMORY_MIB`: a
sign-in waits its turn instead of pushing the machine into swap.
"""

from __future__ import annotations

import os
import threading
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cove.vault import crypto
from cove.vault.crypto import STANDARD_KDF, TEST_KDF, KdfParams


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
    """How many Argon2id runs fit in this process's memory budget at today's cost (at least 1)."""
    per_run_mib = max(1, STANDARD_KDF.memory_kib // 1024)
    return max(1, settings.COVE_ARGON2_MEMORY_MIB // per_run_mib)


@cache
def _slots() -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(concurrent_derivations())


def derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Stretch a passphrase with Argon2id, waiting for a free slot in the memory budget."""
    with _slots():
        return crypto.derive_passphrase_key(passphrase, salt, params)
