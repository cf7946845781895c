"""Small helpers every together feature uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.db import transaction

from cove.partners.public import Link
from cove.vault.records import SealedRecord

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


def lock_link(link: Link) -> None:
    """Queue writers of one link behind each other for this transaction (row lock on
    PostgreSQL; SQLite's write transaction already excludes other writers)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_link() must run inside transaction.atomic()")
    list(Link.objects.select_for_update().filter(pk=link.pk).values_list("pk", flat=True))


R = TypeVar("R", bound=SealedRecord)


def new(model: type[R], vault: Vault, **fields: Any) -> R:
    """An unsaved record bound to the vault (the writer becomes its owner)."""
    return model(vault=vault, **fields)
