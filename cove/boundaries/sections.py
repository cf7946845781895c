"""One page of a boundaries section, opening only the rows it shows.

Which items belong to the section, and in what order, comes from the person's sealed item
index (one value). The page is cut from that list first; then only its own records (at
most SECTION_PAGE_SIZE) are loaded and opened.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator

from cove.boundaries import catalogue
from cove.boundaries.cleaning import clean_category as _clean_category
from cove.boundaries.services import SECTION_PAGE_SIZE, Row, item_index, items
from cove.vault.keyring import Vault


def _heads(vault: Vault, slug: str) -> list[tuple[str, Any, str | None]]:
    """(catalogue key or "", title or None, record id or None) for every row of a section:
    catalogue items in catalogue order, then the person's own items in the order made."""
    _clean_category(slug)
    by_key: dict[str, str] = {}
    own: list[str] = []
    for pk, (category, key) in item_index(vault).items():  # the order the items were made
        if category != slug:
            continue
        if key:
            by_key.setdefault(key, pk)
        else:
            own.append(pk)
    heads: list[tuple[str, Any, str | None]] = [
        (i.key, i.title, by_key.get(i.key)) for i in catalogue.items_in(slug)]
    heads += [("", None, pk) for pk in own]
    return heads


def part_holding(vault: Vault, slug: str, *, key: str = "", pk: str = "") -> int:
    """The number of the part of a section that shows this row (1 if it is not there)."""
    for index, (row_key, _title, row_pk) in enumerate(_heads(vault, slug)):
        if (key and row_key == key) or (pk and row_pk == str(pk)):
            return index // SECTION_PAGE_SIZE + 1
    return 1


def section_page(vault: Vault, slug: str, number: Any) -> Page:
    """Catalogue items of one category (answered or not), then the person's own items."""
    heads = _heads(vault, slug)
    page = Paginator(heads, SECTION_PAGE_SIZE).get_page(number)
    wanted = [row_pk for _key, _title, row_pk in page.object_list if row_pk]
    records = {str(r.pk): r for r in items(vault).filter(pk__in=wanted)} if wanted else {}
    rows = []
    for key, title, row_pk in page.object_list:
        record = records.get(row_pk) if row_pk else None
        if key:
            rows.append(Row(key=key, title=title, record=record))
        elif record is not None:  # an own item removed since the index was read is left out
            rows.append(Row(key="", title=record.title, record=record))
    page.object_list = rows  # type: ignore[assignment]  # the heads' rows, in their order
    return page
