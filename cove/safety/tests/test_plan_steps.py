"""The plan in short steps, without JavaScript: each step kept as a sealed draft as you go."""

from __future__ import annotations

import pytest
from django.db import connection

from cove.core import drafts
from cove.core.models import Draft
from cove.safety import services
from cove.safety.models import SafetyPlanVersion


def _step(person, part: int, go: str = "next", **answers: str):
    return person.post("/plan/edit/", {"part": str(part), "go": go, **answers})


def test_moving_on_keeps_the_step_as_a_sealed_draft_and_not_as_the_plan(survivor) -> None:
    response = _step(survivor, 1, warning_signs="Marigold morning")
    assert response.status_code == 302
    assert response["Location"] == "/plan/edit/?part=2"
    draft = drafts.find(survivor.vault(), "safety.plan")
    assert draft is not None and draft.answers["warning_signs"] == "Marigold morning"
    assert draft.step == 1
    assert SafetyPlanVersion.objects.count() == 0
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Draft._meta.db_table}")  # noqa: S608 - our own table
        rows = cursor.fetchall()
    raw = b"".join(
        bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
        for row in rows for value in row
    )
    assert b"Marigold" not in raw
    assert b"safety.plan" not in raw


def test_going_back_keeps_the_answers_of_both_steps(survivor) -> None:
    _step(survivor, 1, warning_signs="I go quiet")
    response = _step(survivor, 2, "back", people_to_ask="My sister Ana")
    assert response["Location"] == "/plan/edit/?part=1"
    first = survivor.client.get("/plan/edit/?part=1").content.decode()
    second = survivor.client.get("/plan/edit/?part=2").content.decode()
    assert "I go quiet</textarea>" in first
    assert "My sister Ana</textarea>" in second


def test_a_step_says_where_you_are_without_a_score(survivor) -> None:
    html = survivor.client.get("/plan/edit/?part=2").content.decode()
    assert "Part 2 of 6" in html
    assert "%" not in html.split('id="steps"')[1].split("</form>")[0]
    assert "incomplete" not in html.lower()


def test_leaving_keeps_the_draft_and_coming_back_offers_the_same_step(survivor) -> None:
    _step(survivor, 1, warning_signs="I go quiet")
    _step(survivor, 2)
    response = _step(survivor, 3, "leave", professionals="Dr Rowe")
    assert response.status_code == 302
    assert response["Location"] == "/plan/"
    start = survivor.client.get("/plan/edit/").content.decode()
    assert "You have a draft from" in start
    assert 'href="/plan/edit/?part=3"' in start
    assert "Start again" in start and "Throw the draft away" in start
    again = survivor.client.get("/plan/edit/?part=3").content.decode()
    assert "Dr Rowe</textarea>" in again


def test_saving_on_the_last_step_writes_the_plan_and_removes_the_draft(survivor) -> None:
    _step(survivor, 1, warning_signs="I go quiet", on_my_own="Hold my cat")
    _step(survivor, 5, stop_word="Amber")
    response = _step(survivor, 6, "finish", aftercare="A warm blanket")
    assert response.status_code == 302
    assert response["Location"] == "/plan/"
    parts = services.plan_parts(services.current_plan(survivor.vault()))
    assert parts["warning_signs"] == "I go quiet"
    assert parts["stop_word"] == "Amber"
    assert parts["aftercare"] == "A warm blanket"
    assert drafts.find(survivor.vault(), "safety.plan") is None
    assert Draft.objects.count() == 0


def test_a_whole_plan_walked_through_every_step_without_javascript(survivor) -> None:
    html = survivor.client.get("/plan/edit/").content.decode()
    for part in range(1, 6):
        assert f"Part {part} of 6" in html
        location = _step(survivor, part, what_matters="My cat")["Location"]
        html = survivor.client.get(location).content.decode()
    assert 'name="go" value="finish"' in html
    assert _step(survivor, 6, "finish", safe_space="Soft light").status_code == 302
    parts = services.plan_parts(services.current_plan(survivor.vault()))
    assert parts["what_matters"] == "My cat" and parts["safe_space"] == "Soft light"


def test_throwing_the_draft_away_leaves_the_saved_plan_as_it_was(survivor) -> None:
    services.save_plan(survivor.vault(), {"warning_signs": "saved words"})
    _step(survivor, 1, warning_signs="draft words")
    response = survivor.post("/plan/edit/", {"go": "discard"})
    assert response["Location"] == "/plan/"
    assert Draft.objects.count() == 0
    assert SafetyPlanVersion.objects.count() == 1
    html = survivor.client.get("/plan/edit/").content.decode()
    assert "saved words</textarea>" in html
    assert "You have a draft" not in html


def test_starting_again_throws_the_draft_away_and_opens_the_first_step(survivor) -> None:
    _step(survivor, 1, warning_signs="draft words")
    response = survivor.post("/plan/edit/", {"go": "restart"})
    assert response["Location"] == "/plan/edit/?part=1"
    assert Draft.objects.count() == 0


def test_finishing_a_draft_after_a_change_elsewhere_shows_both(survivor) -> None:
    vault = survivor.vault()
    services.save_plan(vault, {"warning_signs": "first"})
    _step(survivor, 1, warning_signs="my draft words", version="1")
    services.save_plan(vault, {"warning_signs": "saved in another window"})
    page = survivor.client.get("/plan/edit/?part=6").content.decode()
    assert 'name="version" value="1"' in page
    response = _step(survivor, 6, "finish", version="1")
    assert response.status_code == 409
    html = response.content.decode()
    assert 'id="changed-elsewhere"' in html
    assert "saved in another window" in html
    assert 'name="version" value="2"' in html
    assert services.plan_parts(services.current_plan(vault))["warning_signs"] == \
        "saved in another window"
    assert drafts.find(vault, "safety.plan") is not None  # nothing they wrote is lost


def test_a_too_long_answer_stays_on_its_step_and_is_not_kept(survivor) -> None:
    response = _step(survivor, 5, stop_word="x" * 500)
    assert response.status_code == 200
    assert "at most 100 characters" in response.content.decode()
    assert Draft.objects.count() == 0


def test_a_draft_is_in_the_export(survivor) -> None:
    _step(survivor, 1, warning_signs="Words in my draft")
    assert survivor.api("post", "/auth/reauth",
                        {"passphrase": survivor.passphrase}).status_code == 204
    records = survivor.api("get", "/export").json()["records"]
    assert records["core.draft"][0]["answers"]["warning_signs"] == "Words in my draft"


@pytest.mark.django_db
def test_one_persons_draft_is_never_anothers(survivor, other_survivor) -> None:
    _step(other_survivor, 1, warning_signs="their words")
    html = survivor.client.get("/plan/edit/").content.decode()
    assert "their words" not in html
    assert "You have a draft" not in html


def test_a_draft_goes_with_the_account(survivor) -> None:
    _step(survivor, 1, warning_signs="Words in my draft")
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/account/delete/", {"passphrase": survivor.passphrase,
                                                         "confirm": "on"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert Draft.objects.count() == 0
