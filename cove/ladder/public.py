"""What other apps may read from the comfort ladder (progress and journal patterns use it).

Owned by the ladder app: these signatures are a contract; the bodies are filled in with
the ladder's own data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


@dataclass(frozen=True)
class PracticeFact:
    step_id: str
    step_title: str
    ladder_title: str
    started_at: datetime
    distress_before: int | None
    distress_peak: int | None
    distress_after: int | None
    small_win: bool
    ended_early: bool
    what_helped: list[str]


def recent_practices(vault: Vault, limit: int = 200) -> list[PracticeFact]:
    """The person's most recent practice sessions, newest first, at most `limit`."""
    return []
