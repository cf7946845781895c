"""The plan pages in real Chromium: accessible, usable on a phone, and offline only by choice."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from cove.testing_browser import axe, shot

pytestmark = pytest.mark.browser

PLAN_PAGES = [
    "/plan/", "/plan/edit/", "/plan/calm/", "/plan/print/", "/plan/versions/",
    "/plan/this-device/", "/plan/comfort/", "/plan/comfort/edit/", "/plan/first-session/",
    "/plan/first-session/edit/",
]


def _next(page, part: int) -> None:
    """Press Next and wait until part `part` is shown (swapped in by htmx)."""
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#steps-where")).to_have_text(f"Part {part} of 6")


def _fill_plan(page) -> None:
    page.goto("/plan/edit/")
    page.get_by_role("textbox", name="Signs that a hard time is starting").fill("I go quiet")
    for part in range(2, 6):
        _next(page, part)
    page.get_by_role("textbox", name="My stop word").fill("Amber")
    _next(page, 6)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".message")).to_contain_text("Saved.")


def test_every_plan_page_passes_axe(page, signed_in) -> None:
    signed_in(page)
    for path in ["/plan/", "/plan/comfort/", "/plan/first-session/"]:  # the empty states
        page.goto(path)
        axe(page)
    _fill_plan(page)
    for path in PLAN_PAGES:
        page.goto(path)
        axe(page)
    page.goto("/plan/versions/")
    page.locator(".version-list a").first.click()
    axe(page)


def test_tapping_an_example_adds_it_to_the_box(page, signed_in) -> None:
    signed_in(page)
    page.goto("/plan/edit/?part=6")
    box = page.get_by_role("textbox", name="The aftercare I want")
    box.fill("Tea")
    page.get_by_role("button", name="Add A warm blanket").click()
    expect(box).to_have_value("Tea\nA warm blanket")
    page.goto("/plan/edit/?part=5")
    page.get_by_role("button", name="Add Orange").click()
    expect(page.get_by_role("textbox", name="My stop word")).to_have_value("Orange")


def test_the_plan_on_this_device_works_offline_and_is_removed_when_switched_off(
    page, signed_in
) -> None:
    signed_in(page)
    _fill_plan(page)
    page.goto("/plan/this-device/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    status = page.locator(".js-offline-status")
    expect(status).to_have_text("No copy of your plan is kept on this device.")
    page.get_by_role("button", name="Keep a copy on this device").click()
    expect(status).to_have_text("A copy of your plan is kept on this device.")

    page.watch.allow_console("net::ERR_INTERNET_DISCONNECTED")
    page.context.set_offline(True)
    try:
        page.goto("/plan/calm/")
        expect(page.locator("main")).to_contain_text("I go quiet")
        page.reload()
        expect(page.locator("main")).to_contain_text("Amber")
    finally:
        page.context.set_offline(False)

    page.goto("/plan/this-device/")
    page.get_by_role("button", name="Remove the copy from this device").click()
    expect(status).to_have_text("No copy of your plan is kept on this device.")
    assert page.evaluate("caches.has('cove-plan')") is False


def test_without_the_switch_the_plan_is_not_kept_for_offline_use(page, signed_in) -> None:
    signed_in(page)
    _fill_plan(page)
    page.goto("/plan/calm/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.goto("/plan/")
    assert page.evaluate("caches.has('cove-plan')") is False
    kept = page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) {
                urls.push(new URL(request.url).pathname);
            }
        }
        return urls;
    }""")
    assert kept, "the public pages are kept"
    assert not [url for url in kept if url.startswith(("/plan/", "/account/"))]


def test_signing_out_removes_the_copy(page, signed_in) -> None:
    signed_in(page)
    _fill_plan(page)
    page.goto("/plan/this-device/")
    page.get_by_role("button", name="Keep a copy on this device").click()
    expect(page.locator(".js-offline-status")).to_have_text(
        "A copy of your plan is kept on this device."
    )
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    page.goto("/help/")
    assert page.evaluate("caches.has('cove-plan')") is False


def test_leaving_quickly_removes_the_copy(page, signed_in) -> None:
    signed_in(page)
    _fill_plan(page)
    page.goto("/plan/this-device/")
    page.get_by_role("button", name="Keep a copy on this device").click()
    expect(page.locator(".js-offline-status")).to_have_text(
        "A copy of your plan is kept on this device."
    )
    page.get_by_role("button", name="Leave quickly").click()
    page.wait_for_url("https://weather.example.org/**")
    origin_page = page.context.new_page()
    origin_page.goto("/help/")
    assert origin_page.evaluate("caches.has('cove-plan')") is False
    origin_page.close()


def test_plan_pages_at_phone_width(phone_page, signed_in) -> None:
    signed_in(phone_page)
    phone_page.goto("/plan/")
    shot(phone_page, "plan-empty-360")
    _fill_plan(phone_page)
    phone_page.goto("/plan/edit/")
    shot(phone_page, "plan-edit-360")
    phone_page.goto("/plan/calm/")
    shot(phone_page, "plan-calm-360")
    phone_page.goto("/plan/comfort/edit/")
    shot(phone_page, "plan-comfort-edit-360")
    phone_page.goto("/plan/this-device/")
    shot(phone_page, "plan-this-device-360")
    for path in PLAN_PAGES:
        phone_page.goto(path)
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360, path


def test_the_print_view_fits_on_two_pages(page, signed_in, tmp_path) -> None:
    signed_in(page)
    page.goto("/plan/edit/")
    labels = {1: ["Signs that a hard time is starting", "Things I can do on my own"],
              2: ["People I can ask for help"], 6: ["The aftercare I want"]}
    for part in range(1, 7):
        if part > 1:
            _next(page, part)
        for label in labels.get(part, []):
            page.get_by_role("textbox", name=label).fill("My own words\nAnother line\nA third one")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".message")).to_contain_text("Saved.")
    page.goto("/plan/print/")
    pdf = page.pdf(path=str(tmp_path / "plan.pdf"), format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 2, f"{pages} pages"
