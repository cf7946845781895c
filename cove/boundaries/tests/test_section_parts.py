"""A boundaries section comes in short parts, and a save returns to the part it was on."""

from __future__ import annotations

import pytest

from cove.boundaries import catalogue
from cove.boundaries.services import SECTION_PAGE_SIZE

pytestmark = pytest.mark.django_db


def test_a_section_shows_a_few_items_and_where_you_are(survivor):
    html = survivor.client.get("/boundaries/s/more/").content.decode()
    total = -(-len(catalogue.items_in("more")) // SECTION_PAGE_SIZE)
    assert html.count('class="card b-row"') == SECTION_PAGE_SIZE
    assert f"Part 1 of {total}" in html
    assert 'href="?page=2#steps-where"' in html


def test_the_last_part_has_a_way_back_and_no_next(survivor):
    total = -(-len(catalogue.items_in("more")) // SECTION_PAGE_SIZE)
    html = survivor.client.get(f"/boundaries/s/more/?page={total}").content.decode()
    assert f"Part {total} of {total}" in html
    assert f'href="?page={total - 1}#steps-where"' in html
    assert f'href="?page={total + 1}' not in html


def test_saving_without_javascript_returns_to_the_part_that_holds_the_item(survivor):
    item = catalogue.items_in("more")[SECTION_PAGE_SIZE]  # the first item of part 2
    response = survivor.post("/boundaries/items/new/", {"key": item.key, "state": "maybe"})
    assert response.status_code == 302
    assert response.url == (f"/boundaries/s/more/?page=2"
                            f"#b-i{catalogue.ITEM_NUMBER[item.key]}")


def test_an_item_on_the_first_part_returns_to_the_plain_address(survivor):
    item = catalogue.items_in("more")[0]
    response = survivor.post("/boundaries/items/new/", {"key": item.key, "state": "yes"})
    assert response.url == f"/boundaries/s/more/#b-i{catalogue.ITEM_NUMBER[item.key]}"
