"""Dangerous constructs on sealed records: each is refused or made correct (issue 12,
item 7; docs/architecture.md, "Dangerous constructs")."""

import pytest

from cove.vault import crypto
from cove.vault.fields import VaultLocked
from cove.vault.records import SealedFieldMisuse
from cove.vault.testing import ciphertext_of
from cove.vault.tests.sampleapp.models import SampleNote, SampleStep

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(survivor):
    note = SampleNote(vault=survivor.vault(), title="first", body="words", rating=3)
    note.save()
    return note


def test_refresh_from_db_shows_what_is_stored_now(survivor, note):
    elsewhere = SampleNote.objects.owned_by(survivor.vault()).get(pk=note.pk)
    elsewhere.title = "changed elsewhere"
    elsewhere.save()
    assert note.title == "first"  # opened before the change
    note.refresh_from_db()
    assert note.title == "changed elsewhere"


def test_refresh_from_db_drops_an_unsaved_change(note):
    note.title = "not saved"
    note.refresh_from_db()
    assert note.title == "first"


def test_refresh_of_one_field_keeps_the_others_open(survivor, note):
    elsewhere = SampleNote.objects.owned_by(survivor.vault()).get(pk=note.pk)
    elsewhere.body = "new words"
    elsewhere.save()
    note.refresh_from_db(fields=["body_sealed"])
    assert (note.title, note.body) == ("first", "new words")


def test_update_of_a_sealed_field_is_refused(note):
    with pytest.raises(SealedFieldMisuse, match="title"):
        SampleNote.objects.filter(pk=note.pk).update(title="plain text")


def test_update_of_a_sealed_column_by_its_attname_is_refused(note):
    with pytest.raises(SealedFieldMisuse):
        SampleNote.objects.filter(pk=note.pk).update(title_sealed=b"bytes")


def test_update_of_plain_fields_still_works(note):
    assert SampleNote.objects.filter(pk=note.pk).update(shareable=True) == 1


def test_bulk_update_of_a_sealed_field_is_refused(survivor, note):
    note.title = "new"
    with pytest.raises(SealedFieldMisuse):
        SampleNote.objects.bulk_update([note], ["title"])


def test_values_of_a_sealed_field_is_refused(note):
    with pytest.raises(SealedFieldMisuse):
        SampleNote.objects.values("title")


def test_values_of_every_field_is_refused(note):
    with pytest.raises(SealedFieldMisuse):
        SampleNote.objects.values()


def test_values_list_of_a_sealed_field_is_refused(note):
    with pytest.raises(SealedFieldMisuse):
        SampleNote.objects.values_list("body_sealed", flat=True)


def test_values_list_of_plain_fields_still_works(note):
    assert list(SampleNote.objects.values_list("id", flat=True)) == [note.pk]


def test_a_sealed_field_left_out_by_only_opens_when_read(survivor, note):
    loaded = SampleNote.objects.owned_by(survivor.vault()).only("id", "owner", "shareable").get()
    assert loaded.body == "words"


def test_a_deferred_sealed_field_opens_when_read(survivor, note):
    loaded = SampleNote.objects.owned_by(survivor.vault()).defer("body").get()
    assert loaded.body == "words"


def test_saving_a_partly_loaded_record_keeps_the_values_not_loaded(survivor, note):
    loaded = SampleNote.objects.owned_by(survivor.vault()).defer("body").get()
    loaded.title = "second"
    loaded.save()
    fresh = SampleNote.objects.owned_by(survivor.vault()).get()
    assert (fresh.title, fresh.body) == ("second", "words")


def test_bulk_create_seals_like_save(survivor):
    vault = survivor.vault()
    SampleStep.objects.bulk_create([SampleStep(vault=vault, words=f"step {n}") for n in range(3)])
    stored = SampleStep.objects.owned_by(survivor.vault()).order_by("created_at")
    assert sorted(s.words for s in stored) == ["step 0", "step 1", "step 2"]
    assert all(crypto.value_key_version(ciphertext_of(s, "words")) == 1 for s in stored)


def test_bulk_create_without_a_vault_is_refused(survivor):
    with pytest.raises(VaultLocked):
        SampleStep.objects.bulk_create([SampleStep(owner=survivor.user, words="no vault")])


def test_iterator_binds_the_vault(survivor, note):
    assert [n.title for n in SampleNote.objects.owned_by(survivor.vault()).iterator()] == ["first"]
