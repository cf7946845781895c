"""Public keys are bound to their owner: a key swapped in the database gets nothing sealed
to it (issue 11, finding 8)."""

import pytest

from cove.audit.models import AuditEvent
from cove.vault import areas, crypto
from cove.vault.models import Grant, KeyBundle
from cove.vault.tests.sampleapp.models import SampleStep

pytestmark = pytest.mark.django_db


def reauth(person):
    assert person.api("post", "/auth/reauth", {"passphrase": person.passphrase}).status_code == 204


def share(owner, grantee):
    reauth(owner)
    return owner.api("post", "/sharing/grants", {"username": grantee.username, "area": areas.LADDER})


def swap_public_key(person):
    """What someone with write access to the database would do: put in a key they hold."""
    private, public = crypto.new_keypair()
    KeyBundle.objects.filter(user=person.user).update(public_key=public)
    return private


def test_a_share_to_a_swapped_public_key_is_refused(survivor, other_survivor):
    swap_public_key(other_survivor)
    answer = share(survivor, other_survivor)
    assert answer.status_code == 409
    assert "does not check out" in answer.json()["detail"]


def test_nothing_is_sealed_to_a_swapped_public_key(survivor, other_survivor):
    SampleStep(vault=survivor.vault(), words="sit close").save()
    swap_public_key(other_survivor)
    share(survivor, other_survivor)
    assert not Grant.objects.filter(grantee=other_survivor.user).exists()


def test_a_refused_share_leaves_an_entry_in_the_owners_log(survivor, other_survivor):
    swap_public_key(other_survivor)
    share(survivor, other_survivor)
    event = AuditEvent.objects.get(kind="security.public_key_refused")
    assert (event.subject_id, event.detail) == (survivor.user.pk, {"grantee_id": other_survivor.user.pk})


def test_a_share_to_an_untouched_public_key_works(survivor, other_survivor):
    assert share(survivor, other_survivor).status_code == 201


def test_rotation_ends_a_share_whose_key_was_swapped_instead_of_sealing_to_it(
        survivor, other_survivor, make_person):
    third = make_person()
    assert share(survivor, other_survivor).status_code == 201
    assert share(survivor, third).status_code == 201
    attacker_key = swap_public_key(third)
    answer = survivor.api("post", "/sharing/grants/revoke",
                          {"username": other_survivor.username, "area": areas.LADDER})
    assert answer.status_code == 204
    assert not Grant.objects.filter(owner=survivor.user).exists()
    assert AuditEvent.objects.filter(kind="security.public_key_refused").count() == 1
    del attacker_key
