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
