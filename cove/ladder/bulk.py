"""Make a ladder with many steps and practices quickly, for scale tests (not for users)."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from cove.ladder import models as m
from cove.ladder import services
from cove.ladder.models import ComfortStep, PracticeSession

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


def fill_ladder(vault: Vault, steps: int = 100, practices: int = 200, days: int = 730,
                seed: int = 7) -> str:
    """A ladder of `steps` steps and `practices` finished practices on its first 40 steps,
    spread over `days` days (every fifth one a small win). Returns the ladder's id."""
    rng = random.Random(seed)
    ladder = services.create_ladder(vault, "Closeness, one small step at a time")
    made = [ComfortStep(owner=vault.user, ladder=ladder, position=n,
                        title=f"Step {n + 1}: sit close and talk", with_whom="partner",
                        minutes=10, expected_distress=(n * 7) % 100, notes="Slowly.").bind(vault)
            for n in range(steps)]
    ComfortStep.objects.bulk_create(made)
    now = timezone.now()
    sessions = [PracticeSession(owner=vault.user, step=made[n % min(40, steps)], phase=m.ENDED,
                                outcome=m.FINISHED, distress_before=rng.randint(10, 60),
                                distress_peak=rng.randint(20, 90),
                                distress_after=rng.randint(0, 40), aftercare_done=["tea"],
                                small_win=n % 5 == 0, times={}, pauses=[], checkins=[]).bind(vault)
                for n in range(practices)]
    PracticeSession.objects.bulk_create(sessions)
    for n, session in enumerate(sessions):
        session.created_at = now - timedelta(days=days * (practices - n) / practices)
    PracticeSession.objects.bulk_update(sessions, ["created_at"], batch_size=500)
    return str(ladder.pk)
