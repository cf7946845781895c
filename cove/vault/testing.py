"""Test helpers for the vault: the plain-field allowlist check used by the suite."""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.db import models

from cove.vault.fields import SealedField
from cove.vault.records import SealedRecord

# Apps whose models are infrastructure, not a person's content.
INFRASTRUCTURE_APPS = {"accounts", "audit", "vault", "core", "sessions", "auth",
                       "contenttypes", "messages", "staticfiles", "help"}
ALWAYS_PLAIN = {"id", "owner", "created_at", "updated_at", "version"}
# Column types that can carry content; anything else (relations, ids, dates) may stay plain.
CONTENT_TYPES = (
    models.CharField,
    models.TextField,
    models.JSONField,
    models.IntegerField,
    models.FloatField,
    models.DecimalField,
    models.BooleanField,
    models.BinaryField,
)


def ciphertext_of(record: SealedRecord, field: str) -> bytes:
    """The stored ciphertext of one sealed field (for tests that inspect what is at rest)."""
    return bytes(getattr(record, f"{field}_sealed"))


def write_ciphertext(record: SealedRecord, field: str, blob: bytes) -> None:
    """Put bytes in a sealed column behind the vault's back, as a damaged disk or someone
    with write access to the database would (SealedQuerySet.update() refuses to)."""
    type(record)._base_manager.filter(pk=record.pk).update(**{f"{field}_sealed": blob})


def plain_content_fields(app_labels: Iterable[str] | None = None) -> list[str]:
    """Every field of a feature app's model that could hold content in the clear.

    Returns "app.Model.field" for each plain field that is neither sealed, nor an id,
    owner, timestamp or relation, nor on the model's `plain_fields` allowlist.
    """
    problems = []
    for model in apps.get_models():
        label = model._meta.app_label
        if label in INFRASTRUCTURE_APPS or (app_labels is not None and label not in app_labels):
            continue
        allowed = set(getattr(model, "plain_fields", {}) or {})
        for field in model._meta.concrete_fields:
            if isinstance(field, SealedField) or field.name in ALWAYS_PLAIN:
                continue
            if field.is_relation or field.primary_key:
                continue
            if isinstance(field, CONTENT_TYPES) and field.name not in allowed:
                problems.append(f"{label}.{model.__name__}.{field.name}")
        if not issubclass(model, SealedRecord) and any(
            isinstance(f, CONTENT_TYPES) and not f.primary_key and f.name not in allowed
            for f in model._meta.concrete_fields
        ):
            problems.append(f"{label}.{model.__name__} (not a SealedRecord)")
    return sorted(set(problems))
