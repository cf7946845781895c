"""Access receipts at /vault/access/: every read by someone shared with, in plain words."""

import pytest

from cove.clinic.tests.conftest import answer_phq9, make_clinician

pytestmark = pytest.mark.django_db


def test_a_look_appears_with_the_clinicians_profile_name(pair):
    answer_phq9(pair.client, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    page = pair.client.client.get("/vault/access/").content.decode()
    assert "Dr Ash looked at your questionnaires" in page


def test_receipts_filter_by_area(pair):
    pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    page = pair.client.client.get("/vault/access/?what=ladder").content.decode()
    assert "ladder progress" in page and "looked at your questionnaires" not in page


def test_receipts_filter_by_person(pair):
    from cove.clinic.tests.conftest import link_with

    other = make_clinician("oak", "Dr Oak")
    oak_link = link_with(other, pair.client)
    pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    other.client.get(f"/clinic/clients/{oak_link}/")
    oak_page = pair.client.client.get(f"/vault/access/?who={other.user.pk}").content.decode()
    listed = oak_page.split('<ul class="receipts">')[1].split("</ul>")[0]
    assert "Dr Oak looked" in listed and "Dr Ash looked" not in listed


def test_nobody_else_sees_my_receipts(pair, other_survivor):
    pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    assert "Dr Ash" not in other_survivor.client.get("/vault/access/").content.decode()


def test_receipts_are_in_the_export(pair):
    pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    pair.client.api("post", "/auth/reauth", {"passphrase": pair.client.passphrase})
    data = pair.client.api("get", "/export").json()
    assert {(r["reader"], r["area"]) for r in data["access_receipts"]} == {
        ("Dr Ash", "measures"), ("Dr Ash", "ladder")}


def test_receipts_are_paginated(pair):
    for _ in range(14):  # two areas each: 28 reads, more than one page of 25
        pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    page = pair.client.client.get("/vault/access/").content.decode()
    assert "Older" in page
