"""Keeping and reading the optional "how are you now?" answers."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cove.core.errors import InputError
from cove.grounding.choices import Feeling
from cove.grounding.exercises import BY_SLUG
from cove.grounding.models import FeelingAfterExercise
from cove.vault.keyring import Vault

RECENT_LIMIT = 10


def keep_feeling(vault: Vault, exercise: str, feeling: str) -> FeelingAfterExercise:
    if exercise not in BY_SLUG:
        raise InputError({"exercise": [_("We could not find that exercise.")]})
    if feeling not in Feeling.values:
        raise InputError({"now": [_("Please pick one of the answers.")]})
    record = FeelingAfterExercise(vault=vault, exercise=exercise, feeling=feeling)  # type: ignore[misc]
    record.save()
    return record


def recent_feelings(vault: Vault) -> QuerySet[FeelingAfterExercise]:
    return FeelingAfterExercise.objects.owned_by(vault).order_by("-created_at")[:RECENT_LIMIT]


def forget_feelings(vault: Vault) -> int:
    deleted, _count = FeelingAfterExercise.objects.owned_by(vault).delete()
    return deleted
