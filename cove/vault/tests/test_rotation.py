"""Versioned area keys: nothing sealed under an old key is lost; a damaged record never
blocks rotation, reset or export, and its owner can see and remove it."""

import pytest

from cove.audit.models import AuditEvent
from cove.vault import areas, crypto
from cove.vault.models import AreaKey, RetiredAreaKey
from cove.vault.services import rotate_area_key
from cove.vault.testing import ciphertext_of, write_ciphertext
from cove.vault.tests.sampleapp.models import SampleStep

pytestmark = pytest.mark.django_db


def write_raw(record, field, blob):
    write_ciphertext(record, field, blob)


def damaged(step):
    write_raw(step, "words", bytes([crypto.SUITE_PADDED_VERSIONED]) + bytes(80))


def reauth(person):
    assert person.api("post", "/auth/reauth", {"passphrase": person.passphrase}).status_code == 204


def test_a_value_sealed_under_a_retired_key_still_opens_for_its_owner(survivor):
    vault = survivor.vault()
    step = SampleStep(vault=vault, words="sit close")
    step.save()
    old_blob = ciphertext_of(step, "words")
    rotate_area_key(vault, areas.LADDER)
    write_raw(step, "words", old_blob)  # a write that landed under the old key
    assert SampleStep.objects.owned_by(survivor.vault()).get().words == "sit close"


def test_rotation_keeps_the_old_key_as_a_retired_version(survivor):
    vault = survivor.vault()
    SampleStep(vault=vault, words="sit close").save()
    rotate_area_key(vault, areas.LADDER)
    assert AreaKey.objects.get(owner=survivor.user, area=areas.LADDER).version == 2
    assert list(RetiredAreaKey.objects.filter(owner=survivor.user).values_list("version", flat=True)) == [1]


def test_every_value_names_the_key_version_that_sealed_it(survivor):
    vault = survivor.vault()
    step = SampleStep(vault=vault, words="sit close")
    step.save()
    rotate_area_key(vault, areas.LADDER)
    stored = SampleStep.objects.get()
    assert crypto.value_key_version(ciphertext_of(stored, "words")) == 2


def test_an_edit_reseals_a_column_left_under_an_old_key(survivor):
    vault = survivor.vault()
    step = SampleStep(vault=vault, words="sit close", done=False)
    step.save()
    old_words = ciphertext_of(step, "words")
    rotate_area_key(vault, areas.LADDER)
    write_raw(step, "words", old_words)
    fresh = SampleStep.objects.owned_by(survivor.vault()).get()
    fresh.done = True  # only another column changes
    fresh.save()
    assert crypto.value_key_version(ciphertext_of(SampleStep.objects.get(), "words")) == 2


def test_a_suite_one_value_opens_and_is_resealed_padded_on_the_next_save(survivor):
    vault = survivor.vault()
    step = SampleStep(vault=vault, words="sit close")
    step.save()
    aad = SampleStep._meta.get_field("words").aad(step)
    key = vault.key_for(survivor.user.pk, areas.LADDER)
    write_raw(step, "words", crypto.seal(key, b'"sit close"', aad))
    fresh = SampleStep.objects.owned_by(survivor.vault()).get()
    assert fresh.words == "sit close"
    fresh.done = True
    fresh.save()
    assert crypto.value_key_version(ciphertext_of(SampleStep.objects.get(), "words")) == 1


def test_stopping_sharing_skips_and_counts_a_damaged_record(survivor, other_survivor):
    vault = survivor.vault()
    broken = SampleStep(vault=vault, words="damaged")
    broken.save()
    SampleStep(vault=vault, words="fine").save()
    damaged(broken)
    reauth(survivor)
    survivor.api("post", "/sharing/grants", {"username": other_survivor.username, "area": "ladder"})
    answer = survivor.api("post", "/sharing/grants/revoke",
                          {"username": other_survivor.username, "area": "ladder"})
    assert answer.status_code == 204
    event = AuditEvent.objects.get(kind="vault.unreadable_skipped")
    assert event.detail == {"area": "ladder", "count": 1}


def test_the_rest_is_resealed_when_one_record_is_damaged(survivor, other_survivor):
    vault = survivor.vault()
    broken = SampleStep(vault=vault, words="damaged")
    broken.save()
    fine = SampleStep(vault=vault, words="fine")
    fine.save()
    damaged(broken)
    rotate_area_key(vault, areas.LADDER)
    stored = SampleStep.objects.owned_by(survivor.vault()).get(pk=fine.pk)
    assert (stored.words, crypto.value_key_version(ciphertext_of(stored, "words"))) == ("fine", 2)


def test_emergency_reset_answers_with_a_damaged_record(survivor):
    broken = SampleStep(vault=survivor.vault(), words="damaged")
    broken.save()
    damaged(broken)
    answer = survivor.api("post", "/account/emergency-reset", {"passphrase": survivor.passphrase})
    assert answer.status_code == 200


def test_export_leaves_out_a_damaged_record_and_counts_it(survivor):
    vault = survivor.vault()
    broken = SampleStep(vault=vault, words="damaged")
    broken.save()
    SampleStep(vault=vault, words="fine").save()
    damaged(broken)
    reauth(survivor)
    answer = survivor.api("get", "/export")
    assert answer.status_code == 200
    document = answer.json()
    assert document["unreadable"] == 1
    assert [r["words"] for r in document["records"]["vaultsample.samplestep"]] == ["fine"]


def test_the_repair_page_lists_a_damaged_record(survivor):
    broken = SampleStep(vault=survivor.vault(), words="damaged")
    broken.save()
    damaged(broken)
    page = survivor.client.get("/vault/repair/")
    assert page.status_code == 200
    assert str(broken.pk).encode() in page.content


def test_the_repair_page_says_all_is_well_when_everything_opens(survivor):
    SampleStep(vault=survivor.vault(), words="fine").save()
    page = survivor.client.get("/vault/repair/")
    assert b"nothing to repair" in page.content


def test_the_owner_removes_a_damaged_record_from_the_repair_page(survivor):
    broken = SampleStep(vault=survivor.vault(), words="damaged")
    broken.save()
    damaged(broken)
    answer = survivor.post("/vault/repair/remove/", {"kind": "vaultsample.samplestep", "id": str(broken.pk)})
    assert answer.status_code == 302
    assert not SampleStep.objects.filter(pk=broken.pk).exists()


def test_the_api_lists_and_removes_a_damaged_record(survivor):
    broken = SampleStep(vault=survivor.vault(), words="damaged")
    broken.save()
    damaged(broken)
    listed = survivor.api("get", "/vault/unreadable").json()
    assert [item["id"] for item in listed] == [str(broken.pk)]
    answer = survivor.api("post", "/vault/unreadable/remove",
                          {"kind": "vaultsample.samplestep", "id": str(broken.pk)})
    assert answer.status_code == 204
    assert survivor.api("get", "/vault/unreadable").json() == []


def test_a_record_that_opens_cannot_be_removed_as_damaged(survivor):
    fine = SampleStep(vault=survivor.vault(), words="fine")
    fine.save()
    answer = survivor.api("post", "/vault/unreadable/remove",
                          {"kind": "vaultsample.samplestep", "id": str(fine.pk)})
    assert answer.status_code == 404
    assert SampleStep.objects.filter(pk=fine.pk).exists()


def test_someone_elses_damaged_record_cannot_be_removed(survivor, other_survivor):
    broken = SampleStep(vault=other_survivor.vault(), words="damaged")
    broken.save()
    damaged(broken)
    answer = survivor.api("post", "/vault/unreadable/remove",
                          {"kind": "vaultsample.samplestep", "id": str(broken.pk)})
    assert answer.status_code == 404
    assert SampleStep.objects.filter(pk=broken.pk).exists()
