"""Keeping and reading the optional "how are you now?" answers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from cove.grounding.exercises import BY_SLUG, FEELING_LABELS
from cove.grounding.models import FeelingAfterExercise
from cove.vault.keyring import Vault


def vault_of(request: HttpRequest) -> Vault:
    """The unlocked vault the signed-in policy guarantees for this request."""
    vault = getattr(request, "vault", None)
    if vault is None:  # the policy decorators make this unreachable
        raise PermissionDenied
    return vault

RECENT_LIMIT = 10


def keep_feeling(vault: Vault, exercise: str, feeling: str) -> FeelingAfterExercise:
    if exercise not in BY_SLUG or feeling not in FEELING_LABELS:
        raise ValueError("unknown exercise or answer")
    record = FeelingAfterExercise(vault=vault, exercise=exercise, feeling=feeling)  # type: ignore[misc]
    record.save()
    return record


def recent_feelings(vault: Vault) -> QuerySet[FeelingAfterExercise]:
    return FeelingAfterExercise.objects.owned_by(vault).order_by("-created_at")[:RECENT_LIMIT]


def forget_feelings(vault: Vault) -> int:
    deleted, _ = FeelingAfterExercise.objects.owned_by(vault).delete()
    return deleted
