"""Grounding exercises in real Chromium: keyboard, screen readers, reduced motion, offline."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cove.grounding.exercises import EXERCISES
from cove.testing_browser import axe, shot

pytestmark = pytest.mark.browser


def _tab_to(page, name: str, limit: int = 60) -> None:
    """Press Tab until the focused element is the button with this name."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement && document.activeElement.textContent")
        if (focused or "").strip() == name:
            return
    raise AssertionError(f"could not reach {name!r} by keyboard")


def test_an_exercise_starts_pauses_and_stops_by_keyboard(page) -> None:
    page.goto("/grounding/box/")
    _tab_to(page, "Start")
    page.keyboard.press("Enter")
    live = page.locator(".js-live")
    expect(page.locator(".js-live")).to_contain_text("Breathe in")
    assert "Round 1 of 4" in live.text_content()
    assert page.locator(".js-start").is_hidden()
    assert page.locator(".js-resume").is_hidden()
    # Focus moves to Pause, so one more key pauses.
    assert page.evaluate("document.activeElement.textContent.trim()") == "Pause"
    page.keyboard.press("Enter")
    expect(page.locator(".js-live")).to_contain_text("Paused")
    phase_before = page.locator(".js-count").text_content()
    page.wait_for_timeout(1500)
    assert page.locator(".js-count").text_content() == phase_before
    _tab_to(page, "Stop")
    page.keyboard.press("Enter")
    expect(page.locator(".js-live")).to_contain_text("Stopped")
    assert page.locator(".js-start").is_visible()
    assert page.evaluate("document.activeElement.id") == "after"


def test_escape_stops_a_running_exercise(page) -> None:
    page.goto("/grounding/paced/")
    page.get_by_role("button", name="Start").click()
    page.keyboard.press("Escape")
    expect(page.locator(".js-live")).to_contain_text("Stopped")


def test_phases_are_announced_once_each_not_every_second(page) -> None:
    page.goto("/grounding/box/")
    page.evaluate("""() => {
        window.announced = [];
        new MutationObserver(() => {
            const text = document.querySelector('.js-live').textContent;
            if (text) { window.announced.push(text); }
        }).observe(document.querySelector('.js-live'), {childList: true, characterData: true,
                                                         subtree: true});
    }""")
    assert not page.get_by_label("Include the holds").is_checked()
    page.get_by_role("button", name="Start").click()
    page.wait_for_timeout(5500)  # one 4-second phase and into the next
    announced = page.evaluate("window.announced")
    assert announced[0].startswith("Round 1 of 4")
    assert announced[1] == "Breathe out"  # holds switched off
    assert len(announced) == 2


def test_no_sound_plays_unless_turned_on(page) -> None:
    page.add_init_script("""
        window.audioContexts = 0;
        const Real = window.AudioContext;
        window.AudioContext = function () { window.audioContexts += 1; return new Real(); };
    """)
    page.goto("/grounding/box/")
    page.get_by_role("button", name="Start").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.audioContexts") == 0
    assert not page.get_by_label("A soft sound at each change").is_checked()


def test_senses_go_one_at_a_time_with_a_notes_box_for_each(page) -> None:
    page.goto("/grounding/senses/")
    page.get_by_role("button", name="Start").click()
    assert page.locator(".js-phase").text_content() == "Five things you can see"
    page.get_by_label("What you see (optional, not saved)").fill("a lamp")
    page.get_by_role("button", name="Next").click()
    assert page.locator(".js-phase").text_content() == "Four things you can touch"
    expect(page.get_by_label("What you see (optional, not saved)")).to_be_hidden()
    page.get_by_label("What you touch (optional, not saved)").fill("my sleeve")
    for _ in range(4):
        page.get_by_role("button", name="Next").click()
    # At the end, what was written shows again; empty boxes stay out of the way.
    expect(page.get_by_label("What you see (optional, not saved)")).to_have_value("a lamp")
    expect(page.get_by_label("What you touch (optional, not saved)")).to_be_visible()
    expect(page.get_by_label("What you hear (optional, not saved)")).to_be_hidden()


def test_box_breathing_holds_run_only_when_turned_on(page) -> None:
    page.goto("/grounding/box/")
    page.get_by_label("Include the holds").check()
    page.get_by_role("button", name="Start").click()
    page.wait_for_timeout(4300)
    expect(page.locator(".js-phase")).to_have_text("Hold")


def test_paced_breathing_keeps_the_breath_out_longer(page) -> None:
    page.goto("/grounding/paced/")
    page.get_by_label("Breathe in for").select_option("6")
    expect(page.get_by_label("Breathe out for")).to_have_value("7")
    disabled = page.evaluate(
        "[...document.querySelectorAll('#set-out option')].filter(o => o.disabled)"
        ".map(o => o.value)")
    assert disabled == ["4", "5", "6"]


def _announced_groups(page) -> list[str]:
    """Run the whole exercise on a fast clock and return every phase it announced."""
    page.evaluate("""() => {
        window.announced = [];
        new MutationObserver(() => {
            const text = document.querySelector('.js-phase').textContent;
            if (text) { window.announced.push(text); }
        }).observe(document.querySelector('.js-phase'), {childList: true, subtree: true,
                                                          characterData: true});
    }""")
    page.get_by_role("button", name="Start").click()
    for _ in range(400):
        page.clock.run_for(1000)
    return page.evaluate("window.announced")


def test_muscle_relaxation_skips_belly_and_thighs_unless_chosen(page) -> None:
    page.clock.install()
    page.goto("/grounding/muscles/")
    assert not page.get_by_label("Include the belly and thighs").is_checked()
    announced = _announced_groups(page)
    assert "Hands" in announced and "Calves" in announced and "Feet" in announced
    assert "Belly" not in announced and "Thighs" not in announced


def test_muscle_relaxation_includes_belly_and_thighs_when_chosen(page) -> None:
    page.clock.install()
    page.goto("/grounding/muscles/")
    page.get_by_label("Include the belly and thighs").check()
    announced = _announced_groups(page)
    assert "Belly" in announced and "Thighs" in announced


def test_reduced_motion_shows_no_animation(calm_page) -> None:
    calm_page.goto("/grounding/paced/")
    calm_page.get_by_role("button", name="Start").click()
    shape = calm_page.locator(".pacer__shape")
    assert shape.get_attribute("data-kind") == "in"
    style = calm_page.evaluate("""() => {
        const s = getComputedStyle(document.querySelector('.pacer__shape'));
        return {animation: s.animationName, transform: s.transform};
    }""")
    assert style == {"animation": "none", "transform": "none"}
    # The words carry the pace instead.
    assert calm_page.locator(".js-phase").text_content() == "Breathe in"


def test_the_pacer_moves_when_motion_is_welcome(page) -> None:
    page.goto("/grounding/paced/")
    page.get_by_role("button", name="Start").click()
    page.wait_for_timeout(1000)
    scale = page.evaluate(
        "new DOMMatrix(getComputedStyle(document.querySelector('.pacer__shape')).transform).a")
    assert 0.55 < scale < 1


def test_grounding_pages_pass_axe(page) -> None:
    page.goto("/grounding/")
    axe(page)
    for exercise in EXERCISES:
        page.goto(f"/grounding/{exercise.slug}/")
        axe(page)
    page.goto("/grounding/box/")
    page.get_by_role("button", name="Start").click()
    axe(page)


def test_grounding_pages_at_phone_width(phone_page) -> None:
    phone_page.goto("/grounding/")
    shot(phone_page, "grounding-index-360")
    phone_page.goto("/grounding/box/")
    phone_page.get_by_role("button", name="Start").click()
    phone_page.wait_for_timeout(2000)
    shot(phone_page, "grounding-box-running-360")
    phone_page.goto("/grounding/senses/")
    phone_page.get_by_label("About the same").check()
    phone_page.get_by_role("button", name="Answer").click()
    shot(phone_page, "grounding-senses-answered-360")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


def test_grounding_and_help_work_offline_after_one_visit(page) -> None:
    page.goto("/grounding/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # the worker now controls the page
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    page.watch.allow_console("net::ERR_INTERNET_DISCONNECTED")
    page.context.set_offline(True)
    try:
        # The network really is gone for anything the worker does not keep ...
        assert page.evaluate("fetch('/healthz').then(() => 'online', () => 'offline')") == "offline"
        # ... yet the kept pages and their styles and scripts still load.
        for path, heading in [("/grounding/", "Grounding and breathing"),
                              ("/grounding/box/", "Box breathing"),
                              ("/help/", "Get help now"),
                              ("/help/guide/more-support/", "Knowing when to get more help")]:
            page.goto(path)
            assert page.locator("h1").text_content() == heading
        page.reload()
        assert page.locator("h1").text_content() == "Knowing when to get more help"
        assert page.evaluate(
            "getComputedStyle(document.querySelector('.site-menu')).borderBottomStyle"
        ) == "solid"
        page.goto("/grounding/box/")
        page.get_by_role("button", name="Start").click()
        expect(page.locator(".js-live")).to_contain_text("Breathe in")
    finally:
        page.context.set_offline(False)


def test_a_signed_in_answer_is_kept_only_when_ticked_and_shown_in_notes(page, signed_in) -> None:
    signed_in(page)
    page.goto("/grounding/box/")
    axe(page)
    page.get_by_label("A little calmer").check()
    page.get_by_label("Keep my answer in my notes (only I can see it)").check()
    page.get_by_role("button", name="Answer").click()
    expect(page.locator("#after")).to_contain_text("Your answer is kept in your notes.")
    page.goto("/grounding/notes/")
    expect(page.locator("table")).to_contain_text("A little calmer")
    axe(page)


def test_an_answer_shows_its_reply_without_sending_anything(page) -> None:
    page.goto("/grounding/paced/")
    page.wait_for_load_state("networkidle")
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if request.method == "POST" else None)
    page.get_by_label("Not okay right now").check()
    page.get_by_role("button", name="Answer").click()
    reply = page.locator('[data-feeling="not-okay"]')
    expect(reply).to_be_visible()
    expect(reply).to_contain_text("have to get through this alone")
    assert reply.get_by_role("link", name="Get help now").is_visible()
    assert sent == []
    assert page.url.endswith("/grounding/paced/")
    axe(page)
