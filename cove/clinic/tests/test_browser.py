"""The clinician third in real Chromium: a clinician at a desktop (1280 px) and a client on
a phone (360 px), two browser contexts at once, axe on every page, screenshots."""

from __future__ import annotations

from typing import Any

import pytest

from cove.clinic import services
from cove.clinic.tests.conftest import answer_phq9, link_with
from cove.testing_browser import axe, shot

pytestmark = pytest.mark.browser


def _setup(page: Any, phone: Any, signed_in: Any) -> tuple[Any, Any, str]:
    clinician = signed_in(page, "ash")
    services.save_profile(clinician.user, "Dr Ash", "Riverside Counselling", "")
    services.approve("ash")
    client = signed_in(phone, "river")
    link_id = link_with(clinician, client)
    return clinician, client, link_id


def test_the_caseload_and_the_measures_view(page, phone_page, signed_in):
    _clinician, client, link_id = _setup(page, phone_page, signed_in)
    answer_phq9(client, [1, 1, 1, 1, 1, 1, 1, 1, 0])
    answer_phq9(client, [3, 3, 3, 2, 2, 2, 2, 2, 0])
    page.goto("/clinic/")
    assert page.get_by_role("link", name="river").is_visible()
    axe(page)
    shot(page, "clinic-caseload-desktop")
    page.get_by_role("link", name="river").click()
    page.wait_for_url(f"**/clinic/clients/{link_id}/")
    assert page.get_by_text("reliable · clinically meaningful").is_visible()
    page.get_by_text("Answers item by item").first.click()
    axe(page)
    shot(page, "clinic-client-measures-desktop")
    phone_page.goto(f"/clinic/sharing/{link_id}/preview/")
    assert phone_page.get_by_text("This is exactly what your clinician sees").is_visible()
    axe(phone_page)
    shot(phone_page, "clinic-preview-phone")
    phone_page.goto("/vault/access/")
    receipt = "Dr Ash looked at your ladder progress and questionnaires"
    assert phone_page.get_by_text(receipt).first.is_visible()
    axe(phone_page)
    shot(phone_page, "clinic-receipts-phone")


def test_a_homework_round_trip(page, phone_page, signed_in):
    _clinician, _client, link_id = _setup(page, phone_page, signed_in)
    page.goto(f"/clinic/clients/{link_id}/")
    page.get_by_label("Kind of suggestion").select_option("grounding")
    page.get_by_label("Suggestion", exact=True).fill("Try slow breathing once this week")
    page.get_by_role("button", name="Send suggestion").click()
    page.wait_for_url(f"**/clinic/clients/{link_id}/")
    phone_page.goto(f"/clinic/sharing/{link_id}/")
    assert phone_page.get_by_text("Try slow breathing once this week").is_visible()
    axe(phone_page)
    shot(phone_page, "clinic-homework-phone")
    phone_page.get_by_label("Not for me right now").check()
    phone_page.get_by_role("button", name="Save my answer").click()
    phone_page.wait_for_url(f"**/clinic/sharing/{link_id}/")
    page.reload()
    assert page.get_by_text("Not for now.").is_visible()
    axe(page)
    shot(page, "clinic-homework-answered-desktop")


def test_session_prep_with_a_part_left_out(page, phone_page, signed_in):
    _clinician, _client, link_id = _setup(page, phone_page, signed_in)
    phone_page.goto(f"/clinic/sharing/{link_id}/brief/")
    phone_page.get_by_label("Session date").fill("2099-03-04")
    phone_page.get_by_role("textbox", name="What I want to talk about").fill("Sleeping badly")
    phone_page.get_by_role("textbox", name="What I am not ready to talk about today").fill("The old house")
    phone_page.get_by_label("Leave out: What I am not ready to talk about today").check()
    phone_page.get_by_role("button", name="Save and preview").click()
    preview = phone_page.locator("#brief-preview")
    preview.get_by_text("Sleeping badly").wait_for()  # the saved page has come back
    assert preview.get_by_text("The old house").count() == 0
    axe(phone_page)
    shot(phone_page, "clinic-brief-phone")
    phone_page.get_by_role("button", name="Save and share").click()
    phone_page.wait_for_url(f"**/clinic/sharing/{link_id}/brief/")
    page.goto(f"/clinic/clients/{link_id}/")
    assert page.get_by_text("Sleeping badly").is_visible()
    assert page.get_by_text("The old house").count() == 0
    axe(page)
    shot(page, "clinic-brief-desktop")
