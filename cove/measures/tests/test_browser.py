"""Completing each questionnaire in real Chromium, at desktop and 360 px, with axe."""

from __future__ import annotations

from typing import Any

import pytest

from cove.testing_browser import axe, shot

pytestmark = pytest.mark.browser


def choose(page: Any, answers: list[int], labels: list[str]) -> None:
    items = page.locator("ol.measure-items > li > fieldset")
    assert items.count() == len(answers)
    for index, value in enumerate(answers):
        items.nth(index).get_by_label(labels[value], exact=True).check()


FREQUENCY = ["Not at all", "Several days", "More than half the days", "Nearly every day"]
BOTHER = ["Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely"]


def test_phq9_with_item9_above_zero_shows_the_safety_response_on_a_phone(phone_page, signed_in):
    page = phone_page
    signed_in(page)
    page.goto("/questionnaires/")
    axe(page)
    shot(page, "measures-index-phone")
    page.get_by_role("link", name="PHQ-9").click()
    page.wait_for_url("**/questionnaires/1/")
    axe(page)
    shot(page, "measures-phq9-form-phone")
    choose(page, [1, 1, 2, 1, 0, 1, 1, 0, 1], FREQUENCY)
    page.locator("fieldset.measure-item--extra").get_by_label("Somewhat difficult").check()
    page.get_by_role("button", name="Save my answers").click()
    page.wait_for_url("**/questionnaires/answers/*/")
    safety = page.get_by_role("region", name="Thank you for answering honestly")
    assert safety.is_visible()
    assert safety.get_by_role("link", name="Open my safety plan").get_attribute("href") == "/plan/"
    assert safety.get_by_text("988", exact=False).first.is_visible()
    assert page.get_by_text("Your answers add up to 8 out of 27.").is_visible()
    box_safety = safety.bounding_box()
    box_score = page.get_by_text("Your answers add up to 8 out of 27.").bounding_box()
    assert box_safety["y"] < box_score["y"]
    axe(page)
    shot(page, "measures-phq9-safety-phone")


def test_phq9_with_item9_zero_shows_help_but_no_safety_block(page, signed_in):
    signed_in(page)
    page.goto("/questionnaires/1/")
    choose(page, [3, 3, 3, 3, 3, 2, 2, 0, 0], FREQUENCY)
    page.get_by_role("button", name="Save my answers").click()
    page.wait_for_url("**/questionnaires/answers/*/")
    assert page.get_by_role("region", name="Thank you for answering honestly").count() == 0
    assert page.get_by_text("a total from 15 to 19 is called “moderately severe”",
                            exact=False).is_visible()
    assert page.locator("main").get_by_role("link", name="Get help now").is_visible()
    axe(page)


def test_gad7_can_be_completed_with_the_keyboard(page, signed_in):
    signed_in(page)
    page.goto("/questionnaires/2/")
    items = page.locator("ol.measure-items > li > fieldset")
    for index in range(7):
        first = items.nth(index).get_by_label("Not at all", exact=True)
        first.focus()
        page.keyboard.press("ArrowDown")  # moves to and selects "Several days"
    page.get_by_role("button", name="Save my answers").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/questionnaires/answers/*/")
    assert page.get_by_text("Your answers add up to 7 out of 21.").is_visible()
    assert page.get_by_text("is called “mild”", exact=False).is_visible()
    axe(page)


def test_pcl5_content_note_then_completion_on_a_phone(phone_page, signed_in):
    page = phone_page
    signed_in(page)
    page.goto("/questionnaires/3/")
    assert page.get_by_role("heading", name="Before you start").is_visible()
    axe(page)
    shot(page, "measures-pcl5-note-phone")
    page.get_by_role("link", name="Continue").click()
    page.wait_for_url("**/questionnaires/3/?begin=1")
    answers = [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0]
    choose(page, answers, BOTHER)
    axe(page)
    shot(page, "measures-pcl5-form-phone")
    page.get_by_role("button", name="Save my answers").click()
    page.wait_for_url("**/questionnaires/answers/*/")
    assert page.get_by_text("a pattern worth discussing with a professional",
                            exact=False).is_visible()
    assert page.get_by_role("table").is_visible()
    axe(page)
    shot(page, "measures-pcl5-result-phone")


def test_pcl5_past_week_completion_and_not_now(page, signed_in):
    signed_in(page)
    page.goto("/questionnaires/4/")
    page.get_by_role("link", name="Not now").click()
    page.wait_for_url("**/questionnaires/")
    page.goto("/questionnaires/4/?begin=1")
    choose(page, [1] * 20, BOTHER)
    page.get_by_role("button", name="Save my answers").click()
    page.wait_for_url("**/questionnaires/answers/*/")
    assert page.get_by_text("Your answers add up to 20 out of 80.").is_visible()
    assert page.get_by_text("do not match the pattern this questionnaire looks for, and your "
                            "total of 20 is below 33", exact=False).is_visible()
    page.goto("/questionnaires/answers/")
    axe(page)
    shot(page, "measures-past-desktop")


def test_a_high_total_shows_a_calm_next_step_on_a_phone(phone_page, signed_in):
    page = phone_page
    signed_in(page)
    page.goto("/questionnaires/3/?begin=1")
    choose(page, [3] * 5 + [0, 1] + [3] * 13, BOTHER)
    page.get_by_role("button", name="Save my answers").click()
    page.wait_for_url("**/questionnaires/answers/*/")
    assert page.get_by_text("Your total of 55 is at or above 33", exact=False).is_visible()
    next_step = page.get_by_role("region", name="A gentle next step")
    assert next_step.is_visible()
    assert next_step.get_by_role("link", name="What to expect in therapy").is_visible()
    axe(page)
    shot(page, "measures-pcl5-next-step-phone")


def test_a_missing_answer_is_shown_calmly(phone_page, signed_in):
    page = phone_page
    signed_in(page)
    page.goto("/questionnaires/2/")
    items = page.locator("ol.measure-items > li > fieldset")
    for index in range(6):  # question 7 left unanswered
        items.nth(index).get_by_label("Not at all", exact=True).check()
    page.get_by_role("button", name="Save my answers").click()
    page.get_by_text("A few questions still need an answer.").wait_for()
    assert page.get_by_text("Please choose an answer for question 7.").is_visible()
    assert items.nth(0).get_by_label("Not at all", exact=True).is_checked()
    axe(page)
    shot(page, "measures-missing-answer-phone")
