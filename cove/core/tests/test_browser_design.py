"""The look in a real browser: a compact top bar on phones, the menu, light and dark."""

from __future__ import annotations

import pytest

from cove.testing_browser import axe, shot

pytestmark = pytest.mark.browser

MAIN_PAGES = [
    "/", "/plan/", "/plan/comfort/", "/grounding/", "/learn/", "/boundaries/", "/ladder/",
    "/journal/", "/questionnaires/", "/progress/", "/progress/today/", "/help/",
    "/account/settings/",
]
PUBLIC_PAGES = ["/", "/help/", "/learn/", "/account/login/", "/account/signup/"]
# Where the page's own content starts: the first thing inside <main> that has a size.
CONTENT_TOP = """() => {
  const main = document.getElementById('main');
  for (const el of main.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) { return box.top; }
  }
  return main.getBoundingClientRect().top;
}"""


def _content_tops(page, routes):
    tops = {}
    for route in routes:
        page.goto(route)
        tops[route] = page.evaluate(CONTENT_TOP)
    return tops


def test_on_a_phone_signed_in_pages_start_within_the_top_120_px(phone_page, signed_in):
    signed_in(phone_page)
    tops = _content_tops(phone_page, MAIN_PAGES)
    assert {route: top for route, top in tops.items() if top > 120} == {}


def test_on_a_phone_public_pages_start_within_the_top_120_px(phone_page):
    tops = _content_tops(phone_page, PUBLIC_PAGES)
    assert {route: top for route, top in tops.items() if top > 120} == {}


def test_on_a_phone_leave_quickly_and_get_help_are_in_the_top_bar(phone_page, signed_in):
    signed_in(phone_page)
    phone_page.goto("/journal/")
    for control in (phone_page.get_by_role("button", name="Leave quickly"),
                    phone_page.get_by_role("link", name="Get help now")):
        box = control.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 60 and box["height"] >= 44


def test_on_a_wide_screen_the_menu_is_a_column_beside_the_page(page, signed_in):
    signed_in(page)
    menu = page.locator("#site-menu").bounding_box()
    main = page.locator("#main").bounding_box()
    assert menu["x"] + menu["width"] <= main["x"]
    assert main["width"] >= 700
    shot(page, "1280-light-home", full_page=False)


def test_dark_pages_can_be_chosen_without_javascript_or_content(page, signed_in):
    signed_in(page)
    page.goto("/journal/")
    page.get_by_role("button", name="Dark pages").click()
    page.wait_for_url("**/journal/")
    assert page.evaluate("document.documentElement.dataset.look") == "dark"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 24, 27)"
    cookie = [c for c in page.context.cookies() if c["name"] == "cove_look"]
    assert [c["value"] for c in cookie] == ["dark"]
    axe(page)
    page.get_by_role("button", name="Match my device").click()
    page.wait_for_url("**/journal/")
    assert page.evaluate("document.documentElement.dataset.look") is None


def test_the_device_asking_for_dark_gives_dark_pages(page):
    page.emulate_media(color_scheme="dark")
    page.goto("/help/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 24, 27)"
    axe(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_main_pages_at_phone_and_desktop_width_in_light_and_dark(page, signed_in, scheme):
    """Screenshots for a person to look at; axe must find nothing in either theme."""
    signed_in(page)
    page.emulate_media(color_scheme=scheme)
    problems = []
    for width, height in ((360, 740), (1280, 800)):
        page.set_viewport_size({"width": width, "height": height})
        for route in MAIN_PAGES:
            page.goto(route)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, route
            if width == 360:
                try:
                    axe(page)
                except AssertionError as exc:
                    problems.append(str(exc))
            name = route.strip("/").replace("/", "-") or "home"
            shot(page, f"look-{width}-{scheme}-{name}", full_page=False)
    assert not problems, "\n\n".join(problems)
