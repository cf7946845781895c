"""Access receipts at /vault/access/: every read by someone shared with, in plain words."""

import pytest

from cove.audit.models import AuditEvent
from cove.clinic.tests.conftest import answer_phq9, make_clinician

pytestmark = pytest.mark.django_db


def test_a_look_appears_with_the_clinicians_profile_name(pair):
    answer_phq9(pair.client, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    page = pair.client.client.get("/vault/access/").content.decode()
    assert "Dr Ash looked at your ladder progress and questionnaires" in page


def test_one_page_view_writes_one_receipt_naming_every_area(pair):
    answer_phq9(pair.client, [1] * 9)
    before = AuditEvent.objects.filter(kind="shared.read").count()
    response = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    assert response.status_code == 200
    reads = AuditEvent.objects.filter(kind="shared.read").order_by("-id")
    assert reads.count() == before + 1
    assert set(reads[0].detail["areas"]) == {"measures", "ladder"}


def test_one_page_view_writes_one_row_in_all(pair):
    answer_phq9(pair.client, [1] * 9)
    before = AuditEvent.objects.count()
    pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    assert AuditEvent.objects.count() == before + 1


def test_receipts_filter_by_area(pair):
    pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    ladder = pair.client.client.get("/vault/access/?what=ladder").content.decode()
    safety = pair.client.client.get("/vault/access/?what=safety").content.decode()
    assert "Dr Ash looked at your" in ladder and "Dr Ash looked at your" not in safety


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
    assert [(r["reader"], sorted(r["areas"])) for r in data["access_receipts"]] == [
        ("Dr Ash", ["ladder", "measures"])]


def test_receipts_are_paginated(pair):
    for _ in range(26):  # one receipt per look: more than one page of 25
        pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    page = pair.client.client.get("/vault/access/").content.decode()
    assert "Older" in page
