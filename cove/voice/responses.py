"""The two streamed answers voice notes give, shared by the pages and the API."""

from __future__ import annotations

from django.http import StreamingHttpResponse

from cove.vault.keyring import Vault
from cove.voice import archive, media, services
from cove.voice.models import VoiceNote


def audio(note: VoiceNote, *, download: bool = False) -> StreamingHttpResponse:
    """The sound, opened chunk by chunk as it is sent; never cached anywhere."""
    response = StreamingHttpResponse(services.audio_of(note), content_type=media.OUTPUT_TYPE)
    response["Cache-Control"] = "no-store, private"
    response["Content-Disposition"] = (
        'attachment; filename="voice-note.webm"' if download else "inline")
    return response


def zip_of_all(vault: Vault) -> StreamingHttpResponse:
    """Every voice note as one zip, written as it is sent."""
    response = StreamingHttpResponse(archive.zip_stream(vault), content_type="application/zip")
    response["Cache-Control"] = "no-store, private"
    response["Content-Disposition"] = 'attachment; filename="voice-notes.zip"'
    return response
