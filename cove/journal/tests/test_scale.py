"""A person with 2,000 entries: pages cost what they show, not what the journal holds."""

from __future__ import annotations

import pytest

from cove.journal.bulk import fill_journal
from cove.journal.models import JournalEntry

pytestmark = pytest.mark.django_db

# Measured at 8: session, user, savepoint, area keys (journal, journal_shared), count,
# page rows. A little room for the layout; the number does not grow with the journal.
MAX_QUERIES = 10


def test_journal_pages_stay_bounded_with_2000_entries(survivor, django_assert_max_num_queries):
    # One test, so the 2,000 entries are written once.
    fill_journal(survivor.vault(), 2000)
    assert JournalEntry.objects.filter(owner=survivor.user).count() == 2000
    for page in ("1", "50", "100"):
        with django_assert_max_num_queries(MAX_QUERIES):
            response = survivor.client.get("/journal/", {"page": page})
        assert response.status_code == 200
        assert response.content.decode().count('class="entry-list__preview"') == 20

    with django_assert_max_num_queries(MAX_QUERIES):
        html = survivor.post("/journal/search/", {"q": "tea"}).content.decode()
    assert "Searched your newest 500 entries" in html

    with django_assert_max_num_queries(MAX_QUERIES):
        html = survivor.client.get("/journal/patterns/", {"show": "1"}).content.decode()
    assert "helped" in html

    with django_assert_max_num_queries(MAX_QUERIES):
        body = survivor.api("get", "/journal/entries?page=7").json()
    assert body["count"] == 2000
    assert len(body["entries"]) == 20
