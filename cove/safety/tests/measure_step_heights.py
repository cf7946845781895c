"""On demand: the tallest page of each long form at 360x740 (docs/design.md, "Forms in steps").

Not collected by the test run (the name does not start with test_). Run it by name:

    uv run pytest -q -s -m browser cove/safety/tests/measure_step_heights.py

It prints one line per form: the form, the page that is tallest, and its height in px.
A form in steps is measured on every step; a single-page form on its one page.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

HEIGHT = "document.documentElement.scrollHeight"


def _tallest(page, paths):
    heights = {}
    for path in paths:
        page.goto(path)
        heights[path] = page.evaluate(HEIGHT)
    path = max(heights, key=lambda p: heights[p])
    return path, heights[path]


def _report(name, found):
    print(f"\nMEASURE {name}: {found[1]} px at {found[0]}")


def test_measure_tallest_page_of_each_long_form(phone_page, signed_in, make_person) -> None:
    from cove.boundaries import catalogue
    from cove.together import wishes
    from cove.together.testing import base, link_people

    person = signed_in(phone_page)
    phone_page.goto("/plan/edit/")
    stepped = phone_page.locator("#steps-where").count() > 0
    plan = [f"/plan/edit/?part={n}" for n in range(1, 7)] if stepped else ["/plan/edit/"]
    _report("safety plan", _tallest(phone_page, plan))
    sections = [f"/boundaries/s/{c.slug}/" for c in catalogue.CATEGORIES]  # their part 1
    _report("boundaries section", _tallest(phone_page, sections))
    phrase_parts = [f"/boundaries/phrases/?part={n}"
                    for n in range(1, len(catalogue.MOMENTS) + 1)]
    _report("phrases", _tallest(phone_page, phrase_parts))
    partner = make_person()
    link = link_people(person, partner)
    wish_round = wishes.start_round(person.vault(), link, 7)
    url = f"{base(link)}wishes/{wish_round.pk}/answer/"
    phone_page.goto(url)
    stepped = phone_page.locator("#steps-where").count() > 0
    _report("wishes", _tallest(phone_page, [f"{url}?part={n}" for n in range(1, 6)]
                               if stepped else [url]))
