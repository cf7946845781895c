"""Closed choices, declared once and offered to every client.

Each app declares a closed set of values once, as a Django `TextChoices` or
`IntegerChoices` class, and registers it here under a stable name:

    class Mood(models.TextChoices):
        LOW = "low", _("Low")
        ...

    choices.register("checkin.mood", Mood)

Models and forms use `Mood.choices`, API schemas use the class itself as the field type
(so the OpenAPI schema lists the values as an `enum`), and `GET /api/v1/choices` returns
every registered set with its human labels in the active language.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Choices

C = TypeVar("C", bound=type[Choices])

_REGISTRY: dict[str, type[Choices]] = {}


def register(name: str, choices: C) -> C:
    """Offer `choices` under `name` (e.g. "boundaries.state"); returns the class unchanged."""
    existing = _REGISTRY.get(name)
    if existing is not None and existing is not choices:
        raise ValueError(f"choices {name!r} are already registered by {existing.__qualname__}")
    _REGISTRY[name] = choices
    return choices


def registered() -> dict[str, type[Choices]]:
    return dict(sorted(_REGISTRY.items()))


def as_json() -> dict[str, list[dict[str, Any]]]:
    """Every registered set as [{"value", "label"}], in declaration order."""
    return {
        name: [{"value": member.value, "label": str(member.label)} for member in choices]
        for name, choices in registered().items()
    }
