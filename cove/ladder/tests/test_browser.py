"""The ladder and a whole practice in real Chromium: keyboard, axe, 360 px screenshots."""

from __future__ import annotations

import re

import pytest

from cove.testing_browser import axe, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FINISHED = "I\u2019m finished"


def _new_ladder(page, starter="Closeness without sex"):
    page.goto("/ladder/")
    page.get_by_role("link", name="Make a new ladder").click()
    page.get_by_label(starter).check()
    page.get_by_role("button", name="Make the ladder").click()
    page.wait_for_url(re.compile(r"/ladder/[0-9a-f-]{36}/$"))


def _practise(page, title):
    """From the ladder page: open the step, then practise it from its own page."""
    page.get_by_role("link", name=re.compile("^" + title)).click()
    page.get_by_role("link", name="Practise this step").click()


def test_one_whole_practice_by_keyboard_and_screen_reader_names(page, signed_in):
    signed_in(page)
    _new_ladder(page)
    axe(page)
    _practise(page, "Sit side by side")
    expect_heading(page, "Before anything else: a check-in")
    axe(page)
    page.get_by_role("button", name="Yes", exact=True).click()
    expect_heading(page, "Before you begin")
    axe(page)
    slider = page.get_by_label("How much distress do you feel right now?")
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    assert slider.input_value() == "25"
    assert slider.get_attribute("aria-valuetext") == "25, a little uneasy"
    assert "a little uneasy" in page.locator("#id_now_out").inner_text()
    page.get_by_label("Every 2 minutes").check()
    page.get_by_label("What are you afraid might happen?").fill("that I go numb")
    page.get_by_role("button", name="Begin the practice").click()
    expect_heading(page, "Sit side by side on the sofa")
    axe(page)
    clock = page.locator("#timer-clock")
    assert clock.is_visible()
    page.get_by_role("button", name="Hide the timer").click()
    assert not clock.is_visible()
    assert page.get_by_role("button", name="Hide the timer").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Pause", exact=True).last.click()
    expect_heading(page, "You paused. That is a good choice.")
    axe(page)
    page.get_by_role("button", name="Go on").click()
    page.get_by_role("button", name=FINISHED).click()
    expect_heading(page, "Afterwards")
    axe(page)
    page.get_by_label("What was the highest distress during the practice?").fill("40")
    page.get_by_label("What happened, compared with what you feared?").fill("I stayed present")
    page.get_by_label("This felt like a small win").check()
    page.get_by_role("button", name="Save and finish").click()
    expect_heading(page, "Thank you for taking this time")
    page.get_by_text("I stayed present").wait_for()
    axe(page)
    page.get_by_role("link", name="This step").click()
    page.get_by_role("link", name="See how it has gone").click()
    page.get_by_role("link", name="Show what the numbers say, in words").click()
    page.get_by_text("peak rating so far: 40").wait_for()
    axe(page)


def expect_heading(page, text):
    page.get_by_role("heading", level=1, name=text).wait_for()


def test_gentle_check_in_appears_at_the_chosen_interval(page, signed_in):
    signed_in(page)
    _new_ladder(page)
    _practise(page, "Hold hands")
    page.get_by_role("button", name="Yes", exact=True).click()
    page.get_by_label("Every 2 minutes").check()
    page.clock.install()
    page.get_by_role("button", name="Begin the practice").click()
    expect_heading(page, "Hold hands while we watch something")
    checkin = page.locator("#gentle-checkin")
    checkin.wait_for(state="hidden")  # practice.js holds it back until the interval
    page.clock.fast_forward("01:50")
    assert not checkin.is_visible()
    page.clock.fast_forward("00:11")
    checkin.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "gentle-h"
    page.get_by_role("button", name="Slow down").click()
    page.get_by_text("Slowing down is a good choice").wait_for()


def test_reorder_by_keyboard_in_the_browser(page, signed_in):
    signed_in(page)
    _new_ladder(page)
    ladder_url = page.url
    names = page.locator(".step__title").all_inner_texts()
    page.get_by_role("link", name=names[0], exact=True).click()
    page.get_by_role("button", name="Move down").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The page comes back at the step's place, so Tab goes on to its move buttons.
    assert page.evaluate("location.hash") == "#place"
    page.get_by_text("Step 2 of").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Move up"
    page.goto(ladder_url)
    assert page.locator(".step__title").all_inner_texts()[:2] == [names[1], names[0]]


def test_reorder_by_drag(page, signed_in):
    signed_in(page)
    _new_ladder(page)
    names = page.locator(".step__title").all_inner_texts()
    page.set_viewport_size({"width": 1280, "height": 2400})
    source = page.locator(".step__handle").nth(2)
    source.hover()
    target = page.locator(".step").nth(0).bounding_box()
    with page.expect_response(re.compile(r"/order/$")):
        page.mouse.down()
        page.mouse.move(target["x"] + 30, target["y"] + 8, steps=12)
        page.mouse.up()
    page.reload()
    after = page.locator(".step__title").all_inner_texts()
    assert after[0] == names[2]
    assert sorted(after) == sorted(names)


def fits_360(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, (page.url, width)


def test_every_ladder_page_at_360px(phone_page, signed_in):
    page = phone_page
    signed_in(page)
    page.goto("/ladder/")
    axe(page)
    shot(page, "ladder-index-360")
    fits_360(page)
    page.goto("/ladder/new/")
    axe(page)
    shot(page, "ladder-new-360")
    fits_360(page)
    _new_ladder(page, "Touch in stages, at my pace")
    axe(page)
    shot(page, "ladder-ladder-360")
    fits_360(page)
    ladder_url = page.url
    page.locator(".step__title a").first.click()
    axe(page)
    shot(page, "ladder-step-360")
    fits_360(page)
    step_url = page.url
    page.get_by_role("link", name="Make it smaller").click()
    axe(page)
    shot(page, "ladder-split-360")
    fits_360(page)
    page.goto(step_url + "edit/")
    axe(page)
    shot(page, "ladder-step-edit-360")
    fits_360(page)
    page.goto("/ladder/words/")
    axe(page)
    shot(page, "ladder-words-360")
    fits_360(page)
    page.goto(step_url + "begin/")
    axe(page)
    shot(page, "ladder-checkin-360")
    fits_360(page)
    page.get_by_role("link", name="Pause").click()
    axe(page)
    shot(page, "ladder-pause-checkin-360")
    fits_360(page)
    page.goto(step_url + "begin/")
    page.get_by_role("button", name="Not sure").click()
    axe(page)
    shot(page, "ladder-not-sure-360")
    fits_360(page)
    page.goto(step_url + "begin/")
    page.get_by_role("button", name="No", exact=True).click()
    axe(page)
    shot(page, "ladder-no-360")
    fits_360(page)
    page.goto(step_url + "begin/")
    page.get_by_role("button", name="Yes", exact=True).click()
    axe(page)
    shot(page, "ladder-before-360")
    fits_360(page)
    page.get_by_label("Every 5 minutes").check()
    page.get_by_role("button", name="Begin the practice").click()
    axe(page)
    shot(page, "ladder-during-360", full_page=False)
    fits_360(page)
    page.get_by_role("button", name="Pause", exact=True).last.click()
    axe(page)
    shot(page, "ladder-paused-360")
    fits_360(page)
    page.get_by_role("button", name="Go on").click()
    page.get_by_role("button", name=FINISHED).click()
    axe(page)
    shot(page, "ladder-after-360")
    fits_360(page)
    page.get_by_role("button", name="Save and finish").click()
    axe(page)
    shot(page, "ladder-ended-360")
    fits_360(page)
    page.goto(step_url + "progress/?facts=1")
    axe(page)
    shot(page, "ladder-progress-360")
    fits_360(page)
    for path, name in (("edit/", "rename"), ("delete/", "delete"), ("steps/new/", "new-step")):
        page.goto(ladder_url + path)
        axe(page)
        shot(page, f"ladder-{name}-360")
    fits_360(page)
    page.goto(step_url + "delete/")
    axe(page)
    page.goto(ladder_url)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width


def test_a_long_ladder_in_parts_by_keyboard_at_360px_and_on_a_desktop(phone_page, signed_in):
    from cove.ladder.bulk import fill_ladder

    page = phone_page
    person = signed_in(page)
    ladder_id = fill_ladder(person.vault(), steps=100, practices=0)
    page.goto(f"/ladder/{ladder_id}/")
    axe(page)
    shot(page, "ladder-long-360")
    fits_360(page)
    page.get_by_role("link", name="Later steps").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text("Part 2 of 5").wait_for()
    assert page.locator(".step__number").first.inner_text() == "21"
    page.set_viewport_size({"width": 1280, "height": 900})
    axe(page)
    shot(page, "ladder-long-desktop")


def test_leaving_quickly_mid_practice_keeps_it_as_it_was(page, signed_in):
    from cove.testing_browser import sign_in

    person = signed_in(page)
    _new_ladder(page)
    _practise(page, "Sit side by side")
    page.get_by_role("button", name="Yes", exact=True).click()
    page.get_by_label("What are you afraid might happen?").fill("that I panic")
    page.get_by_role("button", name="Begin the practice").click()
    expect_heading(page, "Sit side by side on the sofa")
    page.get_by_role("button", name="Leave quickly").click()
    page.wait_for_url(re.compile("weather.example.org"))
    # The sign-out is sent as a beacon while the page leaves; give it a moment to land.
    for _ in range(20):
        page.goto("/ladder/")
        if "/account/login/" in page.url:
            break
        page.wait_for_timeout(250)
    assert "/account/login/" in page.url
    sign_in(page, person.username, person.passphrase)
    page.goto("/ladder/")
    page.locator(".ladder-list a").first.click()
    page.get_by_role("link", name="Sit side by side on the sofa", exact=True).click()
    page.get_by_text("Unfinished, kept as it was").wait_for()
    page.locator(".sessions a").first.click()
    expect_heading(page, "Sit side by side on the sofa")
    assert page.get_by_role("button", name=FINISHED).is_visible()


def test_a_steps_status_and_place_are_changed_on_its_own_page(page, signed_in):
    signed_in(page)
    _new_ladder(page)
    ladder_url = page.url
    second_title = page.locator("#steps > li").nth(1).locator("h2").inner_text()
    page.get_by_role("link", name=second_title, exact=True).click()
    page.get_by_label("Where you are with it").select_option("comfortable")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved: Feels comfortable.").wait_for()
    assert page.get_by_label("Where you are with it").input_value() == "comfortable"
    page.get_by_role("button", name="Move up").click()
    page.get_by_text("Step 1 of").wait_for()
    page.goto(ladder_url)
    first = page.locator("#steps > li").nth(0)
    assert first.locator("h2").inner_text() == second_title
    assert first.locator(".status").inner_text() == "Feels comfortable"
