"""Sharing an area: granted, read (and logged), revoked on the very next request, rotated."""

import pytest

from cove.vault import areas, crypto
from cove.vault.models import AreaKey, Grant
from cove.vault.testing import ciphertext_of
from cove.vault.tests.sampleapp.models import SampleNote, SampleStep

pytestmark = pytest.mark.django_db


def reauth(person):
    response = person.api("post", "/auth/reauth", {"passphrase": person.passphrase})
    assert response.status_code == 204


def share(owner, grantee, area):
    reauth(owner)
    return owner.api("post", "/sharing/grants", {"username": grantee.username, "area": area})


@pytest.fixture
def shared_step(survivor, other_survivor):
    SampleStep(vault=survivor.vault(), words="sit close on the sofa").save()
    SampleNote(vault=survivor.vault(), title="private note").save()
    assert share(survivor, other_survivor, areas.LADDER).status_code == 201
    return survivor, other_survivor


def test_sharing_needs_the_passphrase_again(survivor, other_survivor):
    response = survivor.api("post", "/sharing/grants",
                            {"username": other_survivor.username, "area": areas.LADDER})
    assert response.status_code == 403


def test_a_grantee_reads_the_shared_area(shared_step):
    owner, partner = shared_step
    response = partner.api("get", f"/sharing/from/{owner.username}/{areas.LADDER}")
    assert response.status_code == 200
    assert [item["words"] for item in response.json()] == ["sit close on the sofa"]


def test_a_grantee_sees_nothing_of_an_area_not_shared(shared_step):
    owner, partner = shared_step
    response = partner.api("get", f"/sharing/from/{owner.username}/{areas.JOURNAL}")
    assert response.status_code == 404


def test_every_read_by_a_grantee_is_in_the_owners_access_log(shared_step):
    owner, partner = shared_step
    partner.api("get", f"/sharing/from/{owner.username}/{areas.LADDER}")
    log = owner.api("get", "/sharing/access-log").json()
    assert log[0]["who"] == partner.username and log[0]["area"] == areas.LADDER


def test_revoking_refuses_the_very_next_request(shared_step):
    owner, partner = shared_step
    owner.api("post", "/sharing/grants/revoke", {"username": partner.username, "area": areas.LADDER})
    response = partner.api("get", f"/sharing/from/{owner.username}/{areas.LADDER}")
    assert response.status_code == 404


def test_revoking_rotates_the_key_so_an_old_wrap_opens_nothing(shared_step):
    owner, partner = shared_step
    old_wrap = bytes(Grant.objects.get(grantee=partner.user).sealed_area_key)
    old_key = crypto.open_sealed_box(partner.vault().private_key(), old_wrap)
    owner.api("post", "/sharing/grants/revoke", {"username": partner.username, "area": areas.LADDER})
    assert AreaKey.objects.get(owner=owner.user, area=areas.LADDER).version == 2
    step = SampleStep.objects.get()
    words_aad = SampleStep._meta.get_field("words").aad(step)
    with pytest.raises(crypto.VaultError):
        crypto.open_value(old_key, ciphertext_of(step, "words"), words_aad)
    assert SampleStep.objects.owned_by(owner.vault()).get().words == "sit close on the sofa"


def test_rotation_rewraps_for_people_who_keep_access(survivor, other_survivor, make_person):
    third = make_person()
    SampleStep(vault=survivor.vault(), words="a long hug").save()
    share(survivor, other_survivor, areas.LADDER)
    share(survivor, third, areas.LADDER)
    survivor.api("post", "/sharing/grants/revoke",
                 {"username": other_survivor.username, "area": areas.LADDER})
    response = third.api("get", f"/sharing/from/{survivor.username}/{areas.LADDER}")
    assert [item["words"] for item in response.json()] == ["a long hug"]


def test_the_private_area_cannot_be_shared(survivor, other_survivor):
    assert share(survivor, other_survivor, areas.PRIVATE).status_code == 422


def test_sharing_with_an_unknown_account_looks_like_not_found(survivor):
    reauth(survivor)
    response = survivor.api("post", "/sharing/grants", {"username": "nobody-here", "area": areas.LADDER})
    assert response.status_code == 404


def test_a_grantee_reads_rows_whose_area_is_chosen_per_row(survivor, other_survivor):
    SampleNote(vault=survivor.vault(), title="for you", shareable=True).save()
    SampleNote(vault=survivor.vault(), title="only mine", shareable=False).save()
    assert share(survivor, other_survivor, areas.JOURNAL_SHARED).status_code == 201
    response = other_survivor.api("get", f"/sharing/from/{survivor.username}/{areas.JOURNAL_SHARED}")
    assert [item["title"] for item in response.json()] == ["for you"]


def test_a_grant_past_its_end_opens_nothing(survivor, other_survivor):
    from datetime import timedelta

    from django.utils import timezone

    from cove.vault.models import Grant
    from cove.vault.services import grant_area

    grant_area(survivor.vault(), other_survivor.user, "safety")
    Grant.objects.filter(owner=survivor.user).update(ends_at=timezone.now() - timedelta(minutes=1))
    response = other_survivor.client.get(f"/api/v1/sharing/from/{survivor.user.username}/safety")
    assert response.status_code == 404
