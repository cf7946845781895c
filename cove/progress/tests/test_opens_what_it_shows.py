"""The progress page opens only the sealed values it draws, whatever the history's size."""

from __future__ import annotations

import pytest

from cove.journal.bulk import fill_journal
from cove.ladder.bulk import fill_ladder
from cove.progress.bulk import fill_checkins
from cove.vault import crypto

pytestmark = pytest.mark.django_db

# Measured at 118 with 730 check-ins, 730 journal entries and 200 practices on 100 steps
# (a month of check-ins, the journal's newest kinds until 12 wins, the first and last peaks
# of six steps' practices, the practices' small wins newer than the twelfth journal win):
# it was 136 when every peak of those steps' practices was opened, 381 when every answer
# of those practices was opened and their small wins were looked for back to the twelfth
# practice win, and 1,488 when every practice and 200 journal kinds were opened. It must
# not grow with the history.
MAX_OPENED = 130

# Measured at 11 with the same history: the session and the person, one query for the
# month of check-ins (which also tells whether there is one today), one for the journal's
# small wins (with their answers) and two for the practices', one for the questionnaires
# and four for the listed steps.
MAX_QUERIES = 11


@pytest.fixture
def opened(monkeypatch):
    count = {"n": 0}
    real = crypto.open_value  # every stored value opens here (open_sealed: the old suite)

    def counting(key, blob, aad):
        count["n"] += 1
        return real(key, blob, aad)

    monkeypatch.setattr(crypto, "open_value", counting)
    return count


def test_progress_page_opens_only_what_it_draws_with_two_years(survivor, opened):
    vault = survivor.vault()
    fill_checkins(vault, 730)
    fill_journal(vault, 730)
    fill_ladder(vault, steps=100, practices=200)
    opened["n"] = 0
    response = survivor.client.get("/progress/")
    assert response.status_code == 200
    assert response.content.decode().count('role="img"') == 5  # check-ins; steps link out
    assert opened["n"] <= MAX_OPENED


def test_progress_page_queries_do_not_grow_with_two_years(survivor,
                                                          django_assert_max_num_queries):
    vault = survivor.vault()
    fill_checkins(vault, 730)
    fill_journal(vault, 730)
    fill_ladder(vault, steps=100, practices=200)
    survivor.client.get("/progress/")
    with django_assert_max_num_queries(MAX_QUERIES):
        assert survivor.client.get("/progress/").status_code == 200
