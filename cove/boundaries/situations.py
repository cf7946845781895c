"""The situations map: situations and reminders placed where they sit for the person now,
with a history of every move."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db import transaction

from cove.boundaries import catalogue
from cove.boundaries.cleaning import NOTES_MAX, TITLE_MAX, clean_text, clean_zone, new
from cove.boundaries.models import Situation, SituationChange
from cove.boundaries.services import HISTORY_PAGE_SIZE
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_for_update


def situations(vault: Vault) -> list[Situation]:
    return list(Situation.objects.owned_by(vault).order_by("created_at"))


def situation_map(vault: Vault) -> list[tuple[str, Any, list[Situation]]]:
    grouped: dict[str, list[Situation]] = {z: [] for z in catalogue.ZONES}
    for situation in situations(vault):
        grouped.setdefault(situation.zone, []).append(situation)
    return [(z, catalogue.ZONE_LABELS[z], grouped[z]) for z in catalogue.ZONES]


@transaction.atomic
def add_situation(vault: Vault, title: Any, zone: Any, notes: Any = "") -> Situation:
    situation = new(Situation, vault, title=clean_text("title", title, TITLE_MAX, required=True),
                    zone=clean_zone(zone), notes=clean_text("notes", notes, NOTES_MAX))
    situation.save()
    new(SituationChange, vault, situation=situation, title=situation.title,
        before="", after=situation.zone).save()
    return situation


@transaction.atomic
def change_situation(vault: Vault, situation_id: Any, title: Any, zone: Any, notes: Any = "",
                     *, version: int | None = None) -> Situation:
    situation = get_owned_for_update(Situation, vault, situation_id, version=version,
                                     yours={"title": title, "zone": zone, "notes": notes})
    before = situation.zone
    situation.title = clean_text("title", title, TITLE_MAX, required=True)
    situation.zone = clean_zone(zone)
    situation.notes = clean_text("notes", notes, NOTES_MAX)
    situation.save()
    if situation.zone != before:
        new(SituationChange, vault, situation=situation, title=situation.title,
            before=before, after=situation.zone).save()
    return situation


@transaction.atomic
def remove_situation(vault: Vault, situation_id: Any) -> None:
    """Remove a situation and its history."""
    get_owned_for_update(Situation, vault, situation_id).delete()


def situation_history(vault: Vault, number: Any) -> Page:
    changes = SituationChange.objects.owned_by(vault).order_by("-created_at")
    return Paginator(changes, HISTORY_PAGE_SIZE).get_page(number)
