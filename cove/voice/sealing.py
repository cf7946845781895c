"""Sealing a recording in equal chunks, and opening it again as a stream.

Each chunk's plaintext is `length (4 bytes) + sound + zero padding` up to CHUNK_BYTES, so
every stored chunk has the same size: the database shows only how many 64 KiB pieces a
recording fills (about 10 seconds of speech each), not its exact length. Each chunk is
bound (AES-GCM associated data) to the note, its owner, its place and whether it is the
last, so chunks cannot be swapped, reordered, dropped or the recording cut short unnoticed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator

from cove.vault import crypto

CHUNK_BYTES = 64 * 1024
_LENGTH_BYTES = 4
PAYLOAD_BYTES = CHUNK_BYTES - _LENGTH_BYTES


class DamagedRecording(Exception):
    """A stored recording does not open: a chunk is missing, moved or changed."""


def _aad(note_id: uuid.UUID, owner_id: int, index: int, last: bool) -> bytes:
    return f"cove/voice-chunk v1|{note_id}|{owner_id}|{index}|{'last' if last else 'more'}".encode()


def pieces(stream: Iterable[bytes]) -> Iterator[bytes]:
    """Regroup any stream of bytes into PAYLOAD_BYTES pieces (the last may be shorter)."""
    buffer = bytearray()
    for block in stream:
        buffer.extend(block)
        while len(buffer) >= PAYLOAD_BYTES:
            yield bytes(buffer[:PAYLOAD_BYTES])
            del buffer[:PAYLOAD_BYTES]
    if buffer:
        yield bytes(buffer)


def seal_chunks(key: bytes, note_id: uuid.UUID, owner_id: int,
                stream: Iterable[bytes]) -> Iterator[bytes]:
    """Seal a stream of sound as equal-sized chunks; holds at most two pieces at a time."""
    iterator = pieces(stream)
    current = next(iterator, None)
    index = 0
    while current is not None:
        following = next(iterator, None)
        last = following is None
        plain = len(current).to_bytes(_LENGTH_BYTES, "big") + current
        plain += bytes(CHUNK_BYTES - len(plain))
        yield crypto.seal(key, plain, _aad(note_id, owner_id, index, last))
        current, index = following, index + 1


def open_chunk(key: bytes, note_id: uuid.UUID, owner_id: int, count: int, index: int,
               blob: bytes) -> bytes:
    """Open chunk `index` of a recording of `count` chunks; return its sound."""
    if index >= count:
        raise DamagedRecording(f"chunk {index} is past the end")
    try:
        plain = crypto.open_sealed(key, blob, _aad(note_id, owner_id, index, index == count - 1))
    except crypto.VaultError as exc:
        raise DamagedRecording(f"chunk {index} does not open") from exc
    length = int.from_bytes(plain[:_LENGTH_BYTES], "big")
    if length > PAYLOAD_BYTES:
        raise DamagedRecording(f"chunk {index} is malformed")
    return plain[_LENGTH_BYTES:_LENGTH_BYTES + length]


def open_chunks(key: bytes, note_id: uuid.UUID, owner_id: int, count: int,
                sealed: Iterable[tuple[int, bytes]], first: int = 0,
                last: int | None = None) -> Iterator[bytes]:
    """Open chunks `first`..`last` (default: all `count`) given as (index, ciphertext) in
    order; yield the sound."""
    last = count - 1 if last is None else last
    expected = first
    for index, blob in sealed:
        if index != expected or index > last:
            raise DamagedRecording(f"chunk {expected} is missing")
        yield open_chunk(key, note_id, owner_id, count, index, blob)
        expected += 1
    if expected != last + 1:
        raise DamagedRecording("the recording is cut short")
