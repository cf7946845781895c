"""Writing and reading the audit log."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cove.audit.models import AuditEvent

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
    "authz.denied": _("A request for something that is not yours was refused"),
    "shared.read": _("Someone you share with viewed something"),
}


def _digest(prev_hash: str, fields: dict[str, Any]) -> str:
    payload = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + payload).encode()).hexdigest()


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


def _lock_chain() -> None:
    """Serialise appends so the chain never forks (SQLite's IMMEDIATE mode already does)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [0x0C0FE_A0D1])


def record_denied_access(user: User, what: str) -> None:
    record("authz.denied", subject=user, actor=user, detail={"what": what})


def verify_chain() -> int | None:
    """Return the id of the first event whose hash does not follow, or None if all do."""
    prev = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator():
        if event.prev_hash != prev or _digest(prev, _fields(event)) != event.hash:
            return event.pk
        prev = event.hash
    return None


def events_for(user: User) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(subject_id=user.pk).order_by("-id")


def label_for(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))
