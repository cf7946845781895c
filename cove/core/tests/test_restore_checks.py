"""cove restore checks everything before it touches anything, and keeps a safety copy."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from cove.accounts.models import User
from cove.cli import main
from cove.conftest import sign_up_person
from cove.core.backup import sniff
from cove.vault import keystore
from cove.vault.tests.sampleapp.models import SampleNote

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live(tmp_path):
    """A person with a note, and a fresh backup of them at tmp_path/cove.backup."""
    person = sign_up_person("alder")
    SampleNote(vault=person.vault(), title="kept safe").save()
    target = tmp_path / "cove.backup"
    assert main(["backup", str(target)]) == 0
    return person, target


def refused(capsys, *argv: str) -> str:
    """Run cove restore, expect a refusal, return its one sentence."""
    assert main(["restore", *argv]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Restore refused: ")
    assert "Traceback" not in err and len(err.splitlines()) == 1
    return err


def assert_live_untouched(person) -> None:
    assert User.objects.filter(username="alder").exists()
    assert [n.title for n in SampleNote.objects.owned_by(person.vault())] == ["kept safe"]


def test_an_empty_file_is_refused_and_nothing_changes(live, tmp_path, capsys):
    person, _ = live
    empty = tmp_path / "empty.backup"
    empty.touch()
    shutil.copy(keystore_file(live), tmp_path / "empty.backup.keystore")
    assert "empty (0 bytes)" in refused(capsys, str(empty))
    assert_live_untouched(person)


def test_a_keystore_given_by_mistake_is_refused(live, capsys):
    person, target = live
    err = refused(capsys, str(target) + ".keystore")
    assert "is a keystore, not a database backup" in err or "is a SQLite backup" in err
    assert_live_untouched(person)


def test_a_missing_keystore_is_refused_before_anything_changes(live, capsys):
    person, target = live
    Path(str(target) + ".keystore").unlink()
    assert "keystore beside it" in refused(capsys, str(target), "--with-keystore")
    assert_live_untouched(person)


def test_a_truncated_backup_is_refused(live, capsys):
    person, target = live
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    assert "damaged or cut short" in refused(capsys, str(target))
    assert_live_untouched(person)


def test_a_file_that_is_not_a_backup_is_refused(live, tmp_path, capsys):
    person, _ = live
    foreign = tmp_path / "holiday.jpg"
    foreign.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 4000)
    assert "not a Cove backup" in refused(capsys, str(foreign), "--no-keystore")
    assert_live_untouched(person)


def test_a_database_that_is_not_cove_is_refused(live, tmp_path, capsys):
    if connection.vendor != "sqlite":
        pytest.skip("a foreign SQLite file is refused for its engine on PostgreSQL")
    person, _ = live
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    assert "not a Cove backup" in refused(capsys, str(other), "--no-keystore")
    assert_live_untouched(person)


def test_a_backup_from_a_newer_version_is_refused(live, capsys):
    if connection.vendor != "sqlite":
        pytest.skip("editing a pg_dump archive by hand is not practical; the check is shared")
    person, target = live
    with closing(sqlite3.connect(target)) as db:
        db.execute("INSERT INTO django_migrations (app, name, applied) "
                   "VALUES ('journal', '0999_from_the_future', '2030-01-01')")
        db.commit()
    assert "newer version of Cove" in refused(capsys, str(target))
    assert_live_untouched(person)


def test_a_keystore_of_another_backup_is_refused(live, tmp_path, capsys):
    person, target = live
    stranger = tmp_path / "stranger.keystore"
    keystore.write_file(stranger, [("00000000-0000-4000-8000-000000000001", b"k" * 32)])
    assert "belongs to another backup" in refused(capsys, str(target), "--keystore", str(stranger))
    assert_live_untouched(person)


def test_a_dry_run_says_what_would_change_and_changes_nothing(live, capsys):
    _person, target = live
    sign_up_person("birch")  # not in the backup
    copies = Path(settings.DATA_DIR) / "safety-copies"
    before = sorted(copies.iterdir()) if copies.exists() else []
    assert main(["restore", "--dry-run", str(target)]) == 0
    out = capsys.readouterr().out
    assert "1 accounts here now are not in the backup" in out
    assert "Dry run: nothing was changed." in out
    assert User.objects.filter(username="birch").exists()
    assert (sorted(copies.iterdir()) if copies.exists() else []) == before


def test_a_restore_keeps_a_safety_copy_of_what_was_there(live, capsys):
    _person, target = live
    sign_up_person("birch")
    assert main(["restore", str(target)]) == 0
    out = capsys.readouterr().out
    copy = Path(out.split("Safety copy of the data as it was: ")[1].splitlines()[0])
    assert copy.exists() and Path(str(copy) + ".keystore").exists()
    assert sniff(copy) == connection.vendor
    assert not User.objects.filter(username="birch").exists()
    assert oct(copy.stat().st_mode & 0o777) == "0o600"


def test_the_safety_copy_restores_what_the_restore_replaced(live, capsys):
    _person, target = live
    birch = sign_up_person("birch")
    main(["restore", str(target)])
    copy = capsys.readouterr().out.split("Safety copy of the data as it was: ")[1].splitlines()[0]
    assert main(["restore", copy]) == 0
    assert User.objects.filter(username="birch").exists()
    assert birch.vault() is not None


def test_a_lost_keystore_comes_back_from_the_backup(live, capsys):
    person, target = live
    lose_live_keystore()
    assert main(["restore", str(target)]) == 0
    assert [n.title for n in SampleNote.objects.owned_by(person.vault())] == ["kept safe"]


def test_without_a_keystore_the_restore_needs_the_backups(live, capsys):
    _person, target = live
    lose_live_keystore()
    assert "keystore" in refused(capsys, str(target), "--no-keystore")


def keystore_file(live) -> Path:
    return Path(str(live[1]) + ".keystore")


def lose_live_keystore() -> None:
    if keystore.kind() == "file":
        for suffix in ("", "-wal", "-shm"):
            Path(str(keystore.path()) + suffix).unlink(missing_ok=True)
    else:
        import psycopg

        with psycopg.connect(settings.COVE_KEYSTORE_URL, autocommit=True) as conn:
            conn.execute(b"DROP TABLE shred_key")
        keystore.close()


def test_a_lost_keystore_alone_comes_back_without_touching_the_database(live, capsys):
    person, _target = live
    lose_live_keystore()
    assert main(["keystore", "restore", str(keystore_file(live))]) == 0
    assert capsys.readouterr().out.startswith("Added ")
    assert [n.title for n in SampleNote.objects.owned_by(person.vault())] == ["kept safe"]
