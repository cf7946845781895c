"""Two years of daily check-ins and 2,000 journal entries: the progress page stays bounded."""

from __future__ import annotations

import pytest

from cove.journal.bulk import fill_journal
from cove.progress.bulk import fill_checkins

pytestmark = pytest.mark.django_db

# Measured at 13 (session, user, area keys, check-ins, journal wins, the ladder and
# questionnaire reads); a little room for those apps. It does not grow with history.
MAX_QUERIES = 16


def test_progress_pages_stay_bounded_with_two_years(survivor, django_assert_max_num_queries):
    # One test, so the history is written once.
    vault = survivor.vault()
    fill_checkins(vault, 730)
    fill_journal(vault, 2000)
    for range_key in ("month", "quarter", "year"):
        with django_assert_max_num_queries(MAX_QUERIES):
            response = survivor.client.get("/progress/", {"range": range_key})
        assert response.status_code == 200
        assert response.content.decode().count('role="img"') == 5
    with django_assert_max_num_queries(MAX_QUERIES):
        assert survivor.client.get("/progress/today/").status_code == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        assert survivor.api("get", "/progress/summary?range=year").status_code == 200
