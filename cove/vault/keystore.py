"""The keystore: one random shred key per person, outside the main database.

Every wrap of a person's data key also depends on their shred key. Deleting an account
deletes the shred key, so the person's rows in any earlier backup of the main database
stay sealed for good, even to someone who knows the passphrase (crypto-shredding).

Two kinds, chosen by settings:

- a small SQLite file (`COVE_KEYSTORE_PATH`, in the data directory by default): one
  machine;
- a PostgreSQL database of its own (`COVE_KEYSTORE_URL`): any number of app servers share
  the keys. No keystore file is made or read when the URL is set.

The keystore is made once, when there are no accounts yet. After that a missing, emptied
or unreadable keystore is never quietly made again: that would turn every person's data
into noise and make every sign-in look like a wrong passphrase. Instead every use raises
`KeystoreUnavailable`, health checks answer 503 and `cove serve` refuses to start.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

from cove.vault import crypto

TABLE_SQL = "CREATE TABLE IF NOT EXISTS shred_key (id TEXT PRIMARY KEY, key BLOB NOT NULL)"
PG_TABLE_SQL = "CREATE TABLE IF NOT EXISTS shred_key (id uuid PRIMARY KEY, key bytea NOT NULL)"


class ShredKeyMissing(Exception):
    """The person's shred key is gone: their data was deleted and cannot be opened."""


class KeystoreUnavailable(Exception):
    """The keystore cannot be used: missing, unreadable, unreachable or not a keystore."""


def kind() -> str:
    return "postgresql" if settings.COVE_KEYSTORE_URL else "file"


def path() -> Path:
    return Path(settings.COVE_KEYSTORE_PATH)


def describe() -> str:
    """Where the keystore is, for messages (never a password)."""
    if kind() == "file":
        return str(path())
    parts = urlsplit(settings.COVE_KEYSTORE_URL)
    return f"postgresql://{parts.hostname or '127.0.0.1'}:{parts.port or 5432}{parts.path}"


def _accounts_exist() -> bool:
    from cove.vault.models import KeyBundle

    return KeyBundle.objects.exists()


# --- the SQLite file ---------------------------------------------------------------------


def create_private_file(target: Path) -> None:
    """Create an empty file only its owner can read, so SQLite's WAL and SHM inherit 0600."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with suppress(FileExistsError):
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _open_file(target: Path, *, create: bool) -> sqlite3.Connection:
    if not target.exists():
        if not create:
            raise KeystoreUnavailable(f"the keystore {target} is missing")
        create_private_file(target)
    try:
        db = sqlite3.connect(f"file:{target}?mode=rw", uri=True, timeout=20, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        if create:
            db.execute(TABLE_SQL)
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error as exc:
        raise KeystoreUnavailable(f"the keystore {target} cannot be opened ({exc})") from exc
    if "shred_key" not in names:
        db.close()
        raise KeystoreUnavailable(f"{target} is not a Cove keystore (it has no keys table)")
    return db


@contextmanager
def _file(*, create: bool = False) -> Iterator[sqlite3.Connection]:
    with closing(_open_file(path(), create=create)) as db:
        try:
            yield db
        except sqlite3.Error as exc:
            raise KeystoreUnavailable(f"the keystore {path()} failed ({exc})") from exc


# --- PostgreSQL --------------------------------------------------------------------------

_local = threading.local()


def _pg_connect() -> Any:
    import psycopg

    # One connection per thread and process: a connection made before gunicorn forks
    # must never be used by a worker.
    held = getattr(_local, "held", None)
    if held is not None and held[0] == os.getpid() and not held[1].closed:
        return held[1]
    try:
        conn = psycopg.connect(settings.COVE_KEYSTORE_URL, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        raise KeystoreUnavailable(f"the keystore at {describe()} cannot be reached") from exc
    _local.held = (os.getpid(), conn)
    return conn


def close() -> None:
    """Close this thread's keystore connection (before a fork, or at the end of a command)."""
    held = getattr(_local, "held", None)
    _local.held = None
    if held is not None and held[0] == os.getpid():
        held[1].close()


def _pg_run(sql: str, params: Iterable[Any] = (), *, fetch: bool = False) -> list[Any]:
    import psycopg

    # A dropped connection (a restarted database) is retried once on a fresh one.
    for attempt in (1, 2):
        conn = _pg_connect()
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql.encode(), list(params))
                return list(cursor.fetchall()) if fetch else []
        except psycopg.errors.UndefinedTable as exc:
            raise KeystoreUnavailable(
                f"the keystore at {describe()} has no keys table (was it emptied?)"
            ) from exc
        except psycopg.OperationalError as exc:
            close()
            if attempt == 2:
                raise KeystoreUnavailable(f"the keystore at {describe()} failed ({exc})") from exc
        except psycopg.Error as exc:
            raise KeystoreUnavailable(f"the keystore at {describe()} failed ({exc})") from exc
    raise AssertionError("unreachable")  # pragma: no cover


def _pg_table_exists() -> bool:
    rows = _pg_run("SELECT to_regclass('shred_key') IS NOT NULL", fetch=True)
    return bool(rows[0][0])


# --- what the rest of Cove uses ----------------------------------------------------------


def ensure_ready() -> str:
    """Make the keystore if this is a fresh install; otherwise check that it is usable.

    Returns a sentence saying what was found. Raises KeystoreUnavailable when accounts
    exist but the keystore is missing, empty of their keys or unreadable.
    """
    if kind() == "postgresql":
        _refuse_same_database()
        if not _pg_table_exists():
            if _accounts_exist():
                raise KeystoreUnavailable(
                    f"the keystore at {describe()} has no keys table, but accounts exist"
                )
            _pg_run(PG_TABLE_SQL)
            return f"made a new keystore at {describe()}"
    elif not path().exists():
        if _accounts_exist():
            raise KeystoreUnavailable(f"the keystore {path()} is missing, but accounts exist")
        with _file(create=True):
            pass
        return f"made a new keystore at {describe()}"
    check()
    return f"keystore at {describe()} is ready"


def check() -> None:
    """Raise KeystoreUnavailable unless the keystore opens and holds the newest account's key."""
    from cove.vault.models import KeyBundle

    newest = KeyBundle.objects.order_by("-id").values_list("shred_key_id", flat=True).first()
    if newest is None:
        # No accounts yet: a keystore not made yet is fine (the first sign-up makes it).
        fresh = not _pg_table_exists() if kind() == "postgresql" else not path().exists()
        if not fresh:
            count()  # opens and reads it
        return
    if not has(newest):
        raise KeystoreUnavailable(
            f"the keystore at {describe()} does not hold the keys of the accounts in this "
            "database (was it replaced or emptied?)"
        )


def _refuse_same_database() -> None:
    main = settings.DATABASES["default"]
    if main["ENGINE"] != "django.db.backends.postgresql":
        return
    ks = urlsplit(settings.COVE_KEYSTORE_URL)
    same_server = (ks.hostname or "127.0.0.1") == (main.get("HOST") or "127.0.0.1") and int(
        ks.port or 5432
    ) == int(main.get("PORT") or 5432)
    if same_server and ks.path.lstrip("/") == main["NAME"]:
        raise KeystoreUnavailable(
            "COVE_KEYSTORE_URL names the main database; the keystore needs a database of its "
            "own, so that deleting an account also seals it in every database backup"
        )


def create() -> tuple[uuid.UUID, bytes]:
    key_id, key = uuid.uuid4(), crypto.new_key()
    if kind() == "postgresql":
        if not _pg_table_exists():
            ensure_ready()
        _pg_run("INSERT INTO shred_key (id, key) VALUES (%s, %s)", [key_id, key])
        return key_id, key
    first_ever = not path().exists() and not _accounts_exist()
    with _file(create=first_ever) as db:
        db.execute("INSERT INTO shred_key (id, key) VALUES (?, ?)", (str(key_id), key))
    return key_id, key


def get(key_id: uuid.UUID) -> bytes:
    if kind() == "postgresql":
        rows = _pg_run("SELECT key FROM shred_key WHERE id = %s", [key_id], fetch=True)
    else:
        with _file() as db:
            rows = db.execute("SELECT key FROM shred_key WHERE id = ?", (str(key_id),)).fetchall()
    if not rows:
        raise ShredKeyMissing(str(key_id))
    return bytes(rows[0][0])


def has(key_id: uuid.UUID) -> bool:
    try:
        get(key_id)
    except ShredKeyMissing:
        return False
    return True


def count() -> int:
    if kind() == "postgresql":
        return int(_pg_run("SELECT count(*) FROM shred_key", fetch=True)[0][0])
    with _file() as db:
        return int(db.execute("SELECT count(*) FROM shred_key").fetchone()[0])


def destroy(key_id: uuid.UUID) -> None:
    if kind() == "postgresql":
        _pg_run("DELETE FROM shred_key WHERE id = %s", [key_id])
        # Rewrite the table so the deleted key's bytes do not stay in a dead row version.
        # The brief lock it needs must not hold a deletion up; plain VACUUM is the fallback.
        try:
            _pg_run("SET lock_timeout = '5s'")
            _pg_run("VACUUM FULL shred_key")
        except KeystoreUnavailable:
            _pg_run("VACUUM shred_key")
        return
    with _file() as db:
        db.execute("DELETE FROM shred_key WHERE id = ?", (str(key_id),))
        # Overwrite freed pages so the key does not linger in the file or its WAL.
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("VACUUM")


def rows() -> list[tuple[str, bytes]]:
    """Every (id, key) pair: for backups and moving the keystore, never for requests."""
    if kind() == "postgresql":
        found = _pg_run("SELECT id, key FROM shred_key ORDER BY id", fetch=True)
    else:
        with _file() as db:
            found = db.execute("SELECT id, key FROM shred_key ORDER BY id").fetchall()
    return [(str(key_id), bytes(key)) for key_id, key in found]


def add_rows(pairs: Iterable[tuple[str, bytes]]) -> int:
    """Add keys that are not there yet (a restore or a move); never replaces one. Returns how many."""
    pairs = list(pairs)
    if kind() == "postgresql":
        before = count() if _pg_table_exists() else 0
        _pg_run(PG_TABLE_SQL)
        conn = _pg_connect()
        with conn.transaction(), conn.cursor() as cursor:
            cursor.executemany(
                b"INSERT INTO shred_key (id, key) VALUES (%s, %s) ON CONFLICT (id) DO NOTHING",
                [(uuid.UUID(key_id), key) for key_id, key in pairs],
            )
        return count() - before
    with _file(create=True) as db:
        before = int(db.execute("SELECT count(*) FROM shred_key").fetchone()[0])
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT OR IGNORE INTO shred_key (id, key) VALUES (?, ?)", pairs)
        db.execute("COMMIT")
        return int(db.execute("SELECT count(*) FROM shred_key").fetchone()[0]) - before


# --- keystore files beside backups -------------------------------------------------------


def write_file(target: Path, pairs: Iterable[tuple[str, bytes]]) -> None:
    """Write keys to a new keystore file (0600), whichever kind the live keystore is."""
    create_private_file(target)
    with closing(sqlite3.connect(target, isolation_level=None)) as db:
        db.execute(TABLE_SQL)
        db.execute("BEGIN")
        db.executemany("INSERT INTO shred_key (id, key) VALUES (?, ?)", list(pairs))
        db.execute("COMMIT")


def read_file(source: Path) -> list[tuple[str, bytes]]:
    """Read the keys of a keystore file; KeystoreUnavailable if it is not one."""
    if not source.is_file():
        raise KeystoreUnavailable(f"{source} is missing")
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as db:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise KeystoreUnavailable(f"{source} is damaged")
            found = db.execute("SELECT id, key FROM shred_key").fetchall()
    except sqlite3.Error as exc:
        raise KeystoreUnavailable(f"{source} is not a Cove keystore") from exc
    return [(str(key_id), bytes(key)) for key_id, key in found]


def backup_to(target: Path) -> None:
    write_file(target, rows())


def restore_from(source_path: Path) -> int:
    """Add every key of a keystore file that the live keystore lacks; returns how many."""
    return add_rows(read_file(source_path))
