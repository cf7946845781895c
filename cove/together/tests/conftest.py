from __future__ import annotations

import pytest

from cove.together.testing import link_people


@pytest.fixture
def pair(make_person):
    """A survivor and a partner with an active link: (river, sol, link)."""
    river, sol = make_person(), make_person()
    return river, sol, link_people(river, sol)
