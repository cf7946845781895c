"""Showing a linked partner chosen parts of one's own data, and nothing else.

For each part (cove.partners.models.SharePart) the owner *publishes* a sealed snapshot,
a `SharedPart` row sealed under that part's own partner area key (cove.vault.areas
PARTNER_*). Giving a partner the part is `grant_area` (their copy of that one key);
stopping is `revoke_area` (grant deleted, key rotated). The snapshot holds exactly what
the preview ("see what Sam sees") shows, built by cove.partners.sources.

Snapshots are re-published from the owner's own requests: when a source record is saved
(receivers.py) and when the owner opens /partners/. Every read by a partner is audited as
`shared.read` for the owner ({"area", "items", "reader"}), so it shows in their access
receipts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.audit import services as audit
from cove.core.errors import InputError
from cove.vault import areas
from cove.vault.models import Grant
from cove.vault.records import SealedRecord, get_owned_for_update
from cove.vault.services import grant_area, revoke_area, rotate_area_key

from . import sources
from .models import (
    AREA_OF_PART,
    PART_OF_AREA,
    Link,
    RotationDue,
    SharedPart,
    SharePart,
    SharingChoices,
)

if TYPE_CHECKING:
    from cove.accounts.models import User
    from cove.vault.keyring import Vault

PARTNER_AREAS: tuple[str, ...] = areas.PARTNER


R = TypeVar("R", bound=SealedRecord)


def _new(model: type[R], vault: Vault, **values: Any) -> R:
    """A new record bound to `vault` (typed helper: the model plugin cannot see `vault=`)."""
    return model(vault=vault, **values)


# The owner's choices -------------------------------------------------------------------


def choices_row(vault: Vault) -> SharingChoices | None:
    return SharingChoices.objects.owned_by(vault).first()


def options_of(vault: Vault) -> dict[str, Any]:
    row = choices_row(vault)
    options: Any = row.options if row is not None else None
    return dict(options) if isinstance(options, dict) else {}


def clean_options(vault: Vault, raw: dict[str, Any]) -> dict[str, Any]:
    """Keep only choices that name something the owner has; refuse anything else."""
    steps = {s for s, _label in sources.ladder_steps(vault)}
    contacts = set(sources.contact_lines(vault))
    wanted_steps = [str(s) for s in raw.get("steps", [])]
    wanted_parts = [str(p) for p in raw.get("plan_parts", [])]
    wanted_contacts = [str(c) for c in raw.get("contacts", [])]
    errors: dict[str, list[str]] = {}
    if any(s not in steps for s in wanted_steps):
        errors["steps"] = [_("Choose steps from your own ladders.")]
    if any(p not in sources.PARTNER_SAFE_PLAN_PARTS for p in wanted_parts):
        errors["plan_parts"] = [_("Choose parts from the list.")]
    if any(c not in contacts for c in wanted_contacts):
        errors["contacts"] = [_("Choose people from your own plan.")]
    if errors:
        raise InputError(errors)
    return {
        "boundaries": {"history": bool(raw.get("history"))},
        "ladder": {"steps": wanted_steps},
        "safety": {"parts": wanted_parts, "contacts": wanted_contacts},
    }


def part_options(options: dict[str, Any], part: SharePart) -> dict[str, Any]:
    return dict(options.get(str(part.value), {}) or {})


def save_options(vault: Vault, raw: dict[str, Any], version: int | None = None) -> SharingChoices:
    """Change what the parts include (the same for every partner shown them), then
    re-publish what is shared."""
    cleaned = clean_options(vault, raw)
    with transaction.atomic():
        row = choices_row(vault)
        if row is None:
            row = _new(SharingChoices, vault, options=cleaned)
        else:
            row = get_owned_for_update(SharingChoices, vault, row.pk, version=version,
                                       yours={"options": cleaned})
            row.options = cleaned
        row.save()
        publish_all(vault)
    return row


# Who sees which part -------------------------------------------------------------------


def parts_shared_with(owner_id: int, grantee_id: int) -> list[SharePart]:
    """The parts `owner_id` currently shows `grantee_id`, in the order of SharePart."""
    granted = set(
        Grant.objects.live().filter(owner_id=owner_id, grantee_id=grantee_id,
                                    area__in=PARTNER_AREAS).values_list("area", flat=True)
    )
    return [part for part in SharePart if AREA_OF_PART[part] in granted]


def set_parts_for(vault: Vault, link: Link, parts: list[str]) -> list[SharePart]:
    """Show the partner of `link` exactly `parts`: new ones granted, others stopped at once."""
    chosen = []
    for value in parts:
        try:
            chosen.append(SharePart(value))
        except ValueError:
            raise InputError({"parts": [_("Choose parts from the list.")]}) from None
    owner = vault.user
    other_id = link.other_id(owner.pk)
    partner = get_user_model().objects.get(pk=other_id)
    current = set(parts_shared_with(owner.pk, other_id))
    with transaction.atomic():
        rotate_due(vault)
        for part in SharePart:
            if part in chosen and part not in current:
                publish(vault, part, force=True)
                grant_area(vault, partner, AREA_OF_PART[part])
            elif part not in chosen and part in current:
                revoke_area(vault, other_id, AREA_OF_PART[part])
                _drop_if_unshared(vault, part)
    return [p for p in SharePart if p in chosen]


def _drop_if_unshared(vault: Vault, part: SharePart) -> None:
    if not Grant.objects.filter(owner_id=vault.user.pk, area=AREA_OF_PART[part]).exists():
        SharedPart.objects.filter(owner_id=vault.user.pk, part=part.value).delete()


# Publishing ----------------------------------------------------------------------------


def _newer_sources(owner_id: int, part: SharePart, since: Any) -> bool:
    """Whether any source row of `part` was written after `since` (plain timestamps only)."""
    from django.apps import apps
    from django.db.models import Max

    for label in sources.source_labels(part):
        latest = apps.get_model(label).objects.filter(owner_id=owner_id).aggregate(
            latest=Max("updated_at"))["latest"]
        if latest is not None and latest >= since:
            return True
    return False


def publish(vault: Vault, part: SharePart, *, force: bool = False,
            only_stale: bool = False) -> None:
    """Re-build one part's snapshot from the owner's records; store it if it changed.

    Only parts someone is shown are kept (or `force` for one about to be granted), so a
    person who shares nothing has no snapshots at all. `only_stale` skips the rebuild when
    no source row was written since the snapshot (deletions re-publish through the
    receivers), which keeps opening /partners/ cheap.
    """
    owner_id = vault.user.pk
    area = AREA_OF_PART[part]
    if not force and not Grant.objects.filter(owner_id=owner_id, area=area).exists():
        return
    if only_stale:
        stored = SharedPart.objects.filter(owner_id=owner_id, part=part.value).only(
            "updated_at").first()
        if stored is not None and not _newer_sources(owner_id, part, stored.updated_at):
            return
    content = sources.build(vault, part, part_options(options_of(vault), part))
    # Compare before writing: opening /partners/ (a GET) takes no write lock when nothing
    # changed (SQLite's IMMEDIATE transactions lock on begin).
    row = SharedPart.objects.owned_by(vault).filter(part=part.value).first()
    if row is not None and row.content == content:
        # Unchanged: note that it was checked, so opening /partners/ skips it next time.
        SharedPart.objects.filter(pk=row.pk).update(updated_at=timezone.now())
        return
    with transaction.atomic():
        row = SharedPart.objects.owned_by(vault).filter(part=part.value).first()
        if row is None:
            _new(SharedPart, vault, part=part.value, content=content).save()
        elif row.content != content:
            row.content = content
            row.save()


def publish_all(vault: Vault, *, only_stale: bool = False) -> None:
    """Bring every shared part up to date (opening /partners/ with `only_stale`, and after
    changing choices)."""
    owner_id = vault.user.pk
    rotate_due(vault)  # opens a transaction only when a rotation is due
    shared = set(Grant.objects.filter(owner_id=owner_id, area__in=PARTNER_AREAS)
                 .values_list("area", flat=True))
    for area in sorted(shared):
        publish(vault, PART_OF_AREA[area], only_stale=only_stale)


def republish_for_source(vault: Vault, label: str, record: Any = None,
                         deleted: bool = False) -> None:
    """A source record of the vault's person was saved: re-publish the parts it feeds.

    A saved boundary or boundary change updates the boundaries snapshot in place (one
    sealed value opened and sealed again) instead of opening every boundary.
    """
    if record is not None and not deleted and label in _IN_PLACE:
        _update_in_place(vault, record, _IN_PLACE[label])
        return
    for part in sources.SOURCES.get(label, ()):
        publish(vault, part)


_IN_PLACE = {
    "boundaries.boundaryitem": sources.with_boundary,
    "boundaries.boundarychange": sources.with_change,
}


def _update_in_place(vault: Vault, record: Any, update: Any) -> None:
    """Apply `update` to the stored boundaries snapshot, if anyone is shown one."""
    with transaction.atomic():
        row = (SharedPart.objects.owned_by(vault).select_for_update()
               .filter(part=SharePart.BOUNDARIES.value).first())
        if row is None:
            return  # nobody is shown the boundaries: nothing to keep true
        stored: Any = row.content
        content = update(dict(stored) if isinstance(stored, dict) else {}, record)
        if content != stored:
            row.content = content
            row.save()


# Reading -------------------------------------------------------------------------------


def _snapshots(rows: list[SharedPart], parts: list[SharePart]) -> list[dict[str, Any]]:
    by_part = {row.part: row for row in rows}
    found = []
    for part in parts:
        row = by_part.get(part.value)
        if row is not None:
            found.append({"part": part, "label": part.label, "content": row.content})
    return found


def read_from(vault: Vault, link: Link, only: SharePart | None = None) -> list[dict[str, Any]]:
    """What the other member of `link` shows the vault's person (or just the part `only`),
    audited for the owner as one receipt naming every part read. Nothing without a live
    grant, checked now."""
    reader = vault.user
    owner_id = link.other_id(reader.pk)
    parts = [p for p in parts_shared_with(owner_id, reader.pk) if only in (None, p)]
    if not parts:
        return []
    rows = list(
        SharedPart.objects.filter(owner_id=owner_id, part__in=[p.value for p in parts])
        .unlocked(vault)
    )
    found = _snapshots(rows, parts)
    counts: dict[str, int] = {}
    for snapshot in found:
        area = AREA_OF_PART[snapshot["part"]]
        counts[area] = counts.get(area, 0) + 1
    audit.record_read(owner_id, reader, counts)  # one receipt for the whole look
    return found


def preview_for(vault: Vault, link: Link) -> list[dict[str, Any]]:
    """Exactly what the partner of `link` reads (the same rows, opened with the owner's
    own keys). Not audited: the owner looking at their own data."""
    parts = parts_shared_with(vault.user.pk, link.other_id(vault.user.pk))
    rows = list(SharedPart.objects.owned_by(vault).filter(part__in=[p.value for p in parts]))
    return _snapshots(rows, parts)


# Stopping ------------------------------------------------------------------------------


def stop_sharing_with(vault: Vault, other_id: int) -> None:
    """End every partner share between the vault's person and `other_id`, both ways.

    The vault's own shares are revoked and their keys rotated now. The other person's
    grants to them are deleted now (nothing more can be read from the next request on);
    rotating the other person's keys waits for that person's next request (RotationDue).
    """
    with transaction.atomic():
        for area in list(
            Grant.objects.filter(owner_id=vault.user.pk, grantee_id=other_id,
                                 area__in=PARTNER_AREAS).values_list("area", flat=True)
        ):
            revoke_area(vault, other_id, area)
            _drop_if_unshared(vault, PART_OF_AREA[area])
        theirs = Grant.objects.filter(owner_id=other_id, grantee_id=vault.user.pk,
                                      area__in=PARTNER_AREAS)
        for area in list(theirs.values_list("area", flat=True)):
            RotationDue.objects.get_or_create(owner_id=other_id, area=area)
        theirs.delete()


def rotate_due(vault: Vault) -> int:
    """Rotate the partner keys someone's leaving left behind (see stop_sharing_with)."""
    due = list(RotationDue.objects.filter(owner_id=vault.user.pk))
    if not due:
        return 0
    with transaction.atomic():
        for row in due:
            rotate_area_key(vault, row.area)
            part = PART_OF_AREA.get(row.area)
            if part is not None:
                _drop_if_unshared(vault, part)
            row.delete()
    return len(due)


def stop_every_grant(vault: Vault) -> dict[str, int]:
    """Safety Check: every grant the person gave (partners and clinicians) ends, every key
    it used is rotated. Returns counts for the receipt."""
    from cove.vault.services import revoke_everything

    owner_id = vault.user.pk
    with transaction.atomic():
        given = Grant.objects.filter(owner_id=owner_id)
        partner_grants = given.filter(area__in=PARTNER_AREAS).count()
        other_grants = given.exclude(area__in=PARTNER_AREAS).count()
        people = given.values("grantee_id").distinct().count()
        revoke_everything(vault)
        SharedPart.objects.filter(owner_id=owner_id).delete()
        RotationDue.objects.filter(owner_id=owner_id).delete()
    return {"partner_shares": partner_grants, "other_shares": other_grants, "people": people}


def linked_user(user_id: int) -> User:
    return get_user_model().objects.get(pk=user_id)
