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

import uuid
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import models
from django.utils import timezone

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


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def record_as_dict(record: SealedRecord) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field in type(record)._meta.concrete_fields:
        if field.name in _SKIP:
            continue
        if isinstance(field, SealedField):
            row[field.name] = getattr(record, field.name)
        elif isinstance(field, models.ForeignKey):
            row[field.name] = _plain(getattr(record, field.attname))
        else:
            row[field.name] = _plain(getattr(record, field.attname))
    return row


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
            "date_joined": _plain(getattr(user, "date_joined", None)),
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
    return document


def readable_sections(vault: Vault) -> list[dict[str, Any]]:
    """The same records as titled sections of label/value pairs, for the printable page."""
    sections = []
    for model in sorted(sealed_models(), key=lambda m: str(m._meta.verbose_name_plural)):
        items = []
        for record in _readable(model, vault, []):
            fields = []
            for field in model._meta.concrete_fields:
                if field.name in _SKIP or field.name == "id":
                    continue
                value = getattr(record, field.name) if isinstance(field, SealedField) else getattr(
                    record, field.attname
                )
                fields.append({"label": str(field.verbose_name).capitalize(), "value": value})
            items.append(fields)
        if items:
            sections.append({"title": str(model._meta.verbose_name_plural).capitalize(),
                             "items": items})
    return sections
