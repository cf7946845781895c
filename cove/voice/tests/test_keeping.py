"""Voice notes at rest, with journal entries, and when an account is erased."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from cove.journal.models import JournalEntry
from cove.vault import areas
from cove.vault.services import erase_keys_and_rows
from cove.voice.models import VoiceChunk, VoiceNote

pytestmark = pytest.mark.django_db


def upload(person, data: bytes, **fields):
    return person.post("/voice/new/", {"audio": SimpleUploadedFile("n.wav", data), **fields})


def an_entry(person) -> JournalEntry:
    entry = JournalEntry(vault=person.vault(), kind="free", answers={}, tags=[])  # type: ignore[misc]
    entry.save()
    return entry


def all_stored_bytes() -> bytes:
    stored = []
    with connection.cursor() as cursor:
        for table in (VoiceChunk._meta.db_table, VoiceNote._meta.db_table):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
            for row in cursor.fetchall():
                stored += [bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode()
                           for v in row]
    return b"|".join(stored)


def test_no_piece_of_the_sound_or_its_words_is_stored_in_the_clear(survivor, make_sound):
    upload(survivor, make_sound(3), title="canary-title-5521", transcript="canary-words-5521")
    note = VoiceNote.objects.owned_by(survivor.vault()).get()
    sound = b"".join(survivor.client.get(f"/voice/{note.pk}/audio/").streaming_content)
    stored = all_stored_bytes()
    windows = [sound[i:i + 32] for i in range(0, len(sound) - 32, 512)]
    assert b"canary" not in stored
    assert not any(window in stored for window in windows)


def test_a_note_kept_with_a_journal_entry_belongs_to_it(survivor, make_sound):
    entry = an_entry(survivor)
    upload(survivor, make_sound(1), journal_entry=str(entry.pk))
    note = VoiceNote.objects.owned_by(survivor.vault()).get()
    assert (note.journal_entry_id, note.area) == (entry.pk, areas.JOURNAL)


def test_a_note_follows_its_entry_when_the_entry_is_marked_shareable(survivor, make_sound):
    entry = an_entry(survivor)
    upload(survivor, make_sound(1), title="with the entry", journal_entry=str(entry.pk))
    survivor.post(f"/journal/{entry.pk}/share/", {"shareable": "1"})
    note = VoiceNote.objects.owned_by(survivor.vault()).get()
    assert (note.area, note.title) == (areas.JOURNAL_SHARED, "with the entry")
    assert survivor.client.get(f"/voice/{note.pk}/audio/").status_code == 200


def test_someone_elses_journal_entry_cannot_be_used(survivor, other_survivor, make_sound):
    entry = an_entry(other_survivor)
    response = upload(survivor, make_sound(1), journal_entry=str(entry.pk))
    assert response.status_code == 404 and not VoiceNote.objects.exists()


def test_erasing_an_account_erases_its_recordings(survivor, make_sound):
    upload(survivor, make_sound(1))
    erase_keys_and_rows(survivor.user)
    assert not VoiceNote.objects.exists() and not VoiceChunk.objects.exists()


def test_a_journal_entry_lists_its_voice_notes_and_offers_to_add_one(survivor, make_sound):
    entry = an_entry(survivor)
    upload(survivor, make_sound(1), title="said after writing", journal_entry=str(entry.pk))
    page = survivor.client.get(f"/journal/{entry.pk}/").content.decode()
    assert "said after writing" in page and f"/voice/new/?entry={entry.pk}" in page


def test_all_notes_download_as_one_zip_with_their_words(survivor, make_sound):
    import io
    import json
    import zipfile

    upload(survivor, make_sound(1), title="first one", transcript="said first")
    upload(survivor, make_sound(1), title="first one")
    response = survivor.client.get("/voice/voice-notes.zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    listing = json.loads(archive.read("voice-notes.json"))
    sounds = [name for name in archive.namelist() if name.endswith(".webm")]
    assert len(sounds) == 2 and len(set(sounds)) == 2
    assert [n["typed_words"] for n in listing] == ["said first", ""]
    assert all(archive.read(name).startswith(b"\x1a\x45\xdf\xa3") for name in sounds)


def a_practice(person):
    from cove.ladder.models import ENDED, ComfortStep, Ladder, PracticeSession

    vault = person.vault()
    ladder = Ladder(vault=vault, title="Closer, slowly")  # type: ignore[misc]
    ladder.save()
    step = ComfortStep(vault=vault, ladder=ladder, title="Holding hands")  # type: ignore[misc]
    step.save()
    session = PracticeSession(vault=vault, step=step, phase=ENDED,  # type: ignore[misc]
                              outcome="finished")
    session.save()
    return session


def test_the_readable_download_says_a_notes_length_as_the_player_does(survivor, make_sound):
    upload(survivor, make_sound(65), title="a long one")
    response = survivor.post("/vault/download/", {"passphrase": survivor.passphrase,
                                                  "format": "html"})
    page = " ".join(response.content.decode().split())
    assert "<dt>Length</dt> <dd>1:05</dd>" in page


def test_a_note_kept_with_a_practice_belongs_to_its_debrief(survivor, make_sound):
    session = a_practice(survivor)
    upload(survivor, make_sound(1), title="how it went", practice=str(session.pk))
    note = VoiceNote.objects.owned_by(survivor.vault()).get()
    assert (note.practice_id, note.area) == (session.pk, areas.LADDER)
    page = survivor.client.get(f"/ladder/practice/{session.pk}/").content.decode()
    assert f"/voice/new/?practice={session.pk}" in page and "how it went" in page


def test_someone_elses_practice_cannot_be_used(survivor, other_survivor, make_sound):
    response = upload(survivor, make_sound(1), practice=str(a_practice(other_survivor).pk))
    assert response.status_code == 404 and not VoiceNote.objects.exists()


def shared_entry_with_note(owner, make_sound, grantee=None):
    from cove.vault.services import grant_area

    entry = an_entry(owner)
    upload(owner, make_sound(1), title="for my therapist", journal_entry=str(entry.pk))
    owner.post(f"/journal/{entry.pk}/share/", {"shareable": "1"})
    if grantee is not None:
        grant_area(owner.vault(), grantee.user, areas.JOURNAL_SHARED)
    return VoiceNote.objects.owned_by(owner.vault()).get()


def test_a_note_on_a_shared_entry_plays_for_the_person_it_is_shared_with(
        survivor, other_survivor, make_sound):
    note = shared_entry_with_note(survivor, make_sound, grantee=other_survivor)
    response = other_survivor.client.get(f"/voice/shared/{survivor.username}/journal_shared/{note.pk}/audio/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x1a\x45\xdf\xa3")


def test_a_shared_play_is_in_the_owners_access_receipts(survivor, other_survivor, make_sound):
    from cove.audit.models import AuditEvent

    note = shared_entry_with_note(survivor, make_sound, grantee=other_survivor)
    other_survivor.client.get(f"/voice/shared/{survivor.username}/journal_shared/{note.pk}/audio/")
    read = AuditEvent.objects.filter(kind="shared.read").last()
    assert read is not None and read.detail["reader"] == other_survivor.username


def test_a_note_is_not_found_for_someone_it_is_not_shared_with(
        survivor, other_survivor, make_sound):
    note = shared_entry_with_note(survivor, make_sound, grantee=None)
    response = other_survivor.client.get(f"/voice/shared/{survivor.username}/journal_shared/{note.pk}/audio/")
    assert response.status_code == 404
