"""Reading what someone shared: grant checked on every request, every read logged."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.apps import apps
from django.http import Http404

from cove.audit import services as audit
from cove.vault import areas
from cove.vault.models import Grant
from cove.vault.records import SealedRecord, sealed_models
from cove.vault.repair import opens

if TYPE_CHECKING:
    from cove.accounts.models import User
    from cove.vault.keyring import Vault

R = TypeVar("R", bound=SealedRecord)

# How many records of one kind a reader gets from one area: the newest ones.
READ_LIMIT = 200


def shared_records(vault: Vault, owner: User, area: str) -> list[SealedRecord]:
    """Records of `owner`'s `area` readable by the vault's person; 404 without a live grant."""
    return shared_areas(vault, owner, [area])[area]


def shared_areas(vault: Vault, owner: User, wanted: list[str]) -> dict[str, list[SealedRecord]]:
    """Records of each of `owner`'s `wanted` areas readable by the vault's person (see
    `_newest`), with one access receipt naming every area read (a reading request
    writes at most one row); 404 if any of them has no live grant."""
    _require_readable(vault, owner, wanted)
    found = _newest(vault, owner.pk, wanted)
    audit.record_read(owner.pk, vault.user, {area: len(rows) for area, rows in found.items()})
    return found


def own_newest_records(vault: Vault, wanted: list[str]) -> dict[str, list[SealedRecord]]:
    """The vault's own person's records of each of `wanted` areas, as `shared_areas` gives
    them to a reader (a client previewing what their clinician sees). No receipt: they are
    one's own."""
    return _newest(vault, vault.user.pk, wanted)


def _newest(vault: Vault, owner_id: int, wanted: list[str]) -> dict[str, list[SealedRecord]]:
    """The newest READ_LIMIT records of each kind in each of `wanted` areas that open with
    the vault's keys, each area in time order, oldest first. Each kind has its own limit,
    so a long run of one kind (practice sessions) does not crowd out another (the steps
    they belong to). No checks and no receipt: only for the two readers above."""
    found: dict[str, list[SealedRecord]] = {area: [] for area in wanted}
    for model in sealed_models():
        for area in found:
            narrowed = model.rows_in_area(area)
            if narrowed is None:
                continue
            rows = (model.objects.filter(narrowed, owner_id=owner_id).unlocked(vault)
                    .order_by("-created_at", "-pk").iterator(chunk_size=READ_LIMIT))
            room = READ_LIMIT
            for record in rows:
                if record.get_sharing_area() == area and opens(record):
                    found[area].append(record)
                    room -= 1
                    if not room:
                        break
    for records in found.values():
        records.sort(key=lambda r: (r.created_at, r.pk))
    return found


def shared_record(vault: Vault, owner: User | None, area: str, model: type[R],
                  record_id: object, what: str = "") -> R:
    """One record of `owner`'s that the vault's person may read through `area`, checked as
    `shared_areas` checks (paused reader, live grant, shareable area) and logged as one
    read (`what` names it in the receipt). The same 404 for every refusal, and for a record
    that is missing or belongs to another area."""
    if owner is None or owner.pk == vault.user.pk:
        raise Http404
    _require_readable(vault, owner, [area])
    record = model.objects.filter(owner=owner, pk=record_id).first()
    if record is None or record.get_sharing_area() != area:
        audit.record_denied_access(vault.user, f"shared:{area}")
        raise Http404
    audit.record_read(owner.pk, vault.user, {area: 1}, what=what)
    return record.bind(vault)


def _require_readable(vault: Vault, owner: User, wanted: list[str]) -> None:
    """404 (and a refused-access entry) unless the vault's person may read every one of
    `owner`'s `wanted` areas now: not paused, each area shareable and under a live grant."""
    if _paused(owner, vault.user):
        audit.record_denied_access(vault.user, "shared:paused")
        raise Http404
    live = set(Grant.objects.live().filter(owner=owner, grantee_id=vault.user.pk,
                                           area__in=wanted).values_list("area", flat=True))
    for area in wanted:
        if area not in areas.SHAREABLE or area not in live:
            audit.record_denied_access(vault.user, f"shared:{area}")
            raise Http404


def _paused(owner: User, reader: User) -> bool:
    """An app may pause a reader's access while keeping the grants (a clinician whose
    profile waits for a new check): AppConfig.reading_paused(owner_id, reader_id)."""
    for config in apps.get_app_configs():
        check = getattr(config, "reading_paused", None)
        if callable(check) and check(owner.pk, reader.pk):
            return True
    return False


def grants_given(owner: User) -> list[Grant]:
    return list(Grant.objects.filter(owner=owner).select_related("grantee").order_by("area", "id"))


def grants_received(grantee: User) -> list[Grant]:
    return list(
        Grant.objects.live().filter(grantee=grantee).select_related("owner").order_by("id")
    )
