"""Transactions that fit: reading takes no write lock, writers queue, Argon2 stays outside."""

from __future__ import annotations

import sqlite3
import threading

import httpx
import pytest
from django.db import connection

from cove.conftest import sign_up_person
from cove.vault import kdf

pytestmark = pytest.mark.django_db(transaction=True)


def test_reading_pages_answer_while_another_writer_holds_sqlites_lock(cove_server):
    if cove_server.engine != "sqlite":
        pytest.skip("SQLite's single write lock is what this is about")
    river = cove_server.sign_up("river")
    holder = sqlite3.connect(cove_server.data_dir / "cove.sqlite3", timeout=1,
                             isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, in the middle of its transaction
    try:
        for path in ("/journal/", "/account/settings/", "/api/v1/auth/me"):
            response = river.http.get(path, timeout=httpx.Timeout(8.0))
            assert response.status_code == 200, (path, response.status_code)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_concurrent_writers_and_sign_ins_never_fail(cove_server):
    people = [cove_server.sign_up(f"writer{n}") for n in range(4)]
    failures: list[tuple[str, int, str]] = []

    def write(person) -> None:
        for index in range(8):
            response = person.api("POST", "/journal/entries",
                                  {"kind": "free", "answers": {"body": f"note {index}"}})
            if response.status_code != 201:
                failures.append(("write", response.status_code, response.text[:200]))

    def sign_in_again(person) -> None:
        for _ in range(4):
            response = cove_server.visitor().sign_in(person.username)
            if response.status_code != 200:
                failures.append(("sign-in", response.status_code, response.text[:200]))

    threads = [threading.Thread(target=write, args=(p,)) for p in people]
    threads += [threading.Thread(target=sign_in_again, args=(p,)) for p in people[:2]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    for person in people:
        listed = person.api("GET", "/journal/entries").json()
        assert listed["count"] == 8


@pytest.fixture
def argon2_sees_transactions(monkeypatch):
    """Record, for every Argon2id run, whether a database transaction was open around it."""
    seen: list[bool] = []
    real = kdf.derive

    def derive(passphrase, salt, params):
        seen.append(connection.in_atomic_block)
        return real(passphrase, salt, params)

    monkeypatch.setattr(kdf, "derive", derive)
    return seen


@pytest.mark.parametrize("flow", ["sign-up", "sign-in", "re-auth", "unlock", "change", "reset"])
def test_argon2_runs_outside_any_transaction(argon2_sees_transactions, flow):
    person = sign_up_person()
    argon2_sees_transactions.clear()
    if flow == "sign-up":
        sign_up_person()
    elif flow == "sign-in":
        person.api("post", "/auth/logout")
        assert person.api("post", "/auth/login", {"username": person.username,
                                                  "passphrase": person.passphrase}).status_code == 200
    elif flow == "re-auth":
        assert person.api("post", "/auth/reauth", {"passphrase": person.passphrase}).status_code == 204
    elif flow == "unlock":
        del person.client.cookies["cove_vk"]
        assert person.post("/vault/unlock/", {"passphrase": person.passphrase,
                                              "next": "/"}).status_code == 302
    elif flow == "change":
        assert person.api("post", "/account/passphrase", {
            "current": person.passphrase, "new": "a different long passphrase, 2027"}
        ).status_code == 204
    else:
        assert person.api("post", "/account/emergency-reset",
                          {"passphrase": person.passphrase}).status_code == 200
    assert argon2_sees_transactions and not any(argon2_sees_transactions)


def test_sign_in_runs_argon2_once(argon2_sees_transactions):
    person = sign_up_person()
    person.api("post", "/auth/logout")
    argon2_sees_transactions.clear()
    person.api("post", "/auth/login", {"username": person.username,
                                       "passphrase": person.passphrase})
    assert len(argon2_sees_transactions) == 1


def test_a_failed_write_leaves_nothing_half_done(survivor, monkeypatch):
    """An unsafe request is one transaction: a later failure undoes its earlier writes."""
    from cove.journal import services as journal

    real = journal.write_entry

    def write_then_fail(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("the disk filled up")

    monkeypatch.setattr(journal, "write_entry", write_then_fail)
    survivor.client.raise_request_exception = False
    response = survivor.api("post", "/journal/entries",
                            {"kind": "free", "answers": {"body": "kept or not at all"}})
    assert response.status_code == 500
    from cove.journal.models import JournalEntry

    assert not JournalEntry.objects.filter(owner=survivor.user).exists()
