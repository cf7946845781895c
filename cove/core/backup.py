"""Verified backups, and reading what a backup holds before anything is restored from it.

A backup is the main database (SQLite's online backup API, or `pg_dump -Fc`) plus a
keystore file beside it (`PATH.keystore`, always a small SQLite file, whichever kind the
live keystore is). Both are created 0600, checked after writing, and never overwritten.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

from cove.vault import keystore

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
# A backup must hold these tables to be Cove's; the keystore file holds only shred_key.
COVE_TABLES = frozenset({"django_migrations", "accounts_user", "vault_keybundle"})


class BackupError(Exception):
    """One clear sentence about why a backup or restore cannot go ahead."""


def keystore_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".keystore")


def pg_env() -> tuple[dict[str, str], list[str]]:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["-h", str(db.get("HOST") or "127.0.0.1"), "-p", str(db.get("PORT") or 5432),
            "-U", str(db.get("USER") or "postgres")]
    return env, args


def _need(tool: str) -> None:
    if not shutil.which(tool):
        raise BackupError(f"{tool} is not installed (Debian: apt install postgresql-client).")


def make_backup(target: str | os.PathLike[str], *, require_data: bool = True) -> list[Path]:
    """Write PATH and PATH.keystore, each verified; returns the files written."""
    path = Path(target).resolve()
    key_path = keystore_path_for(path)
    for existing in (path, key_path):
        if existing.exists():
            raise BackupError(f"{existing} already exists; choose a new name so nothing is overwritten.")
    keystore.create_private_file(path)  # 0600 from the first byte, in a 0700 folder if new
    try:
        if connection.vendor == "sqlite":
            with closing(sqlite3.connect(settings.DATABASES["default"]["NAME"])) as source, closing(
                sqlite3.connect(path)
            ) as dest:
                source.backup(dest)
            verify_sqlite(path)
        elif connection.vendor == "postgresql":
            _need("pg_dump")
            env, args = pg_env()
            name = str(settings.DATABASES["default"]["NAME"])
            dumped = subprocess.run(["pg_dump", *args, "-Fc", "-f", str(path), name], env=env,
                                    capture_output=True, text=True)
            if dumped.returncode != 0:
                raise BackupError(f"pg_dump failed: {dumped.stderr.strip()}")
            listed = subprocess.run(["pg_restore", "--list", str(path)], env=env,
                                    capture_output=True, text=True)
            if listed.returncode != 0 or (require_data and "TABLE DATA" not in listed.stdout):
                raise BackupError("the dump could not be read back by pg_restore --list")
        else:  # pragma: no cover
            raise BackupError(f"backups of {connection.vendor} are not supported")
        os.chmod(path, 0o600)
        try:
            keystore.backup_to(key_path)
        except keystore.KeystoreUnavailable as exc:
            raise BackupError(f"the keystore could not be copied: {exc}") from exc
        verify_sqlite(key_path)
    except BaseException:
        # Never leave a half-written backup that looks like a good one.
        path.unlink(missing_ok=True)
        key_path.unlink(missing_ok=True)
        raise
    return [path, key_path]


def verify_sqlite(path: Path) -> None:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            result = db.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.Error as exc:
        raise BackupError(f"{path} is damaged or cut short ({exc}).") from exc
    if not result or result[0] != "ok":
        raise BackupError(f"{path} failed its integrity check: {result}")


# --- what a backup (or the live database) holds ------------------------------------------


@dataclass
class Contents:
    """What a database holds that matters for a restore: its schema and its accounts."""

    engine: str
    migrations: set[tuple[str, str]] = field(default_factory=set)
    accounts: set[int] = field(default_factory=set)
    shred_key_ids: set[uuid.UUID] = field(default_factory=set)


def sniff(path: Path) -> str:
    """"sqlite" or "postgresql" from the file's first bytes, or a BackupError saying why not."""
    if not path.exists():
        raise BackupError(f"{path} does not exist.")
    if path.is_dir():
        raise BackupError(f"{path} is a folder, not a backup file.")
    if path.stat().st_size == 0:
        raise BackupError(f"{path} is empty (0 bytes), so it is not a backup.")
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is not a Cove backup: it is neither a SQLite database nor a pg_dump file.")


def read_sqlite_backup(path: Path) -> Contents:
    verify_sqlite(path)
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables == {"shred_key"}:
            raise BackupError(
                f"{path} is a keystore, not a database backup. Give the database file: the same "
                "name without “.keystore”."
            )
        if not tables >= COVE_TABLES:
            raise BackupError(f"{path} is a SQLite database, but not a Cove backup.")
        contents = Contents("sqlite")
        contents.migrations = {(a, n) for a, n in db.execute("SELECT app, name FROM django_migrations")}
        contents.accounts = {int(r[0]) for r in db.execute("SELECT id FROM accounts_user")}
        contents.shred_key_ids = {
            uuid.UUID(str(r[0])) for r in db.execute("SELECT shred_key_id FROM vault_keybundle")
        }
    return contents


def _pg_copy_rows(path: Path, table: str) -> list[dict[str, str]]:
    """The rows of one table in a pg_dump file, read with pg_restore (no database needed)."""
    env, _args = pg_env()
    out = subprocess.run(["pg_restore", "--data-only", "--table", table, "-f", "-", str(path)],
                         env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise BackupError(f"{path} is damaged or cut short: pg_restore cannot read it.")
    rows: list[dict[str, str]] = []
    columns: list[str] = []
    for line in out.stdout.splitlines():
        if line.startswith("COPY ") and line.endswith("FROM stdin;"):
            columns = [c.strip().strip('"') for c in line[line.index("(") + 1:line.index(")")].split(",")]
        elif line == "\\.":
            columns = []
        elif columns:
            rows.append(dict(zip(columns, line.split("\t"), strict=False)))
    return rows


def read_pg_backup(path: Path) -> Contents:
    _need("pg_restore")
    env, _args = pg_env()
    listed = subprocess.run(["pg_restore", "--list", str(path)], env=env, capture_output=True, text=True)
    if listed.returncode != 0:
        raise BackupError(f"{path} is damaged or cut short: pg_restore cannot read it.")
    data = {line.split()[-2] for line in listed.stdout.splitlines() if " TABLE DATA " in line}
    if not data >= COVE_TABLES:
        raise BackupError(f"{path} is a pg_dump file, but not a Cove backup.")
    # Read every byte once: a dump cut short keeps its table of contents but loses data.
    whole = subprocess.run(["pg_restore", "-f", os.devnull, str(path)], env=env,
                           capture_output=True, text=True)
    if whole.returncode != 0:
        raise BackupError(f"{path} is damaged or cut short: pg_restore cannot read all of it.")
    contents = Contents("postgresql")
    contents.migrations = {(r["app"], r["name"]) for r in _pg_copy_rows(path, "django_migrations")}
    contents.accounts = {int(r["id"]) for r in _pg_copy_rows(path, "accounts_user")}
    contents.shred_key_ids = {uuid.UUID(r["shred_key_id"]) for r in _pg_copy_rows(path, "vault_keybundle")}
    return contents


def read_backup(path: Path) -> Contents:
    engine = sniff(path)
    if engine != connection.vendor:
        here = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
        there = "PostgreSQL" if engine == "postgresql" else "SQLite"
        raise BackupError(f"{path} is a {there} backup, but this Cove uses {here}; restore it on a "
                          f"Cove that uses {there}.")
    return read_sqlite_backup(path) if engine == "sqlite" else read_pg_backup(path)


def read_live() -> Contents:
    """The same facts about the live database (empty if it has no tables at all)."""
    from django.db.migrations.recorder import MigrationRecorder

    from cove.accounts.models import User
    from cove.vault.models import KeyBundle

    contents = Contents(connection.vendor)
    tables = set(connection.introspection.table_names())
    if "django_migrations" in tables:
        contents.migrations = set(MigrationRecorder(connection).applied_migrations())
    if User._meta.db_table in tables:
        contents.accounts = set(User.objects.values_list("id", flat=True))
    if KeyBundle._meta.db_table in tables:
        contents.shred_key_ids = set(KeyBundle.objects.values_list("shred_key_id", flat=True))
    return contents
