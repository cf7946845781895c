"""Sealed fields: ciphertext at rest, bound to row, field and owner."""

import pytest
from django.db import connection

from cove.vault.crypto import VaultError
from cove.vault.fields import VaultLocked
from cove.vault.records import get_owned_or_404
from cove.vault.testing import ciphertext_of, write_ciphertext
from cove.vault.tests.sampleapp.models import SampleNote, SampleStep

pytestmark = pytest.mark.django_db


def raw_row(model, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {model._meta.db_table} WHERE id = %s",  # noqa: S608
                       [pk.hex if connection.vendor == "sqlite" else pk])
        return cursor.fetchone()


def test_sealed_text_is_not_stored_in_the_clear(survivor):
    note = SampleNote(vault=survivor.vault(), title="canary-title-7731", body="canary-body", rating=81)
    note.save()
    row = raw_row(SampleNote, note.pk)
    blob = b"".join(bytes(v) for v in row if isinstance(v, bytes | memoryview))
    assert b"canary-title-7731" not in blob and b"canary-body" not in blob


def test_sealed_values_read_back_through_the_vault(survivor):
    vault = survivor.vault()
    SampleNote(vault=vault, title="hello", body="world", rating=5, tags=["a"]).save()
    note = SampleNote.objects.owned_by(survivor.vault()).get()
    assert (note.title, note.body, note.rating, note.tags) == ("hello", "world", 5, ["a"])


def test_a_record_without_a_vault_cannot_be_saved(survivor):
    with pytest.raises(VaultLocked):
        SampleNote(owner=survivor.user, title="x").save()


def test_a_record_loaded_without_a_vault_cannot_be_read(survivor):
    SampleNote(vault=survivor.vault(), title="secret").save()
    note = SampleNote.objects.get()
    with pytest.raises(VaultLocked):
        _ = note.title


def test_ciphertext_moved_to_another_row_does_not_open(survivor):
    vault = survivor.vault()
    first = SampleNote(vault=vault, title="first")
    first.save()
    second = SampleNote(vault=vault, title="second")
    second.save()
    write_ciphertext(second, "title", ciphertext_of(first, "title"))
    moved = SampleNote.objects.owned_by(vault).get(pk=second.pk)
    with pytest.raises(VaultError):
        _ = moved.title


def test_ciphertext_moved_to_another_field_does_not_open(survivor):
    vault = survivor.vault()
    note = SampleNote(vault=vault, title="title", body="body")
    note.save()
    write_ciphertext(note, "body", ciphertext_of(note, "title"))
    moved = SampleNote.objects.owned_by(vault).get(pk=note.pk)
    with pytest.raises(VaultError):
        _ = moved.body


def test_another_persons_vault_cannot_open_a_record(survivor, other_survivor):
    note = SampleNote(vault=survivor.vault(), title="mine")
    note.save()
    stolen = SampleNote.objects.unlocked(other_survivor.vault()).get(pk=note.pk)
    with pytest.raises((VaultError, VaultLocked)):
        _ = stolen.title


def test_owned_by_lists_only_the_persons_own_records(survivor, other_survivor):
    SampleNote(vault=survivor.vault(), title="mine").save()
    SampleNote(vault=other_survivor.vault(), title="theirs").save()
    titles = [n.title for n in SampleNote.objects.owned_by(survivor.vault())]
    assert titles == ["mine"]


def test_someone_elses_record_gives_the_same_404_as_a_missing_one(survivor, other_survivor):
    from django.http import Http404

    theirs = SampleNote(vault=other_survivor.vault(), title="theirs")
    theirs.save()
    with pytest.raises(Http404):
        get_owned_or_404(SampleNote, survivor.vault(), theirs.pk)
    with pytest.raises(Http404):
        get_owned_or_404(SampleNote, survivor.vault(), "not-a-uuid")


def test_changing_the_area_reseals_the_record_under_the_new_key(survivor):
    vault = survivor.vault()
    note = SampleNote(vault=vault, title="moving", shareable=False)
    note.save()
    before = ciphertext_of(note, "title")
    note = SampleNote.objects.owned_by(vault).get(pk=note.pk)
    note.shareable = True
    note.save()
    reread = SampleNote.objects.owned_by(survivor.vault()).get(pk=note.pk)
    assert reread.title == "moving"
    assert ciphertext_of(reread, "title") != before


def test_updating_one_field_leaves_the_others_readable(survivor):
    vault = survivor.vault()
    step = SampleStep(vault=vault, words="hold hands")
    step.save()
    step = SampleStep.objects.owned_by(vault).get(pk=step.pk)
    step.done = True
    step.save(update_fields=["done", "updated_at"])
    again = SampleStep.objects.owned_by(survivor.vault()).get(pk=step.pk)
    assert (again.words, again.done) == ("hold hands", True)


def test_wrong_value_types_are_refused(survivor):
    with pytest.raises(TypeError):
        SampleNote(vault=survivor.vault(), rating="high")
    with pytest.raises(TypeError):
        SampleNote(vault=survivor.vault(), rating=True)
