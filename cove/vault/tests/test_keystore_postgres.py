"""The keystore in a PostgreSQL database of its own, and moving a file keystore there."""

from __future__ import annotations

import pytest
from django.db import connection

from cove.testing_server import CoveServer, Visitor, drop_database, new_database

pytestmark = [
    pytest.mark.server,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs the suite's PostgreSQL"),
]


@pytest.fixture
def file_keystore_server():
    """A server on PostgreSQL whose keystore is still a file in its data directory."""
    server = CoveServer(env={"COVE_KEYSTORE_URL": ""})
    server.keystore_url = ""
    try:
        server.start()
        yield server
    finally:
        server.close()


def test_moving_a_file_keystore_into_postgresql_keeps_everyone_able_to_sign_in(file_keystore_server):
    server = file_keystore_server
    server.sign_up("willow")
    server.stop()
    target = new_database("keystore")
    try:
        server.extra_env["COVE_KEYSTORE_URL"] = target
        moved = server.command("keystore", "migrate")
        assert moved.returncode == 0, moved.stderr
        assert "every account's key is there" in moved.stdout
        assert not (server.data_dir / "keystore.sqlite3").exists()
        server.start()
        assert Visitor(server.url).sign_in("willow").status_code == 200
        assert not (server.data_dir / "keystore.sqlite3").exists()  # never made again
    finally:
        server.stop()
        drop_database(target)


def test_a_keystore_url_naming_the_main_database_is_refused(cove_server):
    cove_server.stop()
    cove_server.extra_env["COVE_KEYSTORE_URL"] = cove_server.database_url
    with pytest.raises(RuntimeError, match="needs a database of its own"):
        cove_server.start(timeout=60)


def test_no_keystore_file_is_made_when_the_url_is_set():
    keystore = new_database("keystore")
    server = CoveServer(keystore_url=keystore)
    try:
        server.start()
        server.sign_up("alder")
        assert not (server.data_dir / "keystore.sqlite3").exists()
    finally:
        server.close()
        drop_database(keystore)
