"""The keystore: one random shred key per person, outside the main database.

Every wrap of a person's data key also depends on their shred key. Deleting an account
deletes the shred key, so the person's rows in any earlier backup of the main database
stay sealed for good, even to someone who knows the passphrase (crypto-shredding).
The keystore is a small SQLite file in the data directory, whatever the main database
is; `cove backup` copies it beside the database backup and `cove restore` leaves the
live keystore in place unless asked, so a restore never brings a deleted key back.
"""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

from django.conf import settings

from cove.vault import crypto


class ShredKeyMissing(Exception):
    """The person's shred key is gone: their data was deleted and cannot be opened."""


def path() -> Path:
    return Path(settings.COVE_KEYSTORE_PATH)


def _connect() -> sqlite3.Connection:
    db = sqlite3.connect(path(), timeout=20, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE IF NOT EXISTS shred_key (id TEXT PRIMARY KEY, key BLOB NOT NULL)")
    return db


def create() -> tuple[uuid.UUID, bytes]:
    key_id, key = uuid.uuid4(), crypto.new_key()
    with closing(_connect()) as db:
        db.execute("INSERT INTO shred_key (id, key) VALUES (?, ?)", (str(key_id), key))
    return key_id, key


def get(key_id: uuid.UUID) -> bytes:
    with closing(_connect()) as db:
        row = db.execute("SELECT key FROM shred_key WHERE id = ?", (str(key_id),)).fetchone()
    if row is None:
        raise ShredKeyMissing(str(key_id))
    return bytes(row[0])


def destroy(key_id: uuid.UUID) -> None:
    with closing(_connect()) as db:
        db.execute("DELETE FROM shred_key WHERE id = ?", (str(key_id),))
        # Overwrite freed pages so the key does not linger in the file or its WAL.
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("VACUUM")


def backup_to(target: Path) -> None:
    with closing(_connect()) as source, closing(sqlite3.connect(target)) as dest:
        source.backup(dest)


def restore_from(source_path: Path) -> None:
    with closing(sqlite3.connect(source_path)) as source, closing(_connect()) as dest:
        source.backup(dest)
