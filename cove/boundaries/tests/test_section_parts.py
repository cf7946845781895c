"""Boundaries sections and the phrases page come in short parts; a save returns to its part."""

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


def test_the_phrases_page_shows_one_moment_per_part(survivor):
    moments = catalogue.MOMENTS
    html = survivor.client.get("/boundaries/phrases/").content.decode()
    assert f"Part 1 of {len(moments)}" in html
    assert f'id="m-{moments[0].slug}"' in html and f'id="m-{moments[1].slug}"' not in html
    second = survivor.client.get("/boundaries/phrases/?part=2").content.decode()
    assert f'id="m-{moments[1].slug}"' in second and 'href="?part=1#steps-where"' in second


def test_a_part_number_out_of_range_shows_the_nearest_part(survivor):
    last = len(catalogue.MOMENTS)
    assert f"Part {last} of {last}" in survivor.client.get(
        "/boundaries/phrases/?part=999").content.decode()
    assert "Part 1 of" in survivor.client.get("/boundaries/phrases/?part=x").content.decode()


def test_a_favourite_without_javascript_returns_to_the_part_of_its_moment(survivor):
    phrase = catalogue.PHRASES[-1]
    response = survivor.post("/boundaries/phrases/favourite/",
                             {"key": phrase.key, "favourite": "1"})
    part = [m.slug for m in catalogue.MOMENTS].index(phrase.moment) + 1
    assert response.url == f"/boundaries/phrases/?part={part}#m-{phrase.moment}"


def test_an_added_phrase_is_shown_on_the_part_of_its_moment(survivor):
    response = survivor.post("/boundaries/phrases/", {"text": "Can we go slower?",
                                                       "moment": "slowing"})
    part = [m.slug for m in catalogue.MOMENTS].index("slowing") + 1
    assert response.url == f"/boundaries/phrases/?part={part}#m-slowing"
    assert "Can we go slower?" in survivor.client.get(response.url).content.decode()


def test_a_phrase_added_on_a_part_is_offered_that_parts_moment(survivor):
    html = survivor.client.get("/boundaries/phrases/?part=3").content.decode()
    moment = catalogue.MOMENTS[2].slug
    assert f'<option value="{moment}" selected>' in html
