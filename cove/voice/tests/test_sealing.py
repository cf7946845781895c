"""The chunk format: equal sizes, and any missing, moved or changed chunk is noticed."""

from __future__ import annotations

import uuid

import pytest

from cove.vault import crypto
from cove.voice import sealing

KEY = crypto.new_key()
NOTE = uuid.uuid4()


def sealed(data: bytes) -> list[tuple[int, bytes]]:
    return list(enumerate(sealing.seal_chunks(KEY, NOTE, 7, [data])))


def opened(chunks: list[tuple[int, bytes]], count: int | None = None) -> bytes:
    total = len(chunks) if count is None else count
    return b"".join(sealing.open_chunks(KEY, NOTE, 7, total, chunks))


def test_sound_comes_back_exactly():
    data = bytes(range(256)) * 700
    assert opened(sealed(data)) == data


def test_every_chunk_has_the_same_size_whatever_the_length():
    sizes = {len(blob) for n in (1, 1000, sealing.PAYLOAD_BYTES, 200_000)
             for _, blob in sealed(b"x" * n)}
    assert len(sizes) == 1


def test_a_recording_cut_short_is_noticed():
    chunks = sealed(b"y" * 200_000)
    with pytest.raises(sealing.DamagedRecording):
        opened(chunks[:-1], count=len(chunks))


def test_a_dropped_last_chunk_cannot_pass_as_a_shorter_recording():
    chunks = sealed(b"y" * 200_000)
    with pytest.raises(sealing.DamagedRecording):
        opened(chunks[:-1])


def test_swapped_chunks_do_not_open():
    chunks = sealed(b"z" * 200_000)
    swapped = [(0, chunks[1][1]), (1, chunks[0][1]), *chunks[2:]]
    with pytest.raises(sealing.DamagedRecording):
        opened(swapped)


def test_a_chunk_from_another_note_does_not_open():
    other = list(enumerate(sealing.seal_chunks(KEY, uuid.uuid4(), 7, [b"w" * 10])))
    with pytest.raises(sealing.DamagedRecording):
        opened(other)
