"""The audit chain is keyed outside the database; `cove audit verify` says where it breaks."""

from __future__ import annotations

import hashlib
import importlib

import pytest
from django.apps import apps as django_apps
from django.test import Client, override_settings

from cove.audit import services as audit
from cove.audit.models import AuditEvent
from cove.cli import main

pytestmark = pytest.mark.django_db


def rewrite_as_an_attacker(event: AuditEvent, kind: str) -> None:
    """Change an event and recompute every later hash the way the old unkeyed chain did."""
    events = list(AuditEvent.objects.filter(id__gte=event.pk).order_by("id"))
    prev = event.prev_hash
    for row in events:
        fields = audit._fields(row)
        if row.pk == event.pk:
            fields["kind"] = kind
        new_hash = hashlib.sha256((prev + audit._payload(fields)).encode()).hexdigest()
        AuditEvent.objects.filter(pk=row.pk).update(kind=fields["kind"], prev_hash=prev, hash=new_hash)
        prev = new_hash


def test_a_history_rewritten_without_the_key_no_longer_verifies(survivor, other_survivor):
    first = AuditEvent.objects.order_by("id")[0]
    rewrite_as_an_attacker(first, "auth.logout")
    assert audit.verify_chain() == first.pk


def test_a_chain_written_under_another_key_does_not_verify(survivor):
    with override_settings(COVE_INTEGRITY_KEY="another key kept elsewhere " * 3):
        assert audit.verify_chain() == AuditEvent.objects.order_by("id")[0].pk


def make_the_log_unkeyed(break_at: int | None = None) -> None:
    """Give the events plain SHA-256 links, as Cove wrote them before the chain was keyed."""
    prev = audit.GENESIS
    for row in AuditEvent.objects.order_by("id"):
        plain = hashlib.sha256((prev + audit._payload(audit._fields(row))).encode()).hexdigest()
        AuditEvent.objects.filter(pk=row.pk).update(prev_hash=prev, hash=plain)
        prev = plain
    if break_at is not None:
        AuditEvent.objects.filter(pk=break_at).update(kind="auth.logout")


def key_the_chain() -> None:
    migration = importlib.import_module("cove.audit.migrations.0002_key_the_chain")
    migration.key_the_chain(django_apps, None)


def test_an_unkeyed_log_no_longer_verifies(survivor):
    make_the_log_unkeyed()
    assert audit.verify_chain() == AuditEvent.objects.order_by("id")[0].pk


def test_the_upgrade_keys_a_whole_unkeyed_log_and_the_chain_continues(survivor):
    make_the_log_unkeyed()
    key_the_chain()
    Client().post("/account/login/", {"username": survivor.username, "passphrase": "not it, sorry"})
    assert audit.verify_chain() is None


def test_the_upgrade_keeps_a_break_that_was_already_there(survivor, other_survivor):
    second = AuditEvent.objects.order_by("id")[1]
    make_the_log_unkeyed(break_at=second.pk)
    key_the_chain()
    assert audit.verify_chain() == second.pk


def test_an_event_with_a_plain_hash_after_keyed_ones_is_a_break(survivor, other_survivor):
    last = AuditEvent.objects.order_by("-id")[0]
    plain = hashlib.sha256((last.prev_hash + audit._payload(audit._fields(last))).encode()).hexdigest()
    AuditEvent.objects.filter(pk=last.pk).update(hash=plain)
    assert audit.verify_chain() == last.pk


def test_verify_command_reports_a_whole_chain(survivor, capsys):
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "audit events follow" in out and "Newest event:" in out


def test_verify_command_names_the_event_where_the_chain_breaks(survivor, other_survivor, capsys):
    second = AuditEvent.objects.order_by("id")[1]
    AuditEvent.objects.filter(pk=second.pk).update(detail={"what": "something else"})
    assert main(["audit", "verify"]) == 1
    assert f"breaks at event {second.pk}" in capsys.readouterr().err
