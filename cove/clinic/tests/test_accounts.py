"""Clinician accounts: a profile, and approval by the operator (or open, when chosen)."""

import pytest

from cove.cli import main
from cove.conftest import sign_up_person

pytestmark = pytest.mark.django_db


def test_a_profile_waits_for_approval_by_default(make_person):
    person = make_person()
    response = person.post("/clinic/profile/", {"name": "Dr Oak"})
    assert response.status_code == 302
    assert person.client.get("/clinic/").status_code == 404


def test_the_profile_page_says_it_waits_for_a_check(make_person):
    person = make_person()
    person.post("/clinic/profile/", {"name": "Dr Oak"})
    assert "will check your profile" in person.client.get("/clinic/profile/").content.decode()


def test_the_operator_approves_a_clinician_from_the_command_line(make_person, capsys):
    person = make_person()
    person.post("/clinic/profile/", {"name": "Dr Oak"})
    assert main(["clinician", "approve", person.username]) == 0
    assert person.client.get("/clinic/").status_code == 200


def test_approving_an_unknown_name_fails(capsys):
    assert main(["clinician", "approve", "nobody-here"]) == 1


def test_withdrawing_closes_the_clinician_pages(make_person):
    person = make_person()
    person.post("/clinic/profile/", {"name": "Dr Oak"})
    main(["clinician", "approve", person.username])
    assert main(["clinician", "withdraw", person.username]) == 0
    assert person.client.get("/clinic/").status_code == 404


def test_open_mode_approves_a_profile_at_once(make_person, settings):
    settings.COVE_CLINICIANS = "open"
    person = make_person()
    person.post("/clinic/profile/", {"name": "Dr Oak"})
    assert person.client.get("/clinic/").status_code == 200


def test_the_is_clinician_flag_alone_does_not_open_the_pages(make_person):
    person = make_person()
    person.user.is_clinician = True
    person.user.save(update_fields=["is_clinician"])
    assert person.client.get("/clinic/").status_code == 404


def test_a_profile_needs_a_name(make_person):
    person = make_person()
    response = person.post("/clinic/profile/", {"name": "  "})
    assert response.status_code == 400


def test_the_api_saves_a_profile(make_person):
    person = make_person()
    response = person.api("put", "/clinic/profile", {"name": "Dr Oak", "practice": "Hill St"})
    assert response.status_code == 200
    assert response.json()["approved"] is False


def test_a_clinician_keeps_their_own_tools(make_person):
    person = sign_up_person("oak")
    person.post("/clinic/profile/", {"name": "Dr Oak"})
    main(["clinician", "approve", "oak"])
    assert person.client.get("/plan/").status_code == 200


def test_renaming_an_approved_profile_sends_it_back_to_waiting(pair):
    response = pair.clinician.post("/clinic/profile/", {"name": "Dr Ashley",
                                                        "practice": "Riverside"})
    assert response.status_code == 302
    assert pair.clinician.client.get("/clinic/").status_code == 404
    assert pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").status_code == 404


def test_changing_the_practice_sends_it_back_to_waiting(pair):
    pair.clinician.post("/clinic/profile/", {"name": "Dr Ash", "practice": "Hillside"})
    assert pair.clinician.client.get("/clinic/").status_code == 404


def test_changing_only_the_note_keeps_the_approval(pair):
    pair.clinician.post("/clinic/profile/", {"name": "Dr Ash", "practice": "Riverside",
                                             "note": "I work with trauma survivors."})
    assert pair.clinician.client.get("/clinic/").status_code == 200


def test_a_renamed_clinician_keeps_their_own_tools(pair):
    pair.clinician.post("/clinic/profile/", {"name": "Dr Ashley", "practice": "Riverside"})
    assert pair.clinician.client.get("/journal/").status_code == 200
    page = pair.clinician.client.get("/clinic/profile/").content.decode()
    assert "check your profile again" in page


def test_the_client_is_told_kindly_that_access_is_paused(pair):
    pair.clinician.post("/clinic/profile/", {"name": "Dr Ashley", "practice": "Riverside"})
    page = pair.client.client.get("/clinic/sharing/").content.decode()
    assert "cannot see anything you share" in page and "Nothing you chose has changed" in page
    manage = pair.client.client.get(f"/clinic/sharing/{pair.link_id}/").content.decode()
    assert "checking their profile again" in manage and "Dr Ashley" not in manage


def test_a_renamed_clinician_cannot_read_through_the_general_sharing_api(pair):
    path = f"/sharing/from/{pair.client.username}/measures"
    assert pair.clinician.api("get", path).status_code == 200
    pair.clinician.post("/clinic/profile/", {"name": "Dr Ashley", "practice": "Riverside"})
    assert pair.clinician.api("get", path).status_code == 404


def test_approving_again_reopens_the_clients_page(pair):
    pair.clinician.post("/clinic/profile/", {"name": "Dr Ashley", "practice": "Riverside"})
    assert main(["clinician", "approve", pair.clinician.username]) == 0
    assert pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").status_code == 200


def test_in_open_mode_a_rename_stays_approved(pair, settings):
    settings.COVE_CLINICIANS = "open"
    pair.clinician.post("/clinic/profile/", {"name": "Dr Ashley", "practice": "Riverside"})
    assert pair.clinician.client.get("/clinic/").status_code == 200
