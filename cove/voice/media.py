"""Checking and cleaning a recording with ffmpeg, in memory, before anything is stored.

- The type is decided by the file's first bytes, never by its name or the browser's word.
- The sound is re-encoded to Opus in WebM (plays in every current browser) with every tag,
  chapter, picture and other stream dropped, and ffmpeg's bit-exact flags so not even the
  encoder's version is written. What the recording device wrote (names, dates, places,
  apps) does not survive.
- Nothing touches the disk: the upload lives in an anonymous memory file (memfd) and the
  result in another; both are bounded by the upload limit, so memory stays bounded too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import IO

from django.conf import settings

# What each accepted container starts with.
KINDS = {
    "webm": "audio/webm",
    "ogg": "audio/ogg",
    "wav": "audio/wav",
    "mp4": "audio/mp4",
}
OUTPUT_TYPE = "audio/webm"
_TIMEOUT_S = 120


class Unusable(Exception):
    """The file is not a recording Cove can keep; `reason` says which of the known ways."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "empty", "type", "damaged", "long", "unavailable"


@dataclass(frozen=True)
class Cleaned:
    audio: IO[bytes]  # positioned at 0; a memory file the caller closes
    seconds: int


def sniff(head: bytes) -> str | None:
    """The container named by a file's first bytes, or None."""
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head.startswith(b"OggS"):
        return "ogg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[4:8] == b"ftyp":
        return "mp4"
    return None


def available() -> bool:
    return shutil.which(_ffmpeg()) is not None and shutil.which(_ffprobe()) is not None


def _ffmpeg() -> str:
    return str(getattr(settings, "COVE_FFMPEG", "ffmpeg"))


def _ffprobe() -> str:
    return str(getattr(settings, "COVE_FFPROBE", "ffprobe"))


def memory_file(name: str) -> IO[bytes]:
    """An anonymous file in memory (never on disk), opened for reading and writing."""
    return os.fdopen(os.memfd_create(name, os.MFD_CLOEXEC), "w+b")


def _path(handle: IO[bytes]) -> str:
    return f"/proc/self/fd/{handle.fileno()}"


def clean(upload: IO[bytes], max_seconds: int) -> Cleaned:
    """Check and re-encode an upload; raise Unusable with the reason otherwise."""
    upload.seek(0)
    head = upload.read(16)
    if not head:
        raise Unusable("empty")
    if sniff(head) is None:
        raise Unusable("type")
    if not available():
        raise Unusable("unavailable")
    upload.seek(0)
    source = upload if hasattr(upload, "fileno") and _is_real_fd(upload) else _copy_to_memory(upload)
    output = memory_file("cove-voice-out")
    command = [
        _ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-y",
        "-i", _path(source),
        "-map", "0:a:0", "-vn", "-sn", "-dn",
        "-map_metadata", "-1", "-map_chapters", "-1",
        "-fflags", "+bitexact", "-flags:a", "+bitexact",
        "-c:a", "libopus", "-b:a", "48k",
        "-t", str(max_seconds + 1),
        "-f", "webm", _path(output),
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=_TIMEOUT_S,  # noqa: S603
                              pass_fds=(source.fileno(), output.fileno()), check=False)
    except subprocess.TimeoutExpired:
        output.close()
        raise Unusable("damaged") from None
    finally:
        if source is not upload:
            source.close()
    seconds = _duration(output) if done.returncode == 0 else None
    if seconds is None or seconds <= 0:
        output.close()
        raise Unusable("damaged")
    if seconds > max_seconds:
        output.close()
        raise Unusable("long")
    output.seek(0)
    return Cleaned(audio=output, seconds=max(1, round(seconds)))


def _is_real_fd(handle: IO[bytes]) -> bool:
    try:
        handle.fileno()
    except (OSError, ValueError, AttributeError):
        return False
    return True


def _copy_to_memory(upload: IO[bytes]) -> IO[bytes]:
    copy = memory_file("cove-voice-in")
    shutil.copyfileobj(upload, copy, 64 * 1024)
    copy.seek(0)
    return copy


def _duration(output: IO[bytes]) -> float | None:
    output.flush()
    command = [_ffprobe(), "-v", "error", "-show_entries", "format=duration", "-of", "json",
               _path(output)]
    done = subprocess.run(command, capture_output=True, timeout=_TIMEOUT_S,  # noqa: S603
                          pass_fds=(output.fileno(),), check=False)
    if done.returncode != 0:
        return None
    try:
        return float(json.loads(done.stdout)["format"]["duration"])
    except (KeyError, ValueError, TypeError):
        return None
