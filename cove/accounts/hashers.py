"""The login verifier: Argon2id, separate from the key that unlocks a person's data."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher

from cove.vault.kdf import kdf_profile_is_test


class CoveArgon2idHasher(Argon2PasswordHasher):
    """Argon2id at OWASP's 19 MiB / t=2 floor.

    The expensive Argon2id run (64 MiB, t=3) is the one that derives the key wrapping the
    data key (cove.vault); this verifier only decides whether to try it.
    """

    algorithm = "argon2"
    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1

    def __init__(self) -> None:
        if kdf_profile_is_test():
            self.time_cost, self.memory_cost = 1, 8
        super().__init__()
