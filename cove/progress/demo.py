"""A few weeks of check-ins and one paused reminder for the demo survivor (`cove demo`)."""

from __future__ import annotations

import random
from datetime import time, timedelta
from typing import TYPE_CHECKING

from cove.progress import reminders, services
from cove.progress.models import QUESTIONS

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


def populate(vault: Vault, role: str) -> None:
    if role != "survivor":
        return
    rng = random.Random(26)
    today = services.today()
    for back in range(28, -1, -1):
        if rng.random() < 0.25:  # some days without a check-in, as in real life
            continue
        gentle_trend = (28 - back) / 28  # things ease a little over the weeks, with ups and downs
        ratings = {
            "mood": round(4 + 3 * gentle_trend + rng.uniform(-2, 2)),
            "distress": round(6 - 3 * gentle_trend + rng.uniform(-2, 2)),
            "tension": round(6 - 2 * gentle_trend + rng.uniform(-2, 2)),
            "sleep": round(5 + rng.uniform(-3, 3)),
            "stress": round(5 - 2 * gentle_trend + rng.uniform(-2, 2)),
        }
        clean = {k: max(0, min(10, v)) for k, v in ratings.items() if k in QUESTIONS}
        services.save_checkin(vault, today - timedelta(days=back), clean, "")
    reminders.add_reminder(vault, "checkin", time(19, 30), "0123456")
