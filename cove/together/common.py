"""Small helpers every together feature uses."""

from __future__ import annotations

from django.db import transaction

from cove.partners.public import Link


def lock_link(link: Link) -> None:
    """Queue writers of one link behind each other for this transaction (row lock on
    PostgreSQL; SQLite's write transaction already excludes other writers)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_link() must run inside transaction.atomic()")
    list(Link.objects.select_for_update().filter(pk=link.pk).values_list("pk", flat=True))
