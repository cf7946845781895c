"""What every boundaries action checks first: lengths, plain text and the closed choices.

Each check raises `cove.core.errors.InputError` naming the field, so the pages show the
message beside it and the API answers 422 in the shape of docs/api.md.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.utils.translation import gettext as _

from cove.boundaries import catalogue
from cove.boundaries.choices import BoundaryState, Category, Moment, ReviewCadence, WishAnswer, Zone
from cove.core.errors import InputError
from cove.vault.keyring import Vault
from cove.vault.records import SealedRecord

TITLE_MAX = 200
CONDITION_MAX = 500
NOTES_MAX = 2000
PHRASE_MAX = 300

R = TypeVar("R", bound=SealedRecord)


def new(model: type[R], vault: Vault | None, **values: Any) -> R:
    """A new record bound to `vault` (typed helper: the model plugin cannot see `vault=`)."""
    return model(vault=vault, **values)


def clean_text(name: str, value: Any, limit: int, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InputError({name: [_("Please use plain text here.")]})
    value = value.strip()
    if required and not value:
        raise InputError({name: [_("Please write a few words here.")]})
    if len(value) > limit:
        raise InputError(
            {name: [_("Please keep this to %(limit)s characters or fewer.") % {"limit": limit}]}
        )
    return value


def clean_state(value: Any) -> str:
    value = value or ""
    if value not in BoundaryState.values:
        raise InputError(
            {"state": [_("Please pick yes, maybe, not now, no or not sure yet.")]})
    return str(value)


def clean_category(value: Any) -> str:
    if value not in Category.values:
        raise InputError({"category": [_("Please pick one of the groups.")]})
    return str(value)


def clean_zone(value: Any) -> str:
    if value not in Zone.values:
        raise InputError({"zone": [_("Please pick one of the three places on the map.")]})
    return str(value)


def clean_answer(value: Any) -> str:
    value = value or ""
    if value not in WishAnswer.values:
        raise InputError({"answer": [_("Please pick yes, maybe, no or not sure yet.")]})
    return str(value)


def clean_moment(value: Any) -> str:
    if value not in Moment.values:
        raise InputError({"moment": [_("Please pick when you might say this.")]})
    return str(value)


def clean_cadence(value: Any) -> int:
    try:
        days = int(value)
    except (TypeError, ValueError):
        days = -1
    if days not in ReviewCadence.values:
        raise InputError({"cadence_days": [_("Please pick one of the choices.")]})
    return days


def catalogue_item(key: Any) -> catalogue.Item:
    item = catalogue.ITEM_BY_KEY.get(key)
    if item is None:
        raise InputError({"key": [_("We could not find that item.")]})
    return item
