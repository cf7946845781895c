"""Sound files for the voice-note tests, made with ffmpeg (installed by scripts/ensure-ffmpeg.sh)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from cove.vault.records import get_owned_or_404  # noqa: F401  (re-exported for tests)


def _ffmpeg_or_skip() -> str:
    found = shutil.which("ffmpeg")
    if found is None:
        if os.environ.get("COVE_REQUIRE_FFMPEG") == "1":
            pytest.fail("ffmpeg is required (COVE_REQUIRE_FFMPEG=1): run scripts/ensure-ffmpeg.sh")
        pytest.skip("ffmpeg is not installed (scripts/ensure-ffmpeg.sh)")
    return found


@pytest.fixture
def make_sound(tmp_path: Path) -> Callable[..., bytes]:
    """`make_sound(seconds, container, **metadata)` → the bytes of a short tone."""
    ffmpeg = _ffmpeg_or_skip()

    def make(seconds: float = 2.0, container: str = "wav", **metadata: str) -> bytes:
        out = tmp_path / f"tone-{seconds}-{len(metadata)}.{container}"
        codec = {"wav": ["-c:a", "pcm_s16le"], "ogg": ["-c:a", "libopus"],
                 "webm": ["-c:a", "libopus"], "m4a": ["-c:a", "aac"]}[container]
        tags = [arg for key, value in metadata.items() for arg in ("-metadata", f"{key}={value}")]
        subprocess.run([ffmpeg, "-hide_banner", "-v", "error", "-y", "-f", "lavfi", "-i",
                        f"sine=frequency=440:duration={seconds}", *codec, *tags, str(out)],
                       check=True)
        return out.read_bytes()

    return make
