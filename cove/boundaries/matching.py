"""Mutual reveal for wishes: what two people may learn about each other's answers.

The rules (from the product brief):

- An item is revealed only when *both* people marked it "yes" or "maybe".
- A "no" is never revealed, and neither is which side said no: for anyone looking at the
  result, a "no", a missing answer and an unknown value all look exactly the same.
- The result says nothing about the items that did not match: not how many there were,
  and not (through its order) anything about how either person answered. It is sorted
  by key.

This is a pure function so the rules can be tested on their own; the partner screens
that call it come in a later issue.
"""

from __future__ import annotations

from collections.abc import Mapping

OPEN_ANSWERS = frozenset({"yes", "maybe"})


def mutual_reveal(mine: Mapping[str, object], theirs: Mapping[str, object]) -> list[str]:
    """Return the keys both people answered "yes" or "maybe", sorted; nothing else."""
    return sorted(
        key
        for key, answer in mine.items()
        if isinstance(key, str)
        and isinstance(answer, str)
        and answer in OPEN_ANSWERS
        and isinstance(theirs.get(key), str)
        and theirs[key] in OPEN_ANSWERS
    )
