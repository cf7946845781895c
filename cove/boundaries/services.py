"""Actions and reads for the boundaries inventory and its review. Views and the API call
these, never the models directly. The comfort list, the situations map, wishes and consent
phrases have their own modules (comfort.py, situations.py, wishes.py, phrases.py).

Sealed values cannot be filtered in SQL, so reads order by plain columns, load what the page
needs and open only the fields they use: opening is per field and lazy (cove.vault.fields),
so scanning 500 items for their category opens 500 small values and nothing else.

Edits load the record with `get_owned_for_update(..., version=...)`: a change based on an
older copy raises `Conflict` (409 in the API, both versions on the page).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.boundaries import catalogue
from cove.boundaries.cleaning import (
    CONDITION_MAX,
    TITLE_MAX,
    catalogue_item,
    clean_cadence,
    clean_category,
    clean_state,
    clean_text,
    new,
)
from cove.boundaries.models import BoundaryChange, BoundaryIndex, BoundaryItem, ReviewSettings
from cove.core.errors import Conflict, InputError
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_for_update

HISTORY_PAGE_SIZE = 25
SECTION_PAGE_SIZE = 3  # a short part of a section: about two phone screens at 360 px


# ---------------------------------------------------------------------------- inventory


@functools.cache
def _items_prefix() -> str:
    return reverse("boundaries:answer_new").removesuffix("new/")


@dataclass
class Row:
    """One line of the inventory: a catalogue item (answered or not) or an own item."""

    key: str
    title: Any
    record: BoundaryItem | None = None

    @property
    def state(self) -> str:
        return self.record.state if self.record else ""

    @property
    def action_url(self) -> str:
        # Built from one reversed prefix rather than a reverse() per row: a section page
        # shows many rows and this is the hot path (see benchmarks/).
        if self.record is None:
            return f"{_items_prefix()}new/"
        return f"{_items_prefix()}{self.record.pk}/"

    @property
    def dom_id(self) -> str:
        # Stable across the first answer, so htmx can keep focus on the same control.
        if self.key or self.record is None:
            return f"b-i{catalogue.ITEM_NUMBER.get(self.key, 0)}"
        return f"b-{self.record.pk}"


def items(vault: Vault) -> Any:
    return BoundaryItem.objects.owned_by(vault).order_by("created_at")


def _index_row(vault: Vault) -> BoundaryIndex | None:
    return BoundaryIndex.objects.owned_by(vault).order_by("created_at").first()


def _rebuild_index(vault: Vault, row: BoundaryIndex | None) -> dict[str, list[str]]:
    scan = items(vault).only("id", "owner_id", "category", "key")
    entries = {str(r.pk): [r.category, r.key] for r in scan}
    row = row or new(BoundaryIndex, vault)
    row.entries = entries
    row.save()
    return entries


def item_index(vault: Vault) -> dict[str, list[str]]:
    """{item id: [category, key]} for every item, from one sealed value.

    A count of rows checks that the index is whole; if not (items made in bulk, or an
    interrupted write), it is rebuilt from the items themselves.
    """
    row = _index_row(vault)
    count = BoundaryItem.objects.filter(owner_id=vault.user.pk).count()
    if row is None or len(row.entries) != count:
        return _rebuild_index(vault, row)
    return dict(row.entries)


def _index_put(record: BoundaryItem) -> None:
    vault = record._vault
    assert vault is not None
    row = _index_row(vault)
    if row is None:
        _rebuild_index(vault, None)
        return
    entries = dict(row.entries)
    entries[str(record.pk)] = [record.category, record.key]
    row.entries = entries
    row.save(update_fields=["entries", "updated_at"])


def _index_drop(vault: Vault, record_id: Any) -> None:
    row = _index_row(vault)
    if row is None:
        return
    entries = dict(row.entries)
    entries.pop(str(record_id), None)
    row.entries = entries
    row.save(update_fields=["entries", "updated_at"])


def items_in_categories(vault: Vault, slugs: Iterable[str]) -> list[BoundaryItem]:
    """The items of these categories, oldest first, loading only those rows."""
    wanted = set(slugs)
    ids = [pk for pk, (category, _key) in item_index(vault).items() if category in wanted]
    if not ids:
        return []
    return list(items(vault).filter(pk__in=ids))


def section_rows(vault: Vault, slug: str) -> list[Row]:
    """Catalogue items of one category with their answers, then the person's own items."""
    clean_category(slug)
    by_key: dict[str, BoundaryItem] = {}
    own: list[Row] = []
    for record in items_in_categories(vault, [slug]):
        if record.key:
            by_key.setdefault(record.key, record)
        else:
            own.append(Row(key="", title=record.title, record=record))
    rows = [Row(key=i.key, title=i.title, record=by_key.get(i.key))
            for i in catalogue.items_in(slug)]
    return rows + own


def find_by_key(vault: Vault, key: str) -> BoundaryItem | None:
    item = catalogue.ITEM_BY_KEY.get(key)
    if item is None:
        return None
    for pk, (_category, item_key) in item_index(vault).items():
        if item_key == key:
            return items(vault).filter(pk=pk).first()
    return None


def _record_change(record: BoundaryItem, before: dict[str, Any] | None) -> BoundaryChange:
    subject = {"key": record.key} if record.key else {"title": record.title}
    change = new(BoundaryChange, record._vault, item=record, subject=subject,
                 before=before, after=record.snapshot())
    change.save()
    return change


@transaction.atomic
def answer_item(vault: Vault, key: str, state: Any, condition: Any = "",
                ask_first: bool = False) -> BoundaryItem:
    """Set the answer for a catalogue item, making the record on first answer."""
    item = catalogue_item(key)
    # Two quick first answers to the same item (a double tap) must not make two records:
    # hold the person's index row until this transaction ends.
    list(BoundaryIndex.objects.select_for_update().filter(owner_id=vault.user.pk)
         .values_list("id", flat=True))
    record = find_by_key(vault, key)
    if record is not None:
        record = get_owned_for_update(BoundaryItem, vault, record.pk)
        return _apply_answer(record, state, condition, ask_first)
    record = new(BoundaryItem, vault, key=key, category=item.category, title="",
                 state=clean_state(state),
                 condition=clean_text("condition", condition, CONDITION_MAX),
                 ask_first=bool(ask_first))
    record.save()
    _index_put(record)
    _record_change(record, None)
    return record


def _apply_answer(record: BoundaryItem, state: Any, condition: Any,
                  ask_first: bool) -> BoundaryItem:
    before = record.snapshot()
    # Check everything before touching the record, so a refused change leaves it as it was.
    state = clean_state(state)
    condition = clean_text("condition", condition, CONDITION_MAX)
    record.state, record.condition, record.ask_first = state, condition, bool(ask_first)
    if record.snapshot() != before:
        record.save(update_fields=["state", "condition", "ask_first", "updated_at"])
        _record_change(record, before)
    return record


@transaction.atomic
def change_item(vault: Vault, item_id: Any, state: Any, condition: Any = "",
                ask_first: bool = False, *, version: int | None = None) -> BoundaryItem:
    """Change an item's answer; keep a dated change only when something really changed."""
    record = get_owned_for_update(
        BoundaryItem, vault, item_id, version=version,
        yours={"state": state, "condition": condition, "ask_first": bool(ask_first)})
    return _apply_answer(record, state, condition, ask_first)


@transaction.atomic
def add_own_item(vault: Vault, title: Any, category: Any, state: Any = "",
                 condition: Any = "", ask_first: bool = False) -> BoundaryItem:
    record = new(
        BoundaryItem, vault, key="",
        title=clean_text("title", title, TITLE_MAX, required=True),
        category=clean_category(category),
        state=clean_state(state),
        condition=clean_text("condition", condition, CONDITION_MAX),
        ask_first=bool(ask_first),
    )
    record.save()
    _index_put(record)
    _record_change(record, None)
    return record


@transaction.atomic
def rename_own_item(vault: Vault, item_id: Any, title: Any, category: Any, *,
                    version: int | None = None) -> BoundaryItem:
    record = get_owned_for_update(BoundaryItem, vault, item_id, version=version,
                                  yours={"title": title, "category": category})
    if not record.is_custom:
        raise InputError({"title": [_("Items from Cove's list keep their name.")]})
    record.title = clean_text("title", title, TITLE_MAX, required=True)
    record.category = clean_category(category)
    record.save(update_fields=["title", "category", "updated_at"])
    _index_put(record)
    return record


@transaction.atomic
def delete_own_item(vault: Vault, item_id: Any) -> str:
    """Remove an own item and its history; returns its group. Catalogue answers are
    cleared, not deleted."""
    record = get_owned_for_update(BoundaryItem, vault, item_id)
    if not record.is_custom:
        raise InputError({"item": [_("Items from Cove's list can be set to “Not sure yet”.")]})
    category = str(record.category)
    record_id = record.pk
    record.delete()
    _index_drop(vault, record_id)
    return category


def history_page(vault: Vault, number: Any) -> Page:
    changes = BoundaryChange.objects.owned_by(vault).order_by("-created_at")
    return Paginator(changes, HISTORY_PAGE_SIZE).get_page(number)


def recent_changes(vault: Vault, count: int = 5) -> list[BoundaryChange]:
    return list(BoundaryChange.objects.owned_by(vault).order_by("-created_at")[:count])


@dataclass
class SummarySection:
    category: catalogue.Category
    by_state: dict[str, list[BoundaryItem]] = field(default_factory=dict)

    @property
    def groups(self) -> list[tuple[Any, list[BoundaryItem]]]:
        return [(catalogue.STATE_LABELS[s], self.by_state[s]) for s in catalogue.STATES
                if self.by_state.get(s)]


def summary(vault: Vault, slugs: Iterable[str]) -> list[SummarySection]:
    """Current answers (not "not sure yet") in the chosen categories, grouped by state."""
    wanted = [s for s in slugs if s in catalogue.CATEGORY_BY_SLUG]
    sections = {s: SummarySection(catalogue.CATEGORY_BY_SLUG[s]) for s in wanted}
    order = {i.key: n for n, i in enumerate(catalogue.ITEMS)}
    for record in items_in_categories(vault, wanted):
        section = sections.get(record.category)
        if section is None or not record.state:
            continue
        section.by_state.setdefault(record.state, []).append(record)
    for section in sections.values():
        for group in section.by_state.values():
            group.sort(key=lambda r: order.get(r.key, len(order)))
    return [sections[s] for s in wanted]


# ---------------------------------------------------------------------------- review


def review_settings(vault: Vault) -> ReviewSettings | None:
    return ReviewSettings.objects.owned_by(vault).order_by("created_at").first()


@transaction.atomic
def set_review_cadence(vault: Vault, days: Any, *, version: int | None = None) -> ReviewSettings:
    """Choose how often a look is offered. `version` is that of the settings the person saw
    (0 when they had none yet)."""
    cadence = clean_cadence(days)
    found = review_settings(vault)
    if found is not None:
        settings = get_owned_for_update(ReviewSettings, vault, found.pk, version=version,
                                        yours={"cadence_days": days})
    elif version:
        raise Conflict(current={}, yours={"cadence_days": days}, version=0)
    else:
        settings = new(ReviewSettings, vault)
    settings.cadence_days = cadence
    if not settings.last_reviewed:
        settings.last_reviewed = timezone.localdate().isoformat()
    settings.quiet_until = ""
    settings.save()
    return settings


def offer_review(settings: ReviewSettings | None, today: dt.date | None = None) -> bool:
    """Whether to offer a look at boundaries today: only if the person asked for it."""
    if settings is None or not settings.cadence_days:
        return False
    today = today or timezone.localdate()
    if settings.quiet_until and today < dt.date.fromisoformat(settings.quiet_until):
        return False
    last = settings.last_reviewed or settings.created_at.date().isoformat()
    return today >= dt.date.fromisoformat(last) + dt.timedelta(days=int(settings.cadence_days))


def review_not_now(vault: Vault) -> None:
    settings = review_settings(vault)
    if settings is None or not settings.cadence_days:
        return
    until = timezone.localdate() + dt.timedelta(days=int(settings.cadence_days))
    settings.quiet_until = until.isoformat()
    settings.save(update_fields=["quiet_until", "updated_at"])


def mark_reviewed(vault: Vault) -> None:
    settings = review_settings(vault)
    if settings is None:
        return
    settings.last_reviewed = timezone.localdate().isoformat()
    settings.quiet_until = ""
    settings.save(update_fields=["last_reviewed", "quiet_until", "updated_at"])


def review_item(vault: Vault, position: int) -> BoundaryItem | None:
    """The item at `position` in the order they were first answered: one row, opened."""
    if position < 0:
        return None
    return items(vault)[position:position + 1].first()


