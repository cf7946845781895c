"""With 500 items and 5,000 changes, pages cost a bounded number of queries.

One seeded person serves every check below: seeding 5,500 sealed rows takes seconds.
"""

from __future__ import annotations

import pytest

from cove.boundaries.models import BoundaryChange, BoundaryItem
from cove.boundaries.testing import seed_many

pytestmark = pytest.mark.django_db

# Session, user, key bundle and area key lookups plus the page's own reads.
PAGE_QUERIES = 8
# The same, plus saving the item and its change inside a transaction; each of those two
# saves also reads its area key's version under lock (cove.vault.keyring.sealing_key) and
# checks the partner snapshot of boundaries (cove.partners: a savepoint and one read). All
# constant per save, never proportional to the history.
CHANGE_QUERIES = 18
PATHS = (
    "/boundaries/",
    "/boundaries/s/touch/",
    "/boundaries/s/touch/?page=2",
    "/boundaries/changes/",
    "/boundaries/changes/?page=150",
    "/boundaries/review/?n=250",
    "/boundaries/summary/?c=touch&c=words",
)


def test_a_long_history_keeps_every_page_bounded(survivor, django_assert_max_num_queries):
    seed_many(survivor.vault(), items=500, changes=5000)
    assert BoundaryItem.objects.filter(owner=survivor.user).count() == 500
    assert BoundaryChange.objects.filter(owner=survivor.user).count() == 5000
    # Bulk seeding skips the sealed index; the first group page rebuilds it once.
    survivor.client.get("/boundaries/s/talk/")

    counts = {}
    for path in PATHS:
        with django_assert_max_num_queries(PAGE_QUERIES) as queries:
            response = survivor.client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(queries)

    html = survivor.client.get("/boundaries/s/touch/").content.decode()
    assert html.count('class="card b-row"') <= 20
    html = survivor.client.get("/boundaries/changes/").content.decode()
    assert html.count('<li><span class="b-what">') == 25

    record = BoundaryItem.objects.filter(owner=survivor.user).order_by("created_at")[300]
    with django_assert_max_num_queries(CHANGE_QUERIES) as queries:
        response = survivor.post(f"/boundaries/items/{record.pk}/", {"state": "maybe"}, htmx=True)
    assert response.status_code == 200
    print("queries per page:", counts, "one change:", len(queries))
