"""Voice notes through the pages: keep, play, describe, delete — and every refusal is clear."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from cove.voice.models import VoiceChunk, VoiceNote

pytestmark = pytest.mark.django_db


def upload(person, data: bytes, name: str = "note.wav", **fields):
    return person.post("/voice/new/", {"audio": SimpleUploadedFile(name, data), **fields})


def kept_note(person) -> VoiceNote:
    return VoiceNote.objects.owned_by(person.vault()).get()


def audio_bytes(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_kept_recording_plays_back_as_webm(survivor, make_sound):
    response = upload(survivor, make_sound(2), title="After the walk")
    note = kept_note(survivor)
    assert response.status_code == 302 and response["Location"] == f"/voice/{note.pk}/"
    played = survivor.client.get(f"/voice/{note.pk}/audio/")
    assert played["Content-Type"] == "audio/webm"
    assert audio_bytes(played).startswith(b"\x1a\x45\xdf\xa3")


def test_the_recording_is_never_cached(survivor, make_sound):
    upload(survivor, make_sound(1))
    played = survivor.client.get(f"/voice/{kept_note(survivor).pk}/audio/")
    assert "no-store" in played["Cache-Control"]


def test_the_length_and_title_are_kept(survivor, make_sound):
    upload(survivor, make_sound(3), title="A calm evening")
    note = kept_note(survivor)
    assert (note.title, note.seconds) == ("A calm evening", 3)


def test_what_the_device_wrote_into_the_file_is_removed(survivor, make_sound):
    upload(survivor, make_sound(1, "ogg", title="Canary-Title-4471", artist="Canary-Artist-4471"))
    played = audio_bytes(survivor.client.get(f"/voice/{kept_note(survivor).pk}/audio/"))
    # Only Cove's own encoder's name stays, without its version (bit-exact mode).
    assert b"Canary" not in played and b"Lavf5" not in played and b"Lavf6" not in played


@pytest.mark.parametrize("container", ["wav", "ogg", "webm", "m4a"])
def test_every_accepted_kind_of_file_is_kept(survivor, make_sound, container):
    response = upload(survivor, make_sound(1, container), name=f"note.{container}")
    assert response.status_code == 302


def test_the_type_is_read_from_the_content_not_the_name(survivor):
    response = upload(survivor, b"this is plain text, not sound" * 10, name="note.wav")
    assert response.status_code == 422
    assert "WAV, OGG, WebM or M4A" in response.content.decode()
    assert not VoiceNote.objects.exists()


def test_an_empty_file_gets_a_clear_message(survivor):
    response = upload(survivor, b"", name="note.webm")
    assert response.status_code == 422
    assert "This file is empty" in response.content.decode()


def test_a_cut_short_file_gets_a_clear_message(survivor, make_sound):
    response = upload(survivor, make_sound(2, "webm")[:300], name="note.webm")
    assert response.status_code == 422
    assert "may be damaged or cut short" in response.content.decode()


@override_settings(COVE_VOICE_MAX_MB=1)
def test_a_file_over_the_size_limit_gets_a_clear_message_and_nothing_is_kept(survivor):
    big = b"RIFF\x00\x00\x00\x00WAVE" + bytes(1024 * 1024 + 10)
    response = upload(survivor, big)
    assert response.status_code == 422
    assert "larger than 1 MB" in response.content.decode()
    assert not VoiceNote.objects.exists()


@override_settings(COVE_VOICE_MAX_MINUTES=1)
def test_a_recording_over_the_time_limit_gets_a_clear_message(survivor, make_sound):
    response = upload(survivor, make_sound(62))
    assert response.status_code == 422
    assert "longer than 1 minute" in response.content.decode()


def test_the_typed_words_stay_in_the_form_when_a_file_is_refused(survivor):
    response = upload(survivor, b"not sound at all", transcript="words I do not want to lose")
    assert "words I do not want to lose" in response.content.decode()


@override_settings(COVE_VOICE_MAX_MB=1)
def test_the_typed_words_stay_even_when_the_file_is_too_large(survivor):
    big = b"RIFF\x00\x00\x00\x00WAVE" + bytes(1024 * 1024 + 10)
    response = upload(survivor, big, transcript="still here after a big file")
    assert "still here after a big file" in response.content.decode()


def test_someone_elses_note_and_sound_are_not_found(survivor, other_survivor, make_sound):
    upload(survivor, make_sound(1))
    note = kept_note(survivor)
    assert other_survivor.client.get(f"/voice/{note.pk}/").status_code == 404
    assert other_survivor.client.get(f"/voice/{note.pk}/audio/").status_code == 404


def test_the_title_and_typed_words_can_be_changed(survivor, make_sound):
    upload(survivor, make_sound(1))
    note = kept_note(survivor)
    survivor.post(f"/voice/{note.pk}/", {"title": "New name", "transcript": "What I said",
                                          "version": note.version})
    note = kept_note(survivor)
    assert (note.title, note.transcript) == ("New name", "What I said")


def test_a_change_based_on_an_old_copy_shows_both_and_keeps_the_typing(survivor, make_sound):
    upload(survivor, make_sound(1))
    note = kept_note(survivor)
    survivor.post(f"/voice/{note.pk}/", {"title": "From my phone", "transcript": "",
                                          "version": note.version})
    response = survivor.post(f"/voice/{note.pk}/", {"title": "From my laptop",
                                                     "transcript": "", "version": note.version})
    page = response.content.decode()
    assert response.status_code == 409
    assert "From my phone" in page and "From my laptop" in page


def test_deleting_a_note_removes_its_sound(survivor, make_sound):
    upload(survivor, make_sound(1))
    note = kept_note(survivor)
    survivor.post(f"/voice/{note.pk}/delete/")
    assert not VoiceNote.objects.exists() and not VoiceChunk.objects.exists()


def test_the_recording_page_alone_may_ask_for_the_microphone(survivor):
    assert "microphone=(self)" in survivor.client.get("/voice/new/")["Permissions-Policy"]
    assert "microphone=()" in survivor.client.get("/voice/")["Permissions-Policy"]
