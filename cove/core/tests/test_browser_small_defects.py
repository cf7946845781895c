"""Small defects from the look-and-feel review (issue 18.7) that only a browser shows."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cove.ladder.models import PracticeSession
from cove.ladder.tests.helpers import make_ladder, steps

pytestmark = pytest.mark.browser


def test_no_answer_on_the_check_in_does_not_look_like_the_main_button(phone_page, signed_in):
    signed_in(phone_page)
    phone_page.goto("/progress/today/")
    skip = phone_page.locator(".scale__option--skip input:checked + span").first
    save = phone_page.get_by_role("button", name="Save")
    look = "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.borderStyle]; }"
    assert skip.evaluate(look) != save.evaluate(look)
    assert skip.evaluate(look)[1] == "dashed"


def test_an_example_tapped_twice_is_added_once(page, signed_in):
    signed_in(page)
    page.goto("/plan/edit/")
    chip = page.locator("button.chip[data-target]:not([data-replace])").first
    box = page.locator("#" + chip.get_attribute("data-target"))
    chip.click()
    chip.click()
    text = chip.get_attribute("data-text")
    assert box.input_value().count(text) == 1


def test_ask_me_first_stays_ticked_after_typing_only_if(page, signed_in):
    signed_in(page)
    page.goto("/boundaries/")
    # htmx is deferred: wait for the section to load whole, or a busy machine lets the box
    # be ticked with nothing there yet to send it.
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Everyday touch").click()
    group = page.get_by_role("group", name="Hugs from behind")
    group.get_by_text("“Only if…” and “ask me first”").click()
    group.get_by_label("Only if…").fill("after a hello")
    with page.expect_response(lambda r: r.request.method == "POST"):
        group.get_by_label("Ask me first").check()
    page.wait_for_load_state("networkidle")
    page.reload()
    group = page.get_by_role("group", name="Hugs from behind")
    assert group.get_by_label("Ask me first").is_checked()
    assert group.get_by_label("Only if…").input_value() == "after a hello"


def test_still_ok_is_in_view_without_scrolling_at_360_px(phone_page, signed_in):
    person = signed_in(phone_page)
    step = steps(person, make_ladder(person))[1]
    assert person.post(f"/ladder/step/{step.pk}/begin/", {"answer": "yes"}).status_code == 302
    session = PracticeSession.objects.owned_by(person.vault()).get()
    before = {"expected": "40", "now": "20", "minutes": "10", "checkin_every": "5"}
    assert person.post(f"/ladder/practice/{session.pk}/before/", before).status_code == 302
    phone_page.clock.install()
    phone_page.goto(f"/ladder/practice/{session.pk}/")
    phone_page.clock.fast_forward("05:05")
    expect(phone_page.get_by_role("heading", name="Still OK?")).to_be_visible()
    box = phone_page.locator("#gentle-checkin").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740, box
    for name in ("Continue", "Slow down", "Pause"):
        button = phone_page.locator("#gentle-checkin").get_by_role("button", name=name)
        assert button.bounding_box()["y"] + 44 <= 740
