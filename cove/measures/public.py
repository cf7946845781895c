"""What other apps may read from the questionnaires (the progress page uses it).

Owned by the measures app: these signatures are a contract; the bodies are filled in
with stored responses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


@dataclass(frozen=True)
class MeasureResult:
    instrument: str  # "phq9", "gad7", "pcl5", "pcl5-week"
    title: str
    authored_at: datetime
    total: int
    max_total: int
    band: str | None


def measure_history(vault: Vault, limit: int = 200) -> list[MeasureResult]:
    """Scored responses, oldest first, at most `limit` per instrument."""
    return []
