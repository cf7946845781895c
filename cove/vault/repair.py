"""Records that no longer open, found, counted and removable by their owner.

With versioned area keys nothing Cove writes should ever become unreadable; a damaged
disk, a hand-edited database or a restored backup of the wrong keystore still can. Such a
record never stops rotation, emergency reset or export for the rest (they skip and count
it), and its owner sees it here and may remove it. Only a record that really does not
open can be removed this way.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.http import Http404

from cove.audit import services as audit
from cove.vault import crypto
from cove.vault.fields import VaultLocked
from cove.vault.keyring import NoAccess, Vault
from cove.vault.records import SealedRecord, sealed_models

# What opening a record that cannot be opened raises.
UNREADABLE = (crypto.VaultError, VaultLocked, NoAccess, json.JSONDecodeError, UnicodeDecodeError)
SCAN_LIMIT = 200


def opens(record: SealedRecord) -> bool:
    """True when every sealed value of the record opens with its owner's keys."""
    try:
        record.plaintext()
    except UNREADABLE:
        return False
    return True


@dataclass(frozen=True)
class Unreadable:
    kind: str  # "app.model"
    id: uuid.UUID
    created_at: datetime
    label: str  # the kind of thing, in words


def _kinds() -> dict[str, type[SealedRecord]]:
    return {m._meta.label_lower: m for m in sealed_models()}


def unreadable_items(vault: Vault, limit: int = SCAN_LIMIT) -> list[Unreadable]:
    """The person's records that do not open, oldest first, at most `limit`."""
    found: list[Unreadable] = []
    for kind, model in sorted(_kinds().items()):
        for record in model.objects.owned_by(vault).order_by("created_at").iterator(500):
            if not opens(record):
                found.append(Unreadable(kind=kind, id=record.pk, created_at=record.created_at,
                                        label=str(model._meta.verbose_name)))
                if len(found) >= limit:
                    return found
    return found


def remove_unreadable(vault: Vault, kind: str, pk: Any) -> None:
    """Delete one of the person's records that does not open; 404 for anything else
    (someone else's, missing, or one that opens)."""
    model = _kinds().get(kind)
    if model is None:
        raise Http404
    with contextlib.suppress(ValueError):
        pk = uuid.UUID(str(pk))
    with transaction.atomic():
        record = model.objects.owned_by(vault).filter(pk=pk).first() if isinstance(
            pk, uuid.UUID) else None
        if record is None or opens(record):
            raise Http404
        record.delete()
        audit.record("vault.unreadable_removed", subject=vault.user, actor=vault.user,
                     detail={"kind": kind})
