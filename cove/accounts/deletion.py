"""Deleting an account so that it can never be left half done.

1. One transaction removes every row the person owns (sealed records, grants, keys, key
   bundle, sessions, the account) and writes a `PendingShred` naming their shred key. If
   anything fails, all of it rolls back: the person can still sign in and try again.
2. After the commit, the shred key is destroyed in the keystore and the `PendingShred`
   removed. If the process stops in between, the rows are already gone and the next start
   or sign-in attempt destroys the key (`finish_interrupted`), so old backups still become
   unreadable.
"""

from __future__ import annotations

import logging
import uuid

from django.contrib.sessions.models import Session
from django.db import transaction

from cove.accounts.models import PendingShred, User, UserSession
from cove.audit import services as audit
from cove.vault import services as vault_services

logger = logging.getLogger(__name__)


def erase(user: User) -> None:
    """Remove the person and everything they own, then destroy their shred key."""
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    with transaction.atomic():
        shred_key_id = vault_services.erase_keys_and_rows(user)
        if shred_key_id is not None:
            PendingShred.objects.create(shred_key_id=shred_key_id)
        Session.objects.filter(session_key__in=keys).delete()
        audit.record("auth.account_deleted", subject_id=user.pk)
        user.delete()
    if shred_key_id is not None:
        _destroy_or_leave_for_later(shred_key_id)


def _destroy_or_leave_for_later(shred_key_id: uuid.UUID) -> None:
    try:
        _destroy(shred_key_id)
    except Exception:  # the rows are gone already; the key goes at the next start or sign-in
        logger.exception("could not yet destroy a deleted account's shred key")


def _destroy(shred_key_id: uuid.UUID) -> None:
    vault_services.destroy_shred_key(shred_key_id)
    PendingShred.objects.filter(shred_key_id=shred_key_id).delete()


def finish_interrupted() -> int:
    """Destroy the shred keys of deletions that stopped after their rows were gone."""
    pending = list(PendingShred.objects.values_list("shred_key_id", flat=True)[:100])
    for shred_key_id in pending:
        _destroy_or_leave_for_later(shred_key_id)
    return len(pending)
