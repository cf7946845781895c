"""Writing and reading the audit log: a chain keyed under a key kept outside the database.

Each event's `hash` is an integrity tag (`cove.core.integrity.tag("audit", …)`) over the
previous event's hash and the event's own fields. Someone who can rewrite rows but cannot
read the integrity key cannot make a changed, removed or inserted event verify again.

Events written before the chain was keyed were re-linked by migration 0002 after their
plain SHA-256 chain verified (up to its first break, which stays visible). Plain hashes are
never accepted afterwards: otherwise someone could rewrite the whole log in the old, unkeyed
form (docs/operations.md, "The audit log").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cove.audit import deferred
from cove.audit.models import AuditEvent
from cove.core import integrity

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from cove.accounts.models import User

GENESIS = "0" * 64

# What each kind means to the person reading their own log.
KIND_LABELS = {
    "auth.signup": _("Account created"),
    "auth.login": _("Signed in"),
    "auth.login_failed": _("A sign-in with a wrong passphrase"),
    "auth.logout": _("Signed out"),
    "auth.quick_exit": _("Left quickly"),
    "auth.session_ended": _("A session was ended"),
    "auth.other_sessions_ended": _("All other sessions were ended"),
    "auth.unlocked": _("Unlocked with your passphrase"),
    "security.passphrase_changed": _("Passphrase changed"),
    "security.recovered": _("Passphrase reset with the recovery code"),
    "security.recovery_code_renewed": _("New recovery code made"),
    "security.emergency_reset": _("Emergency reset"),
    "security.idle_timeout_changed": _("Sign-out time changed"),
    "security.export": _("Your data was downloaded"),
    "security.email_changed": _("Email for reminders changed"),
    "security.grant_added": _("Something was shared"),
    "security.grant_revoked": _("Sharing was stopped"),
    "security.public_key_refused": _("Sharing was stopped: a key did not match its owner"),
    "vault.unreadable_skipped": _("Some items could not be opened and were left as they are"),
    "vault.unreadable_removed": _("An item that could not be opened was removed"),
    "authz.denied": _("A request for something that is not yours was refused"),
    "shared.read": _("Someone you share with viewed something"),
    "partners.invitation_made": _("A partner code was made"),
    "partners.code_used": _("You used a partner code"),
    "partners.confirmed": _("You confirmed a partner link"),
    "partners.unlinked": _("You left a partner link"),
    "security.safety_check": _("Safety Check: all sharing stopped"),
}


def _payload(fields: dict[str, Any]) -> str:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)


def _digest(prev_hash: str, fields: dict[str, Any]) -> str:
    """The keyed link: only someone holding the integrity key can make one."""
    return integrity.tag("audit", prev_hash, _payload(fields)).hex()


def _fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "subject_id": event.subject_id,
        "actor_id": event.actor_id,
        "kind": event.kind,
        "detail": event.detail,
        "created_at": event.created_at.isoformat(),
    }


def record(
    kind: str,
    *,
    subject: User | None = None,
    subject_id: int | None = None,
    actor: User | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain. Never pass content: ids, kinds and counts only."""
    with transaction.atomic():
        _lock_chain()
        last = AuditEvent.objects.order_by("-id").only("hash").first()
        event = AuditEvent(
            subject_id=subject.pk if subject is not None else subject_id,
            actor_id=actor.pk if actor is not None else None,
            kind=kind,
            detail=detail or {},
            created_at=timezone.now(),
            prev_hash=last.hash if last else GENESIS,
        )
        event.hash = _digest(event.prev_hash, _fields(event))
        event.save()
    return event


def record_read(owner_id: int, reader: User, counts: dict[str, int],
                what: str = "") -> AuditEvent | None:
    """The one receipt for one look at someone's shared parts (`shared.read`): every area
    read, with how many items each. Reading requests write at most one row, so a page that
    opens several areas calls this once. `area` keeps the first area for older readers;
    `what` names a single thing read when the receipt says so (receipts.PLAYED_VOICE_NOTE)."""
    if not counts:
        return None
    detail: dict[str, object] = {
        "area": next(iter(counts)), "areas": dict(counts), "items": sum(counts.values()),
        "reader": reader.username}
    if what:
        detail["what"] = what
    return record("shared.read", subject_id=owner_id, actor=reader, detail=detail)


def _lock_chain() -> None:
    """Serialise appends so the chain never forks (SQLite's IMMEDIATE mode already does)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [0x0C0FE_A0D1])


def record_denied_access(user: User, what: str) -> None:
    """Log a refused request for someone else's thing, after the answer is sent (so it
    costs the request no time: cove.audit.deferred)."""
    record_after_response("authz.denied", subject=user, actor=user, detail={"what": what})


def record_after_response(kind: str, **kwargs: Any) -> None:
    """Append an event once the current response is sent, in a transaction of its own (it
    survives the request's rollback); at once outside a request (cove.audit.deferred)."""
    if not deferred.later(record, kind, **kwargs):
        record(kind, **kwargs)


@dataclass
class ChainReport:
    """What `cove audit verify` found."""

    checked: int = 0
    broken_at: int | None = None  # id of the first event that does not follow
    head_id: int | None = None
    head_hash: str = ""


def verify_report() -> ChainReport:
    """Walk the whole log in order and stop at the first event that does not follow."""
    report = ChainReport()
    prev = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != prev or not _keyed_link_holds(event.hash, prev, _fields(event)):
            report.broken_at = event.pk
            return report
        report.checked += 1
        report.head_id, report.head_hash = event.pk, event.hash
        prev = event.hash
    return report


def _keyed_link_holds(stored: str, prev_hash: str, fields: dict[str, Any]) -> bool:
    try:
        tag = bytes.fromhex(stored)
    except ValueError:
        return False
    return integrity.verify("audit", tag, prev_hash, _payload(fields))


def verify_chain() -> int | None:
    """Return the id of the first event whose hash does not follow, or None if all do."""
    return verify_report().broken_at


def events_for(user: User) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(subject_id=user.pk).order_by("-id")


def label_for(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))
