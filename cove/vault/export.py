"""Export of everything a person owns, decrypted for them: schema `cove-export`, version 1.

The document (see docs/export.md):

    {
      "schema": "cove-export", "version": 1, "exported_at": "<ISO 8601>",
      "account": {"username", "email", "date_joined", "idle_timeout_minutes"},
      "records": {"<app>.<model>": [{"id", "created_at", "updated_at", <fields>…}, …]},
      "unreadable": <how many records did not open and were left out>,
      "sharing": [{"area", "shared_with", "since"}],
      "activity": [{"when", "kind"}]
    }

Feature apps are covered without any code here: every SealedRecord subclass is exported
with all its plain and sealed fields. An app can add a top-level section by giving its
AppConfig an `export_section(vault) -> (name, data)` method (the FHIR bundle uses this).
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from cove.audit.services import events_for
from cove.vault.fields import SealedField
from cove.vault.models import Grant
from cove.vault.records import SealedRecord, sealed_models
from cove.vault.repair import opens

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

SCHEMA = "cove-export"
VERSION = 1
_SKIP = {"owner"}
_DATES = {"created_at", "updated_at"}


def json_value(value: Any) -> Any:
    """`value` as JSON can hold it, for every type a record's field can give.

    Times and dates become ISO 8601 text, UUIDs and Decimals exact text, durations seconds,
    bytes base64; dicts, lists, tuples and sets are converted all the way down.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return str(value) if isinstance(value, str) and type(value) is not str else value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal | Promise):
        return str(value)
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_value(item) for item in value]
    raise TypeError(f"export cannot write a {type(value).__name__}")


def as_json_text(document: Mapping[str, Any]) -> str:
    """The export document as the text of the downloaded file."""
    return json.dumps(json_value(document), indent=2, ensure_ascii=False)


def _field_value(record: SealedRecord, field: models.Field) -> Any:
    return getattr(record, field.name if isinstance(field, SealedField) else field.attname)


def record_as_dict(record: SealedRecord) -> dict[str, Any]:
    """Every field of one record (sealed ones opened), ready for JSON."""
    return {
        field.name: json_value(_field_value(record, field))
        for field in type(record)._meta.concrete_fields if field.name not in _SKIP
    }


def shared_as_dict(record: SealedRecord) -> dict[str, Any]:
    """One record as someone it is shared with reads it through the API: every value but
    its machinery (a voice note's file key, chunk count and area). The owner's own export
    keeps every value (`record_as_dict`)."""
    return {name: value for name, value in record_as_dict(record).items()
            if name not in record.machinery_fields}


def labelled_fields(record: SealedRecord) -> list[dict[str, Any]]:
    """One record's values with their labels, raw: the presentation layer
    (cove/vault/readable.py) turns stored keys into words and dates into the person's
    format. No id, owner or machinery (`SealedRecord.machinery_fields`); a record that says
    itself in words (`SealedRecord.in_words`) gives those, with its dates."""
    worded = record.in_words()
    fields = [field for field in type(record)._meta.concrete_fields
              if field.name not in _SKIP and field.name != "id"
              and field.name not in record.machinery_fields
              and (worded is None or field.name in _DATES)]
    return ([{"label": str(field.verbose_name).capitalize(), "value": _field_value(record, field)}
             for field in fields]
            + [{"label": label, "value": value} for label, value in worded or ()])


def readable_value(value: Any) -> str:
    """A field's value as words for the printable page."""
    value = json_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(readable_value(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {readable_value(item)}" for key, item in value.items())
    return str(value)


def _readable(model: type[SealedRecord], vault: Vault, skipped: list[str]) -> Iterator[SealedRecord]:
    """The person's records of one kind that open; any that do not are counted in
    `skipped` (they never stop the export of the rest: cove.vault.repair)."""
    for record in model.objects.owned_by(vault).order_by("created_at"):
        if opens(record):
            yield record
        else:
            skipped.append(model._meta.label_lower)


def build_export(vault: Vault) -> dict[str, Any]:
    user = vault.user
    records: dict[str, list[dict[str, Any]]] = {}
    skipped: list[str] = []
    for model in sorted(sealed_models(), key=lambda m: m._meta.label_lower):
        rows = [record_as_dict(r) for r in _readable(model, vault, skipped)]
        records[model._meta.label_lower] = rows
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "email": getattr(user, "email", ""),
            "date_joined": json_value(getattr(user, "date_joined", None)),
            "idle_timeout_minutes": getattr(user, "idle_timeout_minutes", None),
        },
        "records": records,
        # Records that did not open (damaged); listed for removal on the repair page.
        "unreadable": len(skipped),
        "sharing": [
            {"area": g.area, "shared_with": g.grantee.username, "since": g.created_at.isoformat()}
            for g in Grant.objects.filter(owner=user).select_related("grantee").order_by("id")
        ],
        "activity": [
            {"when": e.created_at.isoformat(), "kind": e.kind} for e in events_for(user)
        ],
    }
    for config in apps.get_app_configs():
        section = getattr(config, "export_section", None)
        if callable(section):
            name, data = section(vault)
            document[name] = data
    return json_value(document)


def export_section(vault: Vault, wanted: str) -> Any:
    """One app's part of the export on its own (the FHIR bundle: "fhir_questionnaires")."""
    for config in apps.get_app_configs():
        section = getattr(config, "export_section", None)
        if callable(section):
            name, data = section(vault)
            if name == wanted:
                return json_value(data)
    raise LookupError(wanted)


def readable_sections(vault: Vault) -> list[dict[str, Any]]:
    """The same records as titled sections of label/value pairs, for the printable page."""
    sections = []
    for model in sorted(sealed_models(), key=lambda m: str(m._meta.verbose_name_plural)):
        items = [labelled_fields(record) for record in _readable(model, vault, [])]
        if items:
            sections.append({"title": str(model._meta.verbose_name_plural).capitalize(),
                             "items": items})
    return sections
