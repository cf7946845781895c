"""The breathing shape moves smoothly; with reduced motion the words and a count lead."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCALE = "(() => { const m = getComputedStyle(document.querySelector('.pacer__shape')).transform;" \
        " return m === 'none' ? 1 : new DOMMatrix(m).a; })()"


def test_the_breathing_shape_grows_gradually_not_in_one_jump(page) -> None:
    page.goto("/grounding/box/")
    page.get_by_role("button", name="Start").click()
    sizes = []
    for _ in range(6):
        page.wait_for_timeout(400)
        sizes.append(page.evaluate(SCALE))
    # Box breathing starts with a 4-second breath in: the shape is part-way for most of it.
    between = [s for s in sizes if 0.6 < s < 0.97]
    assert len(between) >= 3, sizes
    assert sizes == sorted(sizes), sizes


def test_the_phase_lasts_as_long_as_its_transition(page) -> None:
    page.goto("/grounding/box/")
    page.get_by_role("button", name="Start").click()
    duration = page.evaluate(
        "getComputedStyle(document.querySelector('.pacer__shape')).transitionDuration")
    assert duration == "4s"


def test_pausing_holds_the_shape_where_it_is(page) -> None:
    page.goto("/grounding/box/")
    page.get_by_role("button", name="Start").click()
    page.wait_for_timeout(1500)
    page.get_by_role("button", name="Pause").click()
    held = page.evaluate(SCALE)
    page.wait_for_timeout(1200)
    assert abs(page.evaluate(SCALE) - held) < 0.01
    assert 0.6 < held < 0.97


def test_with_reduced_motion_the_shape_stays_still_and_a_count_shows(calm_page) -> None:
    calm_page.goto("/grounding/box/")
    calm_page.get_by_role("button", name="Start").click()
    calm_page.wait_for_timeout(1200)
    assert calm_page.evaluate(SCALE) == 1
    count = calm_page.locator(".js-count")
    expect(count).to_be_visible()
    expect(count).to_contain_text("second")
    assert float(count.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 32


def test_stopped_is_said_once_in_grounding(page) -> None:
    page.goto("/grounding/paced/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Stop").click()
    expect(page.locator(".js-live")).to_contain_text("Stopped")
    tree = page.locator("#runner").aria_snapshot()
    assert tree.count("Stopped") == 1, tree
