"""The demo survivor gets lived-in sample boundaries; other roles get none."""

from __future__ import annotations

import pytest

from cove.boundaries import comfort, demo, services
from cove.boundaries.models import BoundaryItem

pytestmark = pytest.mark.django_db


def test_demo_fills_the_survivor_pages(survivor):
    demo.populate(survivor.vault(), "survivor")
    vault = survivor.vault()
    assert BoundaryItem.objects.filter(owner=survivor.user).count() == len(demo.ANSWERS) + 1
    record = services.find_by_key(vault, "touch.hug_behind")
    assert record is not None
    assert record.state == "maybe"
    assert len(comfort.comfort_list(vault)) == 3
    for path in ("/boundaries/", "/boundaries/s/touch/", "/boundaries/changes/",
                 "/boundaries/map/", "/boundaries/someday/", "/boundaries/phrases/",
                 "/boundaries/comfort/", "/boundaries/summary/?c=touch"):
        assert survivor.client.get(path).status_code == 200


def test_demo_gives_other_roles_nothing(survivor):
    demo.populate(survivor.vault(), "partner")
    assert not BoundaryItem.objects.filter(owner=survivor.user).exists()
