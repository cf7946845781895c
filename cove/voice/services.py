"""Voice notes: keep a recording sealed, list, play back, retitle, transcribe, delete.

The slow part of keeping a recording (ffmpeg cleaning it) runs before any transaction;
only the writes are inside one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cove.audit.receipts import PLAYED_VOICE_NOTE
from cove.core.errors import InputError
from cove.journal.models import JournalEntry
from cove.ladder.models import PracticeSession
from cove.vault import areas, crypto
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_for_update, get_owned_or_404
from cove.vault.sharing import shared_record
from cove.voice import media, sealing
from cove.voice.models import VoiceChunk, VoiceNote

PAGE_SIZE = 20
TITLE_MAX = 120
TRANSCRIPT_MAX = 20_000


def max_minutes() -> int:
    return int(settings.COVE_VOICE_MAX_MINUTES)


def max_mb() -> int:
    return int(settings.COVE_VOICE_MAX_MB)


def _refusal(reason: str) -> InputError:
    messages = {
        "missing": _("Choose a recording first, or record one."),
        "empty": _("This file is empty. Please try recording again."),
        "type": _("Cove can keep WAV, OGG, WebM or M4A recordings. This file is not one of "
                  "them."),
        "damaged": _("Cove could not play this recording. It may be damaged or cut short. "
                     "Please try recording again."),
        "long": ngettext("This recording is longer than %(n)d minute. Please keep it shorter.",
                         "This recording is longer than %(n)d minutes. Please keep it "
                         "shorter, or say it in two notes.", max_minutes()) % {"n": max_minutes()},
        "large": _("This file is larger than %(n)d MB. Please try a shorter recording.")
        % {"n": max_mb()},
        "unavailable": _("Voice notes are not set up on this server yet. The person who runs "
                         "Cove can turn them on. You can write your words instead."),
    }
    return InputError({"audio": [messages[reason]]})


def _text(value: str | None, limit: int, field: str) -> str:
    text = (value or "").strip()
    if "\x00" in text:
        raise InputError({field: [_("Please remove the hidden characters and try again.")]})
    if len(text) > limit:
        raise InputError({field: [_("Please keep this under %(n)d characters.") % {"n": limit}]})
    return text


@dataclass(frozen=True)
class NewNote:
    title: str = ""
    transcript: str = ""
    journal_entry: str | None = None
    practice: str | None = None


def keep_recording(vault: Vault, upload: IO[bytes] | None, details: NewNote, *,
                   too_large: bool = False) -> VoiceNote:
    """Clean, seal and store a recording. Raises InputError with a clear reason."""
    if too_large:
        raise _refusal("large")
    if upload is None:
        raise _refusal("missing")
    title = _text(details.title, TITLE_MAX, "title")
    transcript = _text(details.transcript, TRANSCRIPT_MAX, "transcript")
    entry = (get_owned_or_404(JournalEntry, vault, details.journal_entry)
             if details.journal_entry else None)
    practice = (get_owned_or_404(PracticeSession, vault, details.practice)
                if details.practice and entry is None else None)
    belongs_to = entry or practice
    try:
        cleaned = media.clean(upload, max_minutes() * 60)
    except media.Unusable as exc:
        raise _refusal(exc.reason) from None
    note_id = uuid.uuid4()
    file_key = crypto.new_key()
    try:
        with transaction.atomic():
            note = VoiceNote(  # type: ignore[misc]
                vault=vault, id=note_id, title=title, transcript=transcript,
                seconds=cleaned.seconds, file_key=crypto.b64(file_key), chunks=0,
                journal_entry=entry, practice=practice,
                area=belongs_to.get_sharing_area() if belongs_to is not None else areas.JOURNAL,
            )
            note.save()
            count = 0
            stream = iter(lambda: cleaned.audio.read(sealing.PAYLOAD_BYTES), b"")
            for index, blob in enumerate(
                sealing.seal_chunks(file_key, note_id, vault.user.pk, stream)
            ):
                VoiceChunk.objects.create(note=note, index=index, data=blob)
                count += 1
            note.chunks = count
            note.save(update_fields=["chunks"], bump_version=False)
    finally:
        cleaned.audio.close()
    return note


def notes_page(vault: Vault, page: Any) -> Page:
    query = VoiceNote.objects.owned_by(vault).order_by("-created_at")
    return Paginator(query, PAGE_SIZE).get_page(page)


def notes_for(vault: Vault, record: JournalEntry | PracticeSession) -> list[VoiceNote]:
    """The notes kept with one journal entry or one practice (at most 20, oldest first)."""
    found = VoiceNote.objects.owned_by(vault)
    found = (found.filter(journal_entry=record) if isinstance(record, JournalEntry)
             else found.filter(practice=record))
    return list(found.order_by("created_at")[:20])


def get_note(vault: Vault, note_id: Any) -> VoiceNote:
    return get_owned_or_404(VoiceNote, vault, note_id)


def shared_note(vault: Vault, owner_name: str, area: str, note_id: Any) -> VoiceNote:
    """Someone else's note that they share with the vault's person through its area,
    checked and logged by the sharing layer like every shared read (a paused reader, an
    ended grant, a missing note: the same 404). Each play is in the owner's receipts."""
    try:
        record_id = uuid.UUID(str(note_id))
    except ValueError:
        raise Http404 from None
    return shared_record(vault, get_user_model().objects.find(owner_name), area, VoiceNote,
                         record_id, what=PLAYED_VOICE_NOTE)


def audio_size(note: VoiceNote) -> int:
    """How many bytes of sound a note holds: its full chunks and what the last one holds
    (opening the last chunk is the only way to know, as every chunk is padded)."""
    count = int(note.chunks or 0)
    if count == 0:
        return 0
    blob = (VoiceChunk.objects.filter(note_id=note.pk, index=count - 1)
            .values_list("data", flat=True).first())
    if blob is None:
        raise sealing.DamagedRecording("the recording is cut short")
    last = sealing.open_chunk(crypto.unb64(note.file_key), note.pk, note.owner_id, count,
                              count - 1, bytes(blob))
    return (count - 1) * sealing.PAYLOAD_BYTES + len(last)


def audio_of(note: VoiceNote, start: int = 0, end: int | None = None) -> Iterator[bytes]:
    """The cleaned recording, or its bytes `start`..`end` (inclusive), opened chunk by chunk
    (never held whole in memory; only the chunks the range touches are read)."""
    key = crypto.unb64(note.file_key)
    count = int(note.chunks or 0)
    first = start // sealing.PAYLOAD_BYTES
    last = count - 1 if end is None else min(end // sealing.PAYLOAD_BYTES, count - 1)
    rows = (VoiceChunk.objects.filter(note_id=note.pk, index__gte=first, index__lte=last)
            .order_by("index").values_list("index", "data").iterator(chunk_size=4))
    sealed = ((index, bytes(data)) for index, data in rows)
    sound = sealing.open_chunks(key, note.pk, note.owner_id, count, sealed, first, last)
    if start == 0 and end is None:
        return sound
    return _between(sound, start - first * sealing.PAYLOAD_BYTES,
                    None if end is None else end - start + 1)


def _between(pieces: Iterator[bytes], skip: int, length: int | None) -> Iterator[bytes]:
    """`length` bytes of a stream of pieces after the first `skip` (None: to the end)."""
    for piece in pieces:
        if skip >= len(piece):
            skip -= len(piece)
            continue
        piece, skip = piece[skip:], 0
        if length is not None:
            piece, length = piece[:length], length - min(length, len(piece))
        if piece:
            yield piece
        if length == 0:
            return


def describe(vault: Vault, note_id: Any, *, title: str | None, transcript: str | None,
             version: int | None = None) -> VoiceNote:
    """Change a note's title or transcript (None leaves it as it is)."""
    changes = {name: value for name, value in (("title", title), ("transcript", transcript))
               if value is not None}
    note = get_owned_for_update(VoiceNote, vault, note_id, version=version, yours=changes)
    if title is not None:
        note.title = _text(title, TITLE_MAX, "title")
    if transcript is not None:
        note.transcript = _text(transcript, TRANSCRIPT_MAX, "transcript")
    note.save()
    return note


def delete_note(vault: Vault, note_id: Any) -> None:
    """Delete a note and its sound at once (the chunks go with it)."""
    with transaction.atomic():
        note = get_owned_for_update(VoiceNote, vault, note_id)
        note.delete()


def follow_entry(vault: Vault, entry: JournalEntry) -> int:
    """Move an entry's notes to the entry's area key after its area changed (shareable)."""
    area = entry.get_sharing_area()
    moved = 0
    for note in VoiceNote.objects.owned_by(vault).filter(journal_entry=entry).exclude(area=area):
        note.area = area
        note.save(bump_version=False)
        moved += 1
    return moved
