"""A section page opens its page of rows and the item index, not the whole section."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from cove.boundaries.models import BoundaryItem
from cove.boundaries.testing import seed_many
from cove.vault import crypto

pytestmark = pytest.mark.django_db

# Measured at 10 with 500 items (the item index and the values of the three rows of a
# part), counting every opened value; it was 165 when every item of the section was opened
# to show 20. It must not grow with the number of items.
MAX_OPENED = 15


def test_a_section_page_opens_only_the_rows_it_shows(survivor, monkeypatch):
    seed_many(survivor.vault(), items=500, changes=0)
    survivor.client.get("/boundaries/s/talk/")  # bulk seeding skips the index: build it once
    count = {"n": 0}
    real = crypto.open_value  # every stored value opens here (open_sealed: the old suite)

    def counting(key, blob, aad):
        count["n"] += 1
        return real(key, blob, aad)

    monkeypatch.setattr(crypto, "open_value", counting)
    for path in ("/boundaries/s/touch/", "/boundaries/s/touch/?page=3"):
        count["n"] = 0
        html = survivor.client.get(path).content.decode()
        assert 0 < html.count('class="card b-row"') <= 20
        assert 0 < count["n"] <= MAX_OPENED, (path, count["n"])


def test_own_items_follow_the_catalogue_items_in_the_order_they_were_made(survivor):
    records = seed_many(survivor.vault(), items=500, changes=0)
    start = timezone.now() - dt.timedelta(days=1)
    for n, record in enumerate(records):  # bulk-made rows share a time; make each its own
        record.created_at = start + dt.timedelta(seconds=n)
    BoundaryItem.objects.bulk_update(records, ["created_at"])
    own = [r.title for r in records if not r.key and r.category == "touch"]
    shown: list[str] = []
    for number in range(1, 30):
        html = survivor.client.get(f"/boundaries/s/touch/?page={number}").content.decode()
        shown += re.findall(r"<legend>(My own item \d+)[ <]", html)
        if f"?page={number + 1}" not in html:
            break
    assert shown == own
