"""All of a person's voice notes as one zip, written as it is sent (never whole in memory).

Inside: one `.webm` file per note (the cleaned sound) and `voice-notes.json` with each
note's name, typed words, length, date and the file that holds it. The sound is already
compressed, so files are stored, not deflated.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from cove.vault.keyring import Vault
from cove.voice import services
from cove.voice.models import VoiceNote

_UNSAFE = re.compile(r"[^\w .-]+", re.UNICODE)


class _Pipe:
    """A write-only file whose bytes are collected and handed on by the generator."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.written = 0

    def write(self, data: bytes) -> int:
        self.buffer.extend(data)
        self.written += len(data)
        return len(data)

    def tell(self) -> int:
        return self.written

    def flush(self) -> None:
        return None

    def take(self) -> bytes:
        data = bytes(self.buffer)
        self.buffer.clear()
        return data


def _file_name(note: VoiceNote, used: set[str]) -> str:
    title = _UNSAFE.sub("", note.title or "").strip()[:60] or "voice note"
    base = f"{note.created_at:%Y-%m-%d %H%M} {title}"
    name, n = f"{base}.webm", 2
    while name in used:
        name, n = f"{base} ({n}).webm", n + 1
    used.add(name)
    return name


def zip_stream(vault: Vault) -> Iterator[bytes]:
    pipe = _Pipe()
    listing: list[dict[str, Any]] = []
    used: set[str] = set()
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_STORED) as archive:  # type: ignore[call-overload]
        for note in VoiceNote.objects.owned_by(vault).order_by("created_at"):
            name = _file_name(note, used)
            info = zipfile.ZipInfo(name, date_time=note.created_at.timetuple()[:6])
            with archive.open(info, mode="w", force_zip64=True) as member:
                for piece in services.audio_of(note):
                    member.write(piece)
                    yield pipe.take()
            listing.append({"file": name, "name": note.title, "typed_words": note.transcript,
                            "seconds": note.seconds, "made": note.created_at.isoformat(),
                            "journal_entry": str(note.journal_entry_id or "") or None})
            yield pipe.take()
        archive.writestr("voice-notes.json", json.dumps(listing, indent=2, ensure_ascii=False))
    yield pipe.take()
