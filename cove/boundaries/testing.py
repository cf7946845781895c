"""Bulk sample data for tests and the benchmark: many items and a long history, fast."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from cove.boundaries import catalogue
from cove.boundaries.cleaning import new as _new
from cove.boundaries.models import BoundaryChange, BoundaryItem
from cove.vault.keyring import Vault


@transaction.atomic
def seed_many(vault: Vault, items: int = 500, changes: int = 5000) -> list[BoundaryItem]:
    """`items` answered items (the catalogue first, then own items) and `changes` changes."""
    states = catalogue.STATES
    records: list[BoundaryItem] = []
    for n in range(items):
        if n < len(catalogue.ITEMS):
            entry = catalogue.ITEMS[n]
            record = _new(BoundaryItem, vault, key=entry.key, title="", category=entry.category,
                          state=states[n % 4], condition="", ask_first=False)
        else:
            category = catalogue.CATEGORIES[n % len(catalogue.CATEGORIES)].slug
            record = _new(BoundaryItem, vault, key="", title=f"My own item {n}",
                          category=category, state=states[n % 4], condition="",
                          ask_first=n % 7 == 0)
        records.append(record)
    BoundaryItem.objects.bulk_create(records, batch_size=500)
    start = timezone.now() - dt.timedelta(days=changes)
    history = []
    for n in range(changes):
        record = records[n % len(records)]
        subject = {"key": record.key} if record.key else {"title": record.title}
        history.append(_new(
            BoundaryChange, vault, item=record, subject=subject,
            before={"state": states[(n + 1) % 4], "condition": "", "ask_first": False},
            after={"state": states[n % 4], "condition": "", "ask_first": False},
        ))
    BoundaryChange.objects.bulk_create(history, batch_size=1000)
    # Spread the dates so the history reads like years of choices.
    for n, change in enumerate(history):
        change.created_at = start + dt.timedelta(days=n)
    BoundaryChange.objects.bulk_update(history, ["created_at"], batch_size=1000)
    return records
