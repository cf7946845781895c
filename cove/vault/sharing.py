"""Reading what someone shared: grant checked on every request, every read logged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from cove.audit import services as audit
from cove.vault import areas
from cove.vault.models import Grant
from cove.vault.records import SealedRecord, sealed_models
from cove.vault.repair import opens

if TYPE_CHECKING:
    from cove.accounts.models import User
    from cove.vault.keyring import Vault


def shared_records(vault: Vault, owner: User, area: str, limit: int = 200) -> list[SealedRecord]:
    """Records of `owner`'s `area` readable by the vault's person; 404 without a live grant."""
    if area not in areas.SHAREABLE or not Grant.objects.live().filter(
        owner=owner, grantee_id=vault.user.pk, area=area
    ).exists():
        audit.record_denied_access(vault.user, f"shared:{area}")
        raise Http404
    found: list[SealedRecord] = []
    for model in sealed_models():
        if model.sharing_area != area and not _decides_area_per_row(model):
            continue
        for record in model.objects.filter(owner=owner).unlocked(vault).order_by("created_at"):
            if record.get_sharing_area() == area and opens(record):
                found.append(record)
            if len(found) >= limit:
                break
    audit.record(
        "shared.read",
        subject=owner,
        actor=vault.user,
        detail={"area": area, "items": len(found), "reader": vault.user.username},
    )
    return found


def _decides_area_per_row(model: type[SealedRecord]) -> bool:
    """A model that overrides get_sharing_area (a journal entry marked shareable) may hold
    rows of any area, whatever its class-level default says."""
    return model.get_sharing_area is not SealedRecord.get_sharing_area


def grants_given(owner: User) -> list[Grant]:
    return list(Grant.objects.filter(owner=owner).select_related("grantee").order_by("area", "id"))


def grants_received(grantee: User) -> list[Grant]:
    return list(
        Grant.objects.live().filter(grantee=grantee).select_related("owner").order_by("id")
    )
