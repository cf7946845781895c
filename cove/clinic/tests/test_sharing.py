"""Client-granted access: codes, chosen areas, ends, stopping at once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cove.clinic.models import ClinicInvite
from cove.clinic.tests.conftest import invite_code, join, link_with
from cove.vault import areas
from cove.vault.models import Grant

pytestmark = pytest.mark.django_db


def test_a_code_shows_the_clinicians_name_before_anything_is_shared(clinician, survivor):
    code = invite_code(clinician)
    response = survivor.post("/clinic/join/", {"code": code})
    assert "Dr Ash" in response.content.decode()
    assert not Grant.objects.filter(owner=survivor.user).exists()


def test_joining_shares_only_the_chosen_areas(clinician, survivor):
    link_with(clinician, survivor, [areas.MEASURES])
    assert list(Grant.objects.filter(owner=survivor.user).values_list("area", flat=True)) == [
        areas.MEASURES]


def test_only_the_codes_digest_is_stored(clinician):
    code = invite_code(clinician)
    stored = ClinicInvite.objects.get()
    assert code not in stored.code_digest and code.replace("-", "") not in stored.code_digest


def test_a_wrong_code_did_not_work(survivor):
    response = survivor.post("/clinic/join/", {"code": "ABCD-EFGH"})
    assert response.status_code == 400
    assert "That code did not work" in response.content.decode()


def test_a_code_works_once(clinician, survivor, other_survivor):
    code = invite_code(clinician)
    assert join(survivor, code, [areas.MEASURES]).status_code == 302
    assert join(other_survivor, code, [areas.MEASURES]).status_code == 400


def test_a_code_ends_after_a_day(clinician, survivor):
    code = invite_code(clinician)
    ClinicInvite.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert join(survivor, code, [areas.MEASURES]).status_code == 400


@pytest.mark.django_db(transaction=True)
def test_guessing_codes_is_slowed_down(survivor):
    # Transactional: the join page runs outside a request transaction (as in production),
    # so a wrong guess stays counted.
    for _ in range(6):  # five free tries, then each wrong one starts a growing wait
        survivor.post("/clinic/join/", {"code": "ABCD-EFGH"})
    response = survivor.post("/clinic/join/", {"code": "ABCD-EFGH"})
    assert "Please wait" in response.content.decode()


def test_sharing_until_a_date_ends_after_that_day(clinician, survivor):
    day = timezone.localdate() + timedelta(days=3)
    link_with(clinician, survivor, [areas.MEASURES], end="date", until=day.isoformat())
    ends = Grant.objects.get(owner=survivor.user).ends_at
    assert timezone.localtime(ends).date() == day + timedelta(days=1)


def test_until_after_the_next_session_ends_the_day_after_it(clinician, survivor):
    day = timezone.localdate() + timedelta(days=3)
    link_with(clinician, survivor, [areas.MEASURES], end="after_session",
              next_session=day.isoformat())
    ends = Grant.objects.get(owner=survivor.user).ends_at
    assert timezone.localtime(ends).date() == day + timedelta(days=2)


def test_after_the_session_needs_a_date(clinician, survivor):
    response = join(survivor, invite_code(clinician), [areas.MEASURES], end="after_session")
    assert response.status_code == 400


def test_changing_sharing_removes_an_unticked_area(pair):
    pair.client.post(f"/clinic/sharing/{pair.link_id}/", {"areas": [areas.LADDER], "end": "none"})
    assert list(Grant.objects.filter(owner=pair.client.user).values_list("area", flat=True)) == [
        areas.LADDER]


def test_stopping_closes_the_clinicians_page_at_once(pair):
    assert pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").status_code == 200
    pair.client.post(f"/clinic/sharing/{pair.link_id}/stop/")
    assert pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").status_code == 404


def test_stopping_removes_every_grant(pair):
    pair.client.post(f"/clinic/sharing/{pair.link_id}/stop/")
    assert not Grant.objects.filter(owner=pair.client.user).exists()


def test_the_preview_is_the_clinicians_page(pair):
    from cove.clinic.tests.conftest import answer_phq9

    answer_phq9(pair.client, [1, 1, 1, 1, 1, 1, 1, 1, 0])
    answer_phq9(pair.client, [2, 2, 2, 2, 2, 2, 2, 2, 0])
    theirs = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    mine = pair.client.client.get(f"/clinic/sharing/{pair.link_id}/preview/").content.decode()
    for text in ("PHQ-9", "8 / 27", "16 / 27", "Answers item by item"):
        assert text in theirs and text in mine


def test_a_clinician_cannot_use_their_own_code(clinician):
    code = invite_code(clinician)
    assert join(clinician, code, [areas.MEASURES]).status_code == 400


def test_the_api_joins_with_a_code(clinician, survivor):
    code = clinician.api("post", "/clinic/invites").json()["code"]
    response = survivor.api("post", "/clinic/join", {"code": code, "areas": [areas.MEASURES]})
    assert response.status_code == 201
    assert response.json()["clinician"] == "Dr Ash"


def test_the_api_refuses_an_area_that_cannot_be_shared(clinician, survivor):
    code = clinician.api("post", "/clinic/invites").json()["code"]
    response = survivor.api("post", "/clinic/join", {"code": code, "areas": [areas.JOURNAL]})
    assert response.status_code == 422


def test_a_change_from_an_old_copy_is_refused(pair):
    from cove.clinic.models import ClinicLink

    version = ClinicLink.objects.get().version
    url = f"/clinic/sharing/{pair.link_id}/"
    pair.client.post(url, {"areas": [areas.LADDER], "end": "none", "version": version})
    response = pair.client.post(url, {"areas": [areas.MEASURES], "end": "none",
                                      "version": version})
    assert response.status_code == 409
    assert list(Grant.objects.filter(owner=pair.client.user).values_list("area", flat=True)) == [
        areas.LADDER]


def test_the_api_stops_sharing(pair):
    assert pair.client.api("delete", f"/clinic/links/{pair.link_id}").status_code == 204
    assert not Grant.objects.filter(owner=pair.client.user).exists()
