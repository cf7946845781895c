"""The two streamed answers voice notes give, shared by the pages and the API."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse

from cove.vault.keyring import Vault
from cove.voice import archive, media, services
from cove.voice.models import VoiceNote

# One range of bytes (RFC 9110, 14.1.2): "bytes=first-last", "bytes=first-" or "bytes=-count".
_ONE_RANGE = re.compile(r"bytes=(\d{0,18})-(\d{0,18})")


class _Unsatisfiable(Exception):
    """The range asked for starts past the end of the sound."""


def _requested(request: HttpRequest, size: int) -> tuple[int, int] | None:
    """The bytes (first, last) a player asked for, or None to send the whole recording.

    Anything but one well-formed range is answered with the whole recording, as the standard
    allows; so is a range sent with If-Range, since these answers carry no validator.
    """
    header = request.headers.get("Range", "")
    match = _ONE_RANGE.fullmatch(header.replace(" ", ""))
    if match is None or "If-Range" in request.headers:
        return None
    first, last = match.group(1), match.group(2)
    if not first:
        if not last or int(last) == 0 or size == 0:
            raise _Unsatisfiable
        return max(0, size - int(last)), size - 1
    if last and int(last) < int(first):
        return None
    if int(first) >= size:
        raise _Unsatisfiable
    return int(first), min(int(last), size - 1) if last else size - 1


def audio(request: HttpRequest, note: VoiceNote, *, download: bool = False) -> HttpResponseBase:
    """The sound, opened chunk by chunk as it is sent; never cached anywhere.

    Players may ask for one range of bytes (to seek, or before they play at all, as Safari
    does): only the chunks that range touches are opened.
    """
    size = services.audio_size(note)
    try:
        wanted = _requested(request, size)
    except _Unsatisfiable:
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        refused["Cache-Control"] = "no-store, private"
        return refused
    response: HttpResponseBase
    if wanted is None:
        response = StreamingHttpResponse(services.audio_of(note), content_type=media.OUTPUT_TYPE)
        response["Content-Length"] = str(size)
    else:
        first, last = wanted
        response = StreamingHttpResponse(services.audio_of(note, first, last), status=206,
                                         content_type=media.OUTPUT_TYPE)
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
        response["Content-Length"] = str(last - first + 1)
    response["Accept-Ranges"] = "bytes"
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
