"""The readable export as a document: plain words, one heading per area, no ids or keys.

`cove.vault.export.readable_sections` gives the data (titled lists of label/value pairs);
this module only decides how it reads. It hides anything that is machinery (ids, keys,
versions, positions), turns stored keys such as `touch.hold_hands` into their words,
writes dates in the person's language's format, and groups record types under the area
of the app they belong to. Apps can name their keys by giving their AppConfig an
`export_label(key) -> str | None` method.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from cove.core import choices
from cove.vault.export import labelled_fields
from cove.vault.records import SealedRecord, sealed_models

# Labels (lower case, spaces) that are machinery, never something a person wrote.
_HIDDEN_WORDS = {"id", "ids", "key", "keys", "version", "nonce", "digest", "position",
                 "owner", "vault", "salt", "token", "hash", "sharing area", "key version"}
_HIDDEN_END = re.compile(r"(^|\s)(id|key|digest|nonce|token|hash|salt)$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_MACHINE_KEY = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)+$")
# Fields whose stored value is a word from a closed list, shown by its label.
_CODED = {"key", "category", "state", "zone", "kind", "area", "answer", "moment", "mood"}
_DATE_ROWS = {"Added", "Last changed"}
_FIELD_WORDS = {
    "created at": "Added", "updated at": "Last changed", "when": "When", "day": "Day",
}


@dataclass
class Row:
    label: str
    text: str = ""
    lines: list[str] = field(default_factory=list)


@dataclass
class Entry:
    rows: list[Row]
    when: str = ""  # when it was added, shown once above the entry


@dataclass
class Part:
    title: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Area:
    title: str
    slug: str
    parts: list[Part] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(part.entries) for part in self.parts)


def plural_title(title: str) -> str:
    """Django's default plural adds an "s": "Journal entrys" reads "Journal entries"."""
    words = title.split(" ")
    last = words[-1]
    if re.search(r"[^aeiou]ys$", last, re.I):
        words[-1] = last[:-2] + "ies"
    return " ".join(words)


def is_machinery(label: str) -> bool:
    low = label.strip().lower().replace("_", " ")
    return low in _HIDDEN_WORDS or bool(_HIDDEN_END.search(low))


def _label_for_key(text: str) -> str | None:
    for config in apps.get_app_configs():
        lookup = getattr(config, "export_label", None)
        if callable(lookup):
            found = lookup(text)
            if found:
                return str(found)
    for choice_set in choices.registered().values():
        for member in choice_set:
            if str(member.value) == text:
                return str(member.label)
    return None


def _words(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def show_date(value: date | datetime) -> str:
    """One date format everywhere, from the active language's formats (cove/formats/)."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "DATETIME_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def show(value: Any) -> str | list[str] | None:
    """A value as words, or None when there is nothing a person would want to read."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, bool):
        return _("Yes") if value else None  # a "No" is noise: leaving it out says the same
    if isinstance(value, datetime | date):
        return show_date(value)
    if isinstance(value, uuid.UUID):
        return None
    if isinstance(value, int | float):
        return formats.number_format(value)
    if isinstance(value, dict):
        return _show_dict(value)
    if isinstance(value, list | tuple):
        shown = [show(item) for item in value]
        lines = [", ".join(s) if isinstance(s, list) else s for s in shown if s]
        return lines or None
    text = str(value)
    if _UUID.match(text):
        return None
    moment = parse_datetime(text) if "T" in text else None
    if moment is not None:
        return show_date(moment)
    day = parse_date(text) if len(text) == 10 else None
    if day is not None:
        return show_date(day)
    if _MACHINE_KEY.match(text):
        return _label_for_key(text) or text
    return text


def _show_dict(value: dict[str, Any]) -> str | None:
    parts = []
    for key, inner in value.items():
        if (is_machinery(key) and key != "key") or _UUID.match(str(key)):
            continue
        if key in _CODED and isinstance(inner, str) and inner:
            parts.append(_label_for_key(inner) or _words(inner))
            continue
        shown = show(inner)
        if not shown:
            continue
        shown = ", ".join(shown) if isinstance(shown, list) else shown
        parts.append(shown if key in {"key", "label", "text", "title"} else f"{_words(key)}: {shown}")
    return " · ".join(parts) or None


def _rows(fields: Iterable[dict[str, Any]]) -> list[Row]:
    rows = []
    for f in fields:
        label = str(f.get("label", ""))
        value = f.get("value")
        if label.lower() in _CODED and isinstance(value, str) and value:
            named = _label_for_key(value) or _words(value)
            rows.append(Row(_("About") if label.lower() == "key" else label, text=named))
            continue
        if is_machinery(label):
            continue
        shown = show(value)
        label = _FIELD_WORDS.get(label.lower(), label)
        if isinstance(shown, list):
            rows.append(Row(label, lines=shown))
        elif shown:
            rows.append(Row(label, text=shown))
    if all(row.label in _DATE_ROWS for row in rows):
        return []  # only machinery was kept in this record
    return rows


def _entry(rows: list[Row]) -> Entry:
    """The "Added" date moves above the entry; "Last changed" stays only if it differs."""
    added = next((row.text for row in rows if row.label == "Added"), "")
    kept = [row for row in rows
            if row.label != "Added" and not (row.label == "Last changed" and row.text == added)]
    return Entry(kept, when=added)


def record_entry(record: SealedRecord) -> Entry:
    """One record in words, as the readable export shows it (a clinician's page shows each
    shared record this way, so both sides read the same)."""
    rows = _rows(labelled_fields(record))
    return _entry(rows) if rows else Entry([], when=show_date(record.created_at))


def _area_of(title: str) -> tuple[str, str]:
    for model in sealed_models():
        if str(model._meta.verbose_name_plural).capitalize() == title:
            config = apps.get_app_config(model._meta.app_label)
            return str(config.verbose_name), config.label
    return _("Other things"), "other"


def document(sections: list[dict[str, Any]]) -> list[Area]:
    """The sections as areas (one per app), each with its record types and their entries."""
    areas: dict[str, Area] = {}
    for section in sections:
        title = str(section.get("title", ""))
        entries = [_entry(rows) for rows in (_rows(item) for item in section.get("items", []))
                   if rows]
        if not entries:
            continue
        area_title, slug = _area_of(title)
        area = areas.setdefault(slug, Area(area_title, slug))
        area.parts.append(Part(plural_title(title), entries))
    return sorted(areas.values(), key=lambda a: a.title)
