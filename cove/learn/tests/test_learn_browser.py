"""Learn in real Chromium: accessible, readable at phone width, and kept for offline use."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cove.learn.topics import TOPICS
from cove.testing_browser import axe, shot

pytestmark = pytest.mark.browser


def test_learn_pages_pass_axe(page) -> None:
    for path in ["/learn/", "/learn/pause/"] + [f"/learn/{t.slug}/" for t in TOPICS]:
        page.goto(path)
        axe(page)


def test_hard_to_read_leads_to_a_calm_stop(page) -> None:
    page.goto("/learn/coming-back/")
    page.get_by_role("link", name="This is hard to read right now").first.click()
    expect(page.locator("h1")).to_have_text("You can stop here")


def test_read_on_moves_past_the_content_note(page) -> None:
    page.goto("/learn/body-care/")
    page.get_by_role("link", name="Read on").click()
    assert page.evaluate("location.hash") == "#read"
    assert page.evaluate("document.activeElement.id") == "read"


@pytest.mark.parametrize("slug", ["body", "body-care", "partners"])
def test_three_topics_at_phone_width(phone_page, slug: str) -> None:
    phone_page.goto(f"/learn/{slug}/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(phone_page, f"learn-{slug}-360")


def test_learn_works_offline_after_one_visit(page) -> None:
    page.goto("/learn/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    page.watch.allow_console("net::ERR_INTERNET_DISCONNECTED")
    page.context.set_offline(True)
    try:
        for path, heading in [("/learn/", "Learn"),
                              ("/learn/partners/", "A guide for partners"),
                              ("/learn/pause/", "You can stop here")]:
            page.goto(path)
            assert page.locator("h1").text_content() == heading
    finally:
        page.context.set_offline(False)
