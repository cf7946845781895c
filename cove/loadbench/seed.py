"""Give one signed-up person a history, with Cove's own services and models (load benchmark).

`python -m cove.loadbench seed USERNAME DAYS` runs in the benchmark server's environment
(same database and keys) and prints one JSON line: the ids the benchmark's pages need.

Two years (DAYS=730): a check-in every day, a journal entry a day, a ladder of 100 steps
with 200 practices, 500 boundary items with 2,000 changes, and a questionnaire every two
weeks. One week (DAYS=7) is the same person a week in: the same 100 steps and 500 items
(their size is the page's, not the history's) with a week of everything that grows.
Dates are spread over the period afterwards (the plain `created_at` column), as real use
would have spread them.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

PASSPHRASE = "a calm blue lake at dawn, 2026"  # noqa: S105 - the benchmark's own accounts
STEPS = 100
ITEMS = 500


def _spread(model: Any, owner: Any, days: int, rng: random.Random) -> None:
    """Spread the owner's rows of `model` evenly over the last `days` days, oldest first."""
    ids = list(model.objects.filter(owner=owner).order_by("created_at", "id")
               .values_list("id", flat=True))
    now = timezone.now()
    count = len(ids)
    for index, pk in enumerate(ids):
        back = days * (count - index) / max(count, 1)
        when = now - dt.timedelta(days=back, minutes=rng.uniform(0, 300))
        model.objects.filter(pk=pk).update(created_at=when)


def seed(username: str, days: int, passphrase: str = PASSPHRASE) -> dict[str, Any]:
    from cove.accounts.models import User
    from cove.boundaries.models import BoundaryChange
    from cove.boundaries.testing import seed_many
    from cove.journal.bulk import fill_journal
    from cove.journal.models import JournalEntry
    from cove.ladder import services as ladder
    from cove.ladder.models import PracticeSession
    from cove.measures import instruments
    from cove.measures import services as measures
    from cove.measures.models import MeasureResponse
    from cove.progress.bulk import fill_checkins
    from cove.vault.keyring import Vault
    from cove.vault.services import unlock_with_passphrase

    rng = random.Random(days)
    user = User.objects.get(username=username)
    unlocked = unlock_with_passphrase(user, passphrase)
    assert unlocked is not None
    assert unlocked.data_key is not None
    vault = Vault(user, unlocked.data_key)
    two_years = days > 30

    fill_checkins(vault, days)
    fill_journal(vault, days, days=days)
    with transaction.atomic():  # one entry a day, each at its own time, as a person writes
        _spread(JournalEntry, user, days, rng)

    with transaction.atomic():
        steps_ladder = ladder.create_ladder(vault, "Closeness, one small step at a time")
        steps = [ladder.add_step(vault, steps_ladder,
                                 title=f"Step {n + 1}: sit close and talk for a while",
                                 with_whom="partner", minutes=10,
                                 expected_distress=(n * 7) % 100,
                                 notes="Breathe out slowly first. Stop whenever I like.")
                 for n in range(STEPS)]
    practices = 200 if two_years else 4
    for n in range(practices):
        step = steps[n % 40]
        with transaction.atomic():
            session = ladder.start_practice(vault, step, ladder.YES)
            assert session is not None
            ladder.record_before(session, expected=50, now=rng.randint(10, 60), minutes=10)
            ladder.finish_during(session)
            ladder.record_after(session, peak=rng.randint(20, 90), after=rng.randint(0, 40),
                                aftercare_done=["tea"], felt_ok="It was fine.",
                                small_win=n % 5 == 0)
    with transaction.atomic():
        _spread(PracticeSession, user, days, rng)

    seed_many(vault, items=ITEMS, changes=2000 if two_years else 7)
    with transaction.atomic():
        _spread(BoundaryChange, user, days, rng)

    known = list(instruments.registry().values())
    every_two_weeks = max(1, days // 14)
    for n in range(every_two_weeks):
        instrument = known[n % len(known)]
        answers = [rng.randint(instrument.min_answer, instrument.max_answer)
                   for _ in instrument.items]
        measures.record_response(vault, instrument, answers)
    with transaction.atomic():
        _spread(MeasureResponse, user, days, rng)
    if connection.vendor == "postgresql":
        # A live server's autovacuum gathers statistics as history grows; without them the
        # planner reads all of a person's rows and sorts them instead of walking the
        # (owner, created) indexes, and the benchmark would measure a database no one runs.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"ladder": str(steps_ladder.pk), "questionnaire": known[0].slot}


def main(username: str, days: int) -> int:
    import django

    django.setup()
    print(json.dumps(seed(username, days)))
    return 0
