"""Sharing parts of one's own data with a linked partner (filled in by the sharing work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from cove.vault.models import Grant
from cove.vault.services import revoke_area

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

PARTNER_AREAS: tuple[str, ...] = ()


def stop_sharing_with(vault: Vault, other_id: int) -> None:
    """End every partner share between the vault's person and `other_id`, both ways."""
    with transaction.atomic():
        for area in list(
            Grant.objects.filter(owner_id=vault.user.pk, grantee_id=other_id,
                                 area__in=PARTNER_AREAS).values_list("area", flat=True)
        ):
            revoke_area(vault, other_id, area)
        Grant.objects.filter(owner_id=other_id, grantee_id=vault.user.pk,
                             area__in=PARTNER_AREAS).delete()
