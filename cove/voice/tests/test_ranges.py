"""Players ask for ranges of a recording's bytes: to seek, and (Safari) before they play."""

from __future__ import annotations

import pytest

from cove.vault import areas
from cove.vault.services import grant_area
from cove.voice.models import VoiceNote
from cove.voice.sealing import PAYLOAD_BYTES
from cove.voice.tests.test_keeping import shared_entry_with_note, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_note(survivor, make_sound) -> tuple[VoiceNote, bytes]:
    """A recording of several chunks, and its whole sound as a plain GET gives it."""
    upload(survivor, make_sound(40), title="a long one")
    note = VoiceNote.objects.owned_by(survivor.vault()).get()
    assert int(note.chunks or 0) >= 2  # so ranges can cross from one chunk to the next
    whole = b"".join(survivor.client.get(f"/voice/{note.pk}/audio/").streaming_content)
    return note, whole


def play(person, note, byte_range: str | None = None, **headers: str):
    if byte_range is not None:
        headers["HTTP_RANGE"] = byte_range
    return person.client.get(f"/voice/{note.pk}/audio/", **headers)


def test_the_whole_recording_says_its_length_and_that_ranges_are_taken(survivor, long_note):
    note, whole = long_note
    response = play(survivor, note)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert int(response["Content-Length"]) == len(whole) > PAYLOAD_BYTES


@pytest.mark.parametrize(("asked", "first", "last"), [
    ("bytes=0-1", 0, 1),  # Safari's first question
    (f"bytes={PAYLOAD_BYTES - 100}-{PAYLOAD_BYTES + 99}", PAYLOAD_BYTES - 100,
     PAYLOAD_BYTES + 99),  # across two chunks
    (f"bytes={PAYLOAD_BYTES + 5}-", PAYLOAD_BYTES + 5, None),  # from a place to the end
    ("bytes=-500", -500, None),  # the last 500 bytes
    ("bytes=10-99999999", 10, None),  # an end past the sound is the sound's end
])
def test_a_range_gives_exactly_those_bytes(survivor, long_note, asked, first, last):
    note, whole = long_note
    first = first % len(whole)
    last = len(whole) - 1 if last is None else last
    response = play(survivor, note, asked)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(whole)}"
    body = b"".join(response.streaming_content)
    assert body == whole[first:last + 1]
    assert int(response["Content-Length"]) == len(body)


@pytest.mark.parametrize("asked", ["bytes=99999999-", "bytes=-0"])
def test_a_range_that_cannot_be_met_is_refused_with_the_length(survivor, long_note, asked):
    note, whole = long_note
    response = play(survivor, note, asked)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(whole)}"
    assert response.content == b""


@pytest.mark.parametrize("asked", ["bytes=0-1,5-9", "bytes=9-3", "items=0-5", "bytes=abc"])
def test_several_ranges_or_nonsense_get_the_whole_recording(survivor, long_note, asked):
    note, whole = long_note
    response = play(survivor, note, asked)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == whole


def test_a_range_with_if_range_gets_the_whole_recording(survivor, long_note):
    note, whole = long_note
    response = play(survivor, note, "bytes=0-1", HTTP_IF_RANGE="Wed, 21 Oct 2026 07:28:00 GMT")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == whole


def test_the_api_takes_a_range_too(survivor, long_note):
    note, whole = long_note
    response = survivor.api("GET", f"/voice/notes/{note.pk}/audio", HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == whole[100:200]


def test_a_shared_note_takes_a_range_and_the_read_is_in_the_receipts(
        survivor, other_survivor, make_sound):
    from cove.audit.models import AuditEvent

    note = shared_entry_with_note(survivor, make_sound)
    grant_area(survivor.vault(), other_survivor.user, areas.JOURNAL_SHARED)
    url = f"/voice/shared/{survivor.username}/journal_shared/{note.pk}/audio/"
    whole = b"".join(other_survivor.client.get(url).streaming_content)
    response = other_survivor.client.get(url, HTTP_RANGE="bytes=4-")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == whole[4:]
    assert AuditEvent.objects.filter(kind="shared.read").count() == 2
