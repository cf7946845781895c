"""Make a large journal quickly, for the query-count tests and the benchmark (not for users)."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from cove.journal.models import JournalEntry

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

_SAMPLES = (
    ("free", {"body": "A slow evening. I made tea and sat by the window for a while."}),
    ("win", {"what": "I said no to something and it felt okay."}),
    ("moment", {"what_happened": "A loud noise outside", "context": ["home", "night"],
                "tried": ["breathing", "grounding"], "helped": ["breathing"], "how_much": 6}),
    ("body", {"areas": ["shoulders", "hands"], "warmth": "warm", "calm": 3}),
    ("thought", {"thought": "I am behind", "friend": "there is no race",
                 "fairer": "I go at my pace"}),
)


def fill_journal(vault: Vault, count: int, days: int = 730, seed: int = 7) -> None:
    """Write `count` entries spread over `days` days, in batches."""
    rng = random.Random(seed)
    now = timezone.now()
    batch: list[JournalEntry] = []
    for index in range(count):
        kind, answers = _SAMPLES[index % len(_SAMPLES)]
        entry = JournalEntry(owner=vault.user, kind=kind, answers=dict(answers),
                             tags=["sample"], shareable=index % 10 == 0).bind(vault)
        batch.append(entry)
        if len(batch) == 500:
            JournalEntry.objects.bulk_create(batch)
            batch = []
    if batch:
        JournalEntry.objects.bulk_create(batch)
    # created_at is set on save; spread it over the period afterwards, like real use,
    # in a hundred groups so that this stays quick.
    ids = list(JournalEntry.objects.filter(owner=vault.user).values_list("id", flat=True))
    rng.shuffle(ids)
    groups = 100
    for group in range(groups):
        chunk = ids[group::groups]
        when = now - timedelta(days=days * group / groups, minutes=rng.uniform(0, 600))
        JournalEntry.objects.filter(pk__in=chunk).update(created_at=when)
