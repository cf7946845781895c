"""The load benchmark's history is written with Cove's own services: keep it working."""

from __future__ import annotations

import pytest

from cove.loadbench.seed import seed

pytestmark = pytest.mark.django_db


def test_a_week_of_history_gives_the_pages_the_benchmark_measures(survivor):
    ids = seed(survivor.user.username, 7, survivor.passphrase)
    for path in (f"/ladder/{ids['ladder']}/", f"/questionnaires/{ids['questionnaire']}/",
                 "/progress/", "/journal/", "/boundaries/s/touch/"):
        assert survivor.client.get(path).status_code == 200, path
