"""Lists shown newest first page through one pager (cove/includes/pager.html)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cove
from cove.safety import services as safety

ROOT = Path(cove.__file__).parent
# These read in parts from first to last, with the parts bar (cove/includes/steps.html).
IN_PARTS = {"ladder/templates/ladder/ladder.html", "boundaries/templates/boundaries/section.html"}


def test_no_template_draws_its_own_newer_and_older_links():
    own = sorted(str(path.relative_to(ROOT)) for path in ROOT.glob("**/templates/**/*.html")
                 if "previous_page_number" in path.read_text())
    assert own == sorted({"core/templates/cove/includes/pager.html", *IN_PARTS})


@pytest.mark.django_db
def test_the_pager_says_where_you_are(survivor):
    vault = survivor.vault()
    for number in range(25):
        safety.save_plan(vault, {"warning_signs": f"sign {number}"})
    page = survivor.client.get("/plan/versions/").content.decode()
    assert "Page 1 of 2" in page and 'href="?page=2">Older</a>' in page
    page = survivor.client.get("/plan/versions/", {"page": 2}).content.decode()
    assert "Page 2 of 2" in page and 'href="?page=1">Newer</a>' in page
