"""Verified backups: SQLite's online backup API or pg_dump, plus the keystore beside it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from cove.vault import keystore


class BackupError(Exception):
    pass


def keystore_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".keystore")


def _pg_env() -> tuple[dict[str, str], list[str]]:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["-h", str(db.get("HOST") or "127.0.0.1"), "-p", str(db.get("PORT") or 5432),
            "-U", str(db.get("USER") or "postgres")]
    return env, args


def make_backup(target: str | os.PathLike[str]) -> list[Path]:
    path = Path(target).resolve()
    if path.exists():
        raise BackupError(f"{path} already exists; choose a new name so nothing is overwritten.")
    path.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        with closing(sqlite3.connect(settings.DATABASES["default"]["NAME"])) as source, closing(
            sqlite3.connect(path)
        ) as dest:
            source.backup(dest)
        verify_sqlite(path)
    elif connection.vendor == "postgresql":
        if not shutil.which("pg_dump"):
            raise BackupError("pg_dump is not installed (Debian: apt install postgresql-client).")
        env, args = _pg_env()
        name = str(settings.DATABASES["default"]["NAME"])
        subprocess.run(["pg_dump", *args, "-Fc", "-f", str(path), name], env=env, check=True)
        listed = subprocess.run(["pg_restore", "--list", str(path)], env=env,
                                capture_output=True, text=True)
        if listed.returncode != 0 or "TABLE DATA" not in listed.stdout:
            raise BackupError("the dump could not be read back by pg_restore --list")
    else:  # pragma: no cover
        raise BackupError(f"backups of {connection.vendor} are not supported")
    os.chmod(path, 0o600)
    key_path = keystore_path_for(path)
    keystore.backup_to(key_path)
    verify_sqlite(key_path)
    os.chmod(key_path, 0o600)
    return [path, key_path]


def verify_sqlite(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        result = db.execute("PRAGMA integrity_check").fetchone()
    if not result or result[0] != "ok":
        raise BackupError(f"{path} failed its integrity check: {result}")


def restore_backup(source: str | os.PathLike[str], *, with_keystore: bool = False) -> None:
    path = Path(source).resolve()
    if not path.exists():
        raise BackupError(f"{path} does not exist")
    connections.close_all()
    if connection.vendor == "sqlite":
        verify_sqlite(path)
        with closing(sqlite3.connect(path)) as backup, closing(
            sqlite3.connect(settings.DATABASES["default"]["NAME"])
        ) as live:
            backup.backup(live)
    elif connection.vendor == "postgresql":
        env, args = _pg_env()
        name = str(settings.DATABASES["default"]["NAME"])
        subprocess.run(["pg_restore", *args, "--clean", "--if-exists", "--no-owner",
                        "--single-transaction", "-d", name, str(path)], env=env, check=True)
    key_path = keystore_path_for(path)
    if with_keystore or not keystore.path().exists():
        if not key_path.exists():
            raise BackupError(f"{key_path} is missing; without it nobody's data can be opened")
        keystore.restore_from(key_path)
