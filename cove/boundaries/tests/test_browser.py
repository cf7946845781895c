"""Boundaries in a real browser: filling in, changing, history, review, rehearsing, axe, 360 px."""

from __future__ import annotations

import re

import pytest

from cove.boundaries import catalogue, comfort, phrases, services, situations, wishes
from cove.testing_browser import axe, shot, sign_in

pytestmark = pytest.mark.browser


def _seed(person):
    vault = person.vault()
    services.answer_item(vault, "touch.hug_behind", "no")
    services.answer_item(vault, "touch.hug_behind", "maybe", "I can see you first", True)
    services.answer_item(vault, "areas.hands", "yes")
    services.add_own_item(vault, "Someone playing with my hair", "touch", "maybe")
    services.set_review_cadence(vault, 30)
    comfort.add_comfort(vault, "A cup of tea, made without asking")
    situation = situations.add_situation(vault, "Crowded lifts", "avoid", "Take the stairs.")
    situations.change_situation(vault, situation.pk, "Crowded lifts", "plan", "Take the stairs.")
    wishes.answer_wish(vault, "wish.dance", "maybe")
    phrases.set_favourite(vault, "p.pause.pause", True)
    phrases.add_own_phrase(vault, "Let me catch my breath.", "pausing")
    return situation


def test_changing_one_item_is_instant_and_one_request(page, signed_in):
    signed_in(page)
    page.goto("/boundaries/")
    # Wait for the section to load whole: htmx (deferred) must be ready before the change, or
    # a busy machine lets the radio change with nothing there to send it.
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Everyday touch").click()
    page.evaluate("window.__stayed = true")
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    group = page.get_by_role("group", name="Hugs from behind")
    group.get_by_label("Maybe").check()
    page.get_by_role("status").filter(has_text="Saved: Hugs from behind — Maybe").wait_for()
    assert page.evaluate("window.__stayed") is True  # no page load: only the row changed
    assert len(posts) == 1
    # Keyboard focus stays on the control that was used.
    assert page.evaluate("document.activeElement.value") == "maybe"
    group = page.get_by_role("group", name="Hugs from behind")
    group.get_by_text("“Only if…” and “ask me first”").click()
    group.get_by_label("Only if…").fill("after a hello")
    # Wait for this save's answer itself: the status still shows the first save, and reads no
    # longer queue behind writes, so leaving early could read the history before it lands.
    with page.expect_response(lambda r: r.request.method == "POST"):
        group.get_by_label("Only if…").press("Tab")
    page.get_by_role("status").filter(has_text="Saved: Hugs from behind").wait_for()
    assert len(posts) == 2
    page.goto("/boundaries/changes/")
    page.get_by_text(re.compile("Hugs from behind: you chose Maybe")).wait_for()
    page.get_by_text(re.compile("you changed “only if…”")).wait_for()
    axe(page)


def test_filling_in_without_javascript(browser, live_server, make_person):
    person = make_person()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False,
                                  viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        sign_in(page, person.username, person.passphrase)
        page.goto("/boundaries/s/touch/")
        group = page.get_by_role("group", name="Hugs from the front")
        group.get_by_label("Not now").check()
        group.get_by_role("button", name="Save").click()
        page.get_by_text("Saved: Hugs from the front — Not now").wait_for()
        assert page.get_by_role("group", name="Hugs from the front").get_by_label(
            "Not now").is_checked()
        shot(page, "boundaries-section-no-js-360")
        page.goto("/boundaries/phrases/practice/?set=stopping")
        page.get_by_text("Stop, please.").wait_for()
        page.get_by_role("link", name="Next").click()
        page.get_by_text("I'm done for today.").wait_for()
    finally:
        context.close()


def test_history_review_and_settings(page, signed_in):
    person = signed_in(page)
    _seed(person)
    page.goto("/boundaries/changes/")
    page.get_by_text(re.compile("Hugs from behind: No → Maybe")).wait_for()
    axe(page)
    page.goto("/boundaries/review/")
    first = page.locator("legend").first.inner_text()
    page.get_by_label("Only if…").press("Enter")  # Enter keeps things as they are
    page.wait_for_url(re.compile(r"n=1"))
    assert page.locator("legend").first.inner_text() != first
    axe(page)
    page.get_by_role("button", name="Stop for now").click()
    page.get_by_text("Stopped for now.").wait_for()
    page.goto("/boundaries/review/settings/")
    page.get_by_label("Every three months").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved. You can change this any time.").wait_for()


def test_rehearsing_with_the_keyboard(page, signed_in):
    person = signed_in(page)
    _seed(person)
    stopping = [m.slug for m in catalogue.MOMENTS].index("stopping") + 1
    page.goto(f"/boundaries/phrases/?part={stopping}")
    button = page.get_by_role("button", name=re.compile(r"^Favourite\s*: Stop, please\.$"))
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    page.get_by_role("status").filter(has_text="Added to favourites.").wait_for()
    button = page.get_by_role("button", name=re.compile(r"^Favourite\s*: Stop, please\.$"))
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.activeElement.id") == button.get_attribute("id")
    page.get_by_role("link", name="Practise my favourites").click()
    page.wait_for_url(re.compile("set=favourites"))
    page.get_by_text("I need a pause.").wait_for()
    phrase = page.locator("#phrase")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile("n=1"))
    assert phrase.inner_text() == "Let me catch my breath."
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile("n=2"))
    assert phrase.inner_text() == "Stop, please."
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile("n=1"))
    assert phrase.inner_text() == "Let me catch my breath."
    axe(page)


def test_summary_prints_chosen_groups(page, signed_in):
    person = signed_in(page)
    _seed(person)
    page.goto("/boundaries/summary/")
    page.get_by_label("Everyday touch").check()
    page.get_by_role("button", name="Show summary").click()
    page.get_by_text("I can see you first").wait_for()
    page.get_by_role("button", name="Print").wait_for()  # shown by the script once loaded
    assert "Hands" not in page.locator(".b-summary").inner_text()
    axe(page)


@pytest.mark.parametrize("name", ["index", "section", "more", "add", "edit", "changes", "review",
                                  "review-settings", "summary", "comfort", "comfort-edit", "map",
                                  "map-edit", "map-changes", "wishes", "phrases", "rehearse"])
def test_every_page_passes_axe_at_360px(phone_page, signed_in, name):
    person = signed_in(phone_page)
    situation = _seed(person)
    vault = person.vault()
    own = next(r for r in services.items(vault) if not r.key)
    gesture = comfort.comfort_list(vault)[0]
    paths = {
        "index": "/boundaries/", "section": "/boundaries/s/touch/",
        "more": "/boundaries/s/more/", "add": "/boundaries/items/add/",
        "edit": f"/boundaries/items/{own.pk}/edit/", "changes": "/boundaries/changes/",
        "review": "/boundaries/review/", "review-settings": "/boundaries/review/settings/",
        "summary": "/boundaries/summary/?c=touch&c=areas", "comfort": "/boundaries/comfort/",
        "comfort-edit": f"/boundaries/comfort/{gesture.pk}/", "map": "/boundaries/map/",
        "map-edit": f"/boundaries/map/{situation.pk}/", "map-changes": "/boundaries/map/changes/",
        "wishes": "/boundaries/someday/", "phrases": "/boundaries/phrases/",
        "rehearse": "/boundaries/phrases/practice/?set=pausing",
    }
    phone_page.goto(paths[name])
    axe(phone_page)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{name} scrolls sideways: {width}px"
    shot(phone_page, f"boundaries-{name}-360")
