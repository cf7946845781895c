"""The safety plan, comfort box and first-session sheet, through HTTP as a person uses them."""

from __future__ import annotations

import pytest
from django.db import connection

from cove.safety import services
from cove.safety.models import ComfortBox, SafetyPlanVersion, SessionPrep
from cove.safety.public import PausePlan, get_aftercare_wishes, get_pause_plan

SIGNED_IN_PAGES = [
    "/plan/", "/plan/edit/", "/plan/calm/", "/plan/print/", "/plan/versions/",
    "/plan/this-device/", "/plan/comfort/", "/plan/comfort/edit/", "/plan/first-session/",
    "/plan/first-session/edit/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_plan_pages_ask_a_signed_out_visitor_to_sign_in(anonymous, path) -> None:
    response = anonymous.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_plan_pages_open_for_their_owner_and_are_never_cached(survivor, path) -> None:
    response = survivor.client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_an_empty_plan_offers_a_start_and_a_kind_exit(survivor) -> None:
    html = survivor.client.get("/plan/").content.decode()
    assert "Start my plan" in html
    assert "Not now" in html


def test_saving_the_plan_shows_it(survivor) -> None:
    response = survivor.post("/plan/edit/", {"warning_signs": "I go quiet", "stop_word": "Amber"})
    assert response.status_code == 302
    html = survivor.client.get("/plan/").content.decode()
    assert "I go quiet" in html
    assert "Amber" in html


def test_each_save_keeps_a_new_version_with_its_date(survivor) -> None:
    survivor.post("/plan/edit/", {"warning_signs": "first words"})
    survivor.post("/plan/edit/", {"warning_signs": "second words"})
    versions = list(services.plan_versions(survivor.vault()))
    assert len(versions) == 2
    html = survivor.client.get("/plan/versions/").content.decode()
    for version in versions:
        assert f"/plan/versions/{version.pk}/" in html
    # The list shows dates only; the text opens on demand.
    assert "first words" not in html
    older = survivor.client.get(f"/plan/versions/{versions[1].pk}/").content.decode()
    assert "first words" in older


def test_saving_an_unchanged_plan_adds_no_version(survivor) -> None:
    survivor.post("/plan/edit/", {"aftercare": "A warm blanket"})
    survivor.post("/plan/edit/", {"aftercare": "A warm blanket"})
    assert SafetyPlanVersion.objects.count() == 1


def test_another_persons_plan_version_is_not_found(survivor, other_survivor) -> None:
    other_survivor.post("/plan/edit/", {"warning_signs": "not yours"})
    theirs = SafetyPlanVersion.objects.get()
    response = survivor.client.get(f"/plan/versions/{theirs.pk}/")
    assert response.status_code == 404
    assert "not yours" not in response.content.decode()


def test_a_made_up_version_id_is_not_found(survivor) -> None:
    assert survivor.client.get("/plan/versions/not-an-id/").status_code == 404


def test_the_plan_is_stored_encrypted(survivor) -> None:
    secret = "the blue door on Elm Street"
    survivor.post("/plan/edit/", {"people_places": secret, "stop_word": "Marigold"})
    table = SafetyPlanVersion._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table name
        rows = cursor.fetchall()
    raw = b"".join(
        bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
        for row in rows for value in row
    )
    assert secret.encode() not in raw
    assert b"Marigold" not in raw


def test_tapping_an_example_without_javascript_adds_it_to_the_draft_only(survivor) -> None:
    response = survivor.post("/plan/edit/", {"warning_signs": "I go quiet",
                                               "add": "warning_signs:0"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "I go quiet\nMy chest gets tight</textarea>" in html
    assert "kept in your draft until you choose Save" in html
    assert SafetyPlanVersion.objects.count() == 0


def test_a_too_long_part_gets_a_clear_message(survivor) -> None:
    response = survivor.post("/plan/edit/", {"stop_word": "x" * 500})
    assert response.status_code == 200
    assert "at most 100 characters" in response.content.decode()
    assert SafetyPlanVersion.objects.count() == 0


def test_the_calm_view_shows_the_plan_and_lines_for_the_country(survivor) -> None:
    survivor.post("/plan/edit/", {"on_my_own": "Hold my cat"})
    html = survivor.client.get("/plan/calm/", HTTP_ACCEPT_LANGUAGE="en-IE").content.decode()
    assert "Hold my cat" in html
    assert "1800 77 88 88" in html
    # Empty parts stay out of the way in a hard moment.
    assert "Nothing here yet" not in html


def test_the_print_view_shows_every_part_and_the_support_lines(survivor) -> None:
    survivor.post("/plan/edit/", {"signal": "Two taps", "safe_space": "Soft light"})
    html = survivor.client.get("/plan/print/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert "Two taps" in html
    assert "Soft light" in html
    assert "988" in html


def test_the_pause_plan_contract_reads_the_newest_plan(survivor) -> None:
    vault = survivor.vault()
    assert get_pause_plan(vault) is None
    assert get_aftercare_wishes(vault) == []
    survivor.post("/plan/edit/", {"stop_word": "Orange", "signal": "Raise a hand",
                                    "after_pause": "Sit with me", "aftercare": "Tea\n\nA blanket"})
    assert get_pause_plan(vault) == PausePlan("Orange", "Raise a hand", "Sit with me")
    assert get_aftercare_wishes(vault) == ["Tea", "A blanket"]


def test_the_plan_index_reads_a_bounded_number_of_rows(survivor, django_assert_max_num_queries):
    vault = survivor.vault()
    for n in range(30):
        services.save_plan(vault, {"warning_signs": f"version {n}"})
    with django_assert_max_num_queries(12):
        survivor.client.get("/plan/versions/")
    html = survivor.client.get("/plan/versions/").content.decode()
    assert html.count("/plan/versions/") - html.count("?page=") <= 21


def test_the_comfort_box_keeps_items_and_the_reset_ritual(survivor) -> None:
    survivor.post("/plan/comfort/edit/", {"scents": "Lavender",
                                            "reset_ritual": "Step out\nCold water"})
    html = survivor.client.get("/plan/comfort/").content.decode()
    assert "Lavender" in html
    assert "<li>Step out</li><li>Cold water</li>" in html
    survivor.post("/plan/comfort/edit/", {"scents": "Cedar"})
    assert ComfortBox.objects.count() == 1
    assert "Cedar" in survivor.client.get("/plan/comfort/").content.decode()


def test_the_first_session_sheet_keeps_notes_for_printing(survivor) -> None:
    survivor.post("/plan/first-session/edit/", {"practical": "Evening sessions"})
    html = survivor.client.get("/plan/first-session/").content.decode()
    assert "Evening sessions" in html
    assert SessionPrep.objects.count() == 1


def test_titles_and_addresses_use_neutral_words(survivor) -> None:
    for path in SIGNED_IN_PAGES:
        html = survivor.client.get(path).content.decode()
        title = html.split("<title>")[1].split("</title>")[0].lower()
        for word in ("trauma", "sex", "abuse", "safety", "crisis", "rape", "assault"):
            assert word not in title, (path, title)
            assert word not in path


def test_the_demo_survivor_gets_a_plan_and_comfort_box(survivor) -> None:
    from cove.safety.demo import populate

    vault = survivor.vault()
    populate(vault, "partner")
    assert services.current_plan(vault) is None
    populate(vault, "survivor")
    assert get_pause_plan(vault) is not None
    assert services.comfort_box(vault) is not None


def test_the_plan_has_a_what_matters_to_me_step_after_the_six_parts(survivor) -> None:
    before = survivor.client.get("/plan/edit/?part=3").content.decode()
    html = survivor.client.get("/plan/edit/?part=4").content.decode()
    assert "Making my surroundings safer" in before
    assert "What matters to me" in html
    survivor.post("/plan/edit/", {"what_matters": "My cat\nSeeing the sea again"})
    calm = survivor.client.get("/plan/calm/").content.decode()
    assert "What matters to me" in calm
    assert "Seeing the sea again" in calm
