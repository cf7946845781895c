"""Which Argon2id cost this process uses."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

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
