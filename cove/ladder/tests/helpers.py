"""Small helpers shared by the ladder tests."""

from __future__ import annotations

from typing import Any

from cove.ladder import services
from cove.ladder.models import ComfortStep, Ladder


def make_ladder(person: Any, starter: str = "closeness", title: str = "Closer, slowly") -> Ladder:
    return services.create_ladder(person.vault(), title, starter)


def steps(person: Any, ladder: Ladder) -> list[ComfortStep]:
    vault = person.vault()
    return services.steps_of(vault, Ladder.objects.owned_by(vault).get(pk=ladder.pk))


def titles(person: Any, ladder: Ladder) -> list[str]:
    return [s.title for s in steps(person, ladder)]

