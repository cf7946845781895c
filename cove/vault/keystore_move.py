"""`cove keystore migrate`: move a keystore file into the PostgreSQL keystore.

Keys are copied (never replacing one already there), then checked: every account in the
database must find its key in PostgreSQL before the file is removed. A stray copy of the
keys would undo crypto-shredding for anyone deleted later, so the file is overwritten and
deleted unless the operator asks to keep it.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

from cove.vault import keystore


class MoveRefused(Exception):
    pass


def move_file_to_postgresql(source: str | None = None, *, keep_file: bool = False) -> list[str]:
    from cove.vault.models import KeyBundle

    if keystore.kind() != "postgresql":
        raise MoveRefused("set COVE_KEYSTORE_URL to the PostgreSQL keystore first, then run this again")
    path = Path(source or settings.COVE_KEYSTORE_PATH).resolve()
    pairs = keystore.read_file(path)
    added = keystore.add_rows(pairs)
    held = {key_id for key_id, _ in keystore.rows()}
    missing_moved = [key_id for key_id, _ in pairs if key_id not in held]
    needed = {str(k) for k in KeyBundle.objects.values_list("shred_key_id", flat=True)}
    missing_needed = needed - held
    if missing_moved or missing_needed:
        raise MoveRefused(f"{len(missing_moved) + len(missing_needed)} keys are not in "
                          f"{keystore.describe()} after the copy; {path} was left in place")
    out = [f"Copied {added} keys from {path} to {keystore.describe()} "
           f"({len(pairs) - added} were already there); every account's key is there."]
    if keep_file:
        out.append(f"{path} was kept. Delete it once you no longer need it: it is a copy of the keys.")
        return out
    for part in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
        if part.exists():
            _overwrite_and_remove(part)
    out.append(f"Removed {path}. Old backups keep their own .keystore files.")
    return out


def _overwrite_and_remove(part: Path) -> None:
    # Best effort: on journaling or copy-on-write storage old blocks may survive.
    size = part.stat().st_size
    with part.open("r+b") as handle:
        handle.write(b"\0" * size)
        handle.flush()
        os.fsync(handle.fileno())
    part.unlink()
