"""What other apps may read from the safety plan (the ladder's practice screens use it).

Owned by the safety app: these signatures are a contract; the bodies are filled in with
the safety plan itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


@dataclass(frozen=True)
class PausePlan:
    stop_word: str
    signal: str
    after_pause: str


def get_pause_plan(vault: Vault) -> PausePlan | None:
    """The person's pause plan, or None if they have not written one."""
    return None


def get_aftercare_wishes(vault: Vault) -> list[str]:
    """The aftercare the person wants, one item per entry (may be empty)."""
    return []
