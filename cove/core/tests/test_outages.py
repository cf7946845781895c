"""A real server with its database or keystore taken away, and the modes of its files."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import psycopg
import pytest

from cove.testing_server import CoveServer, Visitor

pytestmark = [pytest.mark.server, pytest.mark.django_db(transaction=True)]


def take_database_away(server: CoveServer) -> None:
    if server.engine == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            (server.data_dir / f"cove.sqlite3{suffix}").unlink(missing_ok=True)
        return
    admin, name = server.database_url.rsplit("/", 1)
    with psycopg.connect(f"{admin}/postgres", autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'.encode())
        conn.execute(b"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])


def give_database_back(server: CoveServer) -> None:
    if server.engine == "postgresql":
        admin, name = server.database_url.rsplit("/", 1)
        with psycopg.connect(f"{admin}/postgres", autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'.encode())


def take_keystore_away(server: CoveServer) -> None:
    if server.keystore_url:
        with psycopg.connect(server.keystore_url, autocommit=True) as conn:
            conn.execute(b"DROP TABLE shred_key")
    else:
        for suffix in ("", "-wal", "-shm"):
            (server.data_dir / f"keystore.sqlite3{suffix}").unlink(missing_ok=True)


@pytest.fixture
def outage(cove_server):
    river = cove_server.sign_up("river")
    take_database_away(cove_server)
    try:
        yield cove_server, river
    finally:
        give_database_back(cove_server)


def test_readiness_answers_503_without_the_database(outage):
    server, _river = outage
    response = server.visitor().get("/readyz")
    assert response.status_code == 503
    assert server.visitor().get("/livez").status_code == 200


def test_a_page_without_the_database_keeps_leave_quickly_and_help(outage):
    _server, river = outage
    response = river.get("/journal/", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert response.status_code == 503
    assert "Leave quickly" in response.text and "Get help now" in response.text
    assert 'href="tel:' in response.text  # the crisis lines for the language's country


def test_the_api_without_the_database_answers_json(outage):
    _server, river = outage
    response = river.api("GET", "/journal/entries")
    assert response.status_code == 503 and "detail" in response.json()


def test_serve_refuses_to_start_without_the_keystore_once_accounts_exist(cove_server):
    cove_server.sign_up("river")
    cove_server.stop()
    take_keystore_away(cove_server)
    with pytest.raises(RuntimeError, match="Cove will not make a new one"):
        cove_server.start(timeout=60)


def test_a_keystore_lost_while_serving_answers_503_not_a_wrong_passphrase(cove_server):
    cove_server.sign_up("river")
    take_keystore_away(cove_server)
    response = Visitor(cove_server.url).sign_in("river")
    assert response.status_code == 503
    assert cove_server.visitor().get("/readyz").status_code == 503


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


def test_data_files_and_backups_are_private(cove_server):
    data = cove_server.data_dir
    # SQLite removes the WAL when the last connection closes; keep one open so it stays.
    held = [sqlite3.connect(data / name) for name in ("cove.sqlite3", "keystore.sqlite3")
            if (data / name).exists()]
    for db in held:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    river = cove_server.sign_up("river")
    river.api("POST", "/journal/entries", {"kind": "free", "answers": {"body": "mine"}})
    assert mode(data) == "0o700"
    private = [data / "secret_key", data / "integrity_key"]
    if cove_server.engine == "sqlite":
        private += [data / "cove.sqlite3", data / "cove.sqlite3-wal", data / "cove.sqlite3-shm"]
    if not cove_server.keystore_url:
        private += [data / "keystore.sqlite3", data / "keystore.sqlite3-wal"]
    done = cove_server.command("backup", str(data / "backups" / "today.backup"))
    assert done.returncode == 0, done.stderr
    private += [data / "backups" / "today.backup", data / "backups" / "today.backup.keystore"]
    assert {str(p): mode(p) for p in private} == {str(p): "0o600" for p in private}
    assert mode(data / "backups") == "0o700"
    for db in held:
        db.close()


def test_serve_refuses_a_database_others_can_read(cove_server):
    if cove_server.engine != "sqlite":
        pytest.skip("PostgreSQL keeps its own files")
    cove_server.stop()
    (cove_server.data_dir / "cove.sqlite3").chmod(0o644)
    with pytest.raises(RuntimeError, match="chmod 600"):
        cove_server.start(timeout=60)
