"""The demo survivor gets sample entries and check-ins; the other demo roles get none."""

from __future__ import annotations

import pytest

from cove.journal import demo as journal_demo
from cove.journal.models import JournalEntry
from cove.progress import demo as progress_demo
from cove.progress.models import CheckIn, Reminder

pytestmark = pytest.mark.django_db


def test_demo_data_fills_the_pages(survivor, other_survivor):
    journal_demo.populate(survivor.vault(), "survivor")
    progress_demo.populate(survivor.vault(), "survivor")
    journal_demo.populate(other_survivor.vault(), "partner")
    progress_demo.populate(other_survivor.vault(), "partner")
    assert JournalEntry.objects.filter(owner=survivor.user).count() == 9
    assert CheckIn.objects.filter(owner=survivor.user).count() >= 14
    assert Reminder.objects.filter(owner=survivor.user).count() == 1
    assert not JournalEntry.objects.filter(owner=other_survivor.user).exists()
    html = survivor.client.get("/progress/").content.decode()
    assert "Held hands on a walk" in html
    assert survivor.client.get("/journal/patterns/", {"show": "1"}).status_code == 200
