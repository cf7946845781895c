"""Where uploaded files wait while a request is read: in memory, never on disk, and bounded.

Django's default spools uploads over 2.5 MB to a temporary file, where a recording would
sit unencrypted on the server's disk. This handler writes every upload into an anonymous
memory file instead, and stops keeping a file at COVE_VOICE_MAX_MB: the rest of that file is
read and dropped, the other fields (a typed transcript) still arrive, and the view says the
file is too large.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopFutureHandlers

from cove.voice import media

TOO_LARGE_FLAG = "_cove_upload_too_large"


def max_upload_bytes() -> int:
    return int(settings.COVE_VOICE_MAX_MB) * 1024 * 1024


class MemoryUploadHandler(FileUploadHandler):
    """Keep each uploaded file in a memfd, up to the configured limit."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self._written = 0
        self._handle = media.memory_file("cove-upload")
        raise StopFutureHandlers

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self._written += len(raw_data)
        if self._written > max_upload_bytes():
            self._handle.close()
            if self.request is not None:
                setattr(self.request, TOO_LARGE_FLAG, True)
            raise SkipFile  # the rest of this file is read and dropped; other fields stay
        self._handle.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> UploadedFile:
        self._handle.seek(0)
        return UploadedFile(file=self._handle, name=self.file_name,
                            content_type=self.content_type, size=file_size,
                            charset=self.charset)


def too_large(request: Any) -> bool:
    return bool(getattr(request, TOO_LARGE_FLAG, False))
