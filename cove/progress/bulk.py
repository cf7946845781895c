"""Make a long run of daily check-ins quickly, for query-count tests and the benchmark."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import TYPE_CHECKING

from cove.progress.models import QUESTIONS, CheckIn
from cove.progress.services import today

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


def fill_checkins(vault: Vault, days: int = 730, seed: int = 7) -> None:
    rng = random.Random(seed)
    last = today()
    CheckIn.objects.bulk_create([
        CheckIn(owner=vault.user, day=last - timedelta(days=back),
                ratings={q: rng.randint(0, 10) for q in QUESTIONS},
                note="a short note").bind(vault)
        for back in range(days)
    ], batch_size=500)
