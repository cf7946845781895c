"""Restore: check everything first, keep a safety copy, then swap in one step.

Nothing is touched until the backup has proved to be a whole Cove backup of a schema this
version knows, with a readable keystore beside it (unless the operator says to go without).
The live data is then copied aside, the keystore gains any keys the restore needs (keys are
only ever added, so this step cannot lose one), and the database is replaced in a single
transaction: SQLite's backup API, or one `psql --single-transaction` run on PostgreSQL.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection, connections

from cove.core.backup import (
    BackupError,
    Contents,
    keystore_path_for,
    make_backup,
    pg_env,
    read_backup,
    read_live,
)
from cove.core.health import known_migrations
from cove.vault import keystore


@dataclass
class RestorePlan:
    source: Path
    backup: Contents
    live: Contents
    keystore_file: Path | None
    keys_to_add: list[tuple[str, bytes]] = field(default_factory=list)
    live_keystore_ok: bool = True
    safety_copy: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        """What the restore changes, in plain sentences for the operator."""
        engine = "PostgreSQL" if self.backup.engine == "postgresql" else "SQLite"
        out = [f"Backup: {self.source} ({engine}, {len(self.backup.accounts)} accounts)."]
        if self.keystore_file:
            out.append(f"Its keystore: {self.keystore_file}.")
        out.append(f"The live database has {len(self.live.accounts)} accounts; all of it is replaced.")
        back = self.backup.accounts - self.live.accounts
        gone = self.live.accounts - self.backup.accounts
        out.append(f"{len(back)} accounts in the backup are not here now and come back.")
        out.append(f"{len(gone)} accounts here now are not in the backup and would be gone, "
                   "with everything written since the backup.")
        after = self.live_keys_after()
        sealed = {k for k in self.backup.shred_key_ids if str(k) not in after}
        if sealed:
            out.append(f"{len(sealed)} accounts in the backup were deleted since; their rows come "
                       "back but stay sealed, because their keys are gone.")
        if self.keys_to_add:
            out.append(f"The live keystore ({keystore.describe()}) gains {len(self.keys_to_add)} keys "
                       "from the backup's keystore.")
        else:
            out.append(f"The live keystore ({keystore.describe()}) is kept as it is.")
        pending = known_migrations() - self.backup.migrations
        if pending:
            out.append(f"{len(pending)} database changes of this version are applied afterwards.")
        return out

    def live_keys_after(self) -> set[str]:
        current = {key_id for key_id, _ in keystore.rows()} if self.live_keystore_ok else set()
        return current | {key_id for key_id, _ in self.keys_to_add}


def plan_restore(
    source: str | os.PathLike[str],
    *,
    with_keystore: bool = False,
    keystore_file: str | os.PathLike[str] | None = None,
    no_keystore: bool = False,
) -> RestorePlan:
    """Every check, and nothing changed. Raises BackupError with one sentence if any fails."""
    path = Path(source).resolve()
    backup = read_backup(path)
    unknown = backup.migrations - known_migrations()
    if unknown:
        example = ".".join(sorted(unknown)[0])
        raise BackupError(f"{path} was made by a newer version of Cove (it has {len(unknown)} database "
                          f"changes this version does not know, such as {example}); upgrade Cove first.")
    if not backup.migrations:
        raise BackupError(f"{path} holds no schema version, so it is not a Cove backup.")

    try:
        keystore.count()
        live_ok = True
    except keystore.KeystoreUnavailable:
        live_ok = False

    key_file: Path | None = None
    pairs: list[tuple[str, bytes]] = []
    if no_keystore:
        if with_keystore or keystore_file:
            raise BackupError("--no-keystore cannot be used with --with-keystore or --keystore.")
        if not live_ok:
            raise BackupError(f"this Cove's keystore ({keystore.describe()}) cannot be opened, so the "
                              "backup's keystore is needed; leave out --no-keystore.")
    else:
        key_file = Path(keystore_file).resolve() if keystore_file else keystore_path_for(path)
        if not key_file.exists():
            raise BackupError(f"{key_file} is missing. A backup needs its keystore beside it; give it "
                              "with --keystore PATH, or use --no-keystore to keep this Cove's keystore.")
        try:
            pairs = keystore.read_file(key_file)
        except keystore.KeystoreUnavailable as exc:
            raise BackupError(f"{key_file} cannot be used as a keystore: {exc}.") from exc
        held = {uuid.UUID(key_id) for key_id, _ in pairs}
        if backup.shred_key_ids and not backup.shred_key_ids & held:
            raise BackupError(f"{key_file} holds none of the keys of the accounts in {path}, so it "
                              "belongs to another backup.")

    plan = RestorePlan(path, backup, read_live_or_empty(), key_file, live_keystore_ok=live_ok)
    if pairs and (with_keystore or not live_ok):
        current = {key_id for key_id, _ in keystore.rows()} if live_ok else set()
        plan.keys_to_add = [(k, v) for k, v in pairs if k not in current]
    return plan


def read_live_or_empty() -> Contents:
    try:
        return read_live()
    except DatabaseError as exc:
        raise BackupError(f"the live database cannot be read ({exc}); nothing was changed.") from exc


def restore_backup(
    source: str | os.PathLike[str],
    *,
    with_keystore: bool = False,
    keystore_file: str | os.PathLike[str] | None = None,
    no_keystore: bool = False,
) -> RestorePlan:
    """Check everything, then restore (see apply_restore)."""
    plan = plan_restore(source, with_keystore=with_keystore, keystore_file=keystore_file,
                        no_keystore=no_keystore)
    apply_restore(plan)
    return plan


def apply_restore(plan: RestorePlan) -> None:
    """Copy the live data aside, add needed keys, then replace the database in one step."""
    plan.safety_copy = take_safety_copy(keystore_ok=plan.live_keystore_ok)
    if plan.keys_to_add:
        try:
            keystore.add_rows(plan.keys_to_add)
        except keystore.KeystoreUnavailable as exc:
            raise BackupError(f"the keystore could not take the backup's keys ({exc}); the database "
                              "was not changed.") from exc
    connections.close_all()
    if plan.backup.engine == "sqlite":
        _swap_sqlite(plan.source)
    else:
        _swap_postgresql(plan.source)
    connections.close_all()
    # An older backup is brought up to this version's schema.
    try:
        call_command("migrate", interactive=False, verbosity=0)
    except DatabaseError as exc:
        raise BackupError(f"the backup was restored, but bringing it up to this version failed "
                          f"({exc}); the data as it was is in {plan.safety_copy[0]}.") from exc


def take_safety_copy(*, keystore_ok: bool) -> list[Path]:
    """Copy the live data aside before changing anything; refuse to go on if that fails."""
    folder = Path(settings.DATA_DIR) / "safety-copies"
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"before-restore-{stamp}.backup"
    try:
        if keystore_ok:
            return make_backup(target, require_data=False)
        # The live keystore is the thing being repaired: copy the database alone.
        return _database_only_copy(target)
    except (BackupError, DatabaseError, OSError) as exc:
        raise BackupError(f"a safety copy of the live data could not be made ({exc}); nothing was "
                          "changed.") from exc


def _database_only_copy(target: Path) -> list[Path]:
    keystore.create_private_file(target)
    if connection.vendor == "sqlite":
        with closing(sqlite3.connect(settings.DATABASES["default"]["NAME"])) as live, closing(
            sqlite3.connect(target)
        ) as dest:
            live.backup(dest)
        return [target]
    env, args = pg_env()
    done = subprocess.run(["pg_dump", *args, "-Fc", "-f", str(target),
                           str(settings.DATABASES["default"]["NAME"])], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(done.stderr.strip())
    return [target]


def _swap_sqlite(source: Path) -> None:
    # One step of the backup API is one write transaction on the live file: readers see the
    # old database or the new one, and a crash half-way leaves the old one.
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as backup, closing(
            sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=60)
        ) as live:
            backup.backup(live)
    except sqlite3.Error as exc:
        raise BackupError(f"the database could not be replaced ({exc}); it was left as it was.") from exc


def _swap_postgresql(source: Path) -> None:
    env, args = pg_env()
    name = str(settings.DATABASES["default"]["NAME"])
    script = subprocess.run(["pg_restore", "--no-owner", "--no-privileges", "-f", "-", str(source)],
                            env=env, capture_output=True)
    if script.returncode != 0:
        raise BackupError("pg_restore could not read the backup; the database was left as it was.")
    # Empty the schema first inside the same transaction, so tables that a newer version
    # added are not left behind with data the backup never had.
    prelude = b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n"
    done = subprocess.run(["psql", *args, "-X", "-q", "--single-transaction", "-v", "ON_ERROR_STOP=1",
                           "-d", name], input=prelude + script.stdout, env=env, capture_output=True)
    if done.returncode != 0:
        raise BackupError("the database could not be replaced ("
                          f"{done.stderr.decode(errors='replace').strip()}); it was left as it was.")
