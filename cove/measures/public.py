"""What other apps may read from the questionnaires (the progress page uses it).

Owned by the measures app: these signatures are a contract.
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
    """Scored responses, oldest first, at most `limit` per instrument.

    The instrument of a response is sealed, so the newest `limit` x (number of
    instruments) rows are opened in one bounded query and grouped in memory.
    """
    from cove.measures import instruments
    from cove.measures.models import MeasureResponse

    known = instruments.registry()
    rows = MeasureResponse.objects.owned_by(vault).order_by("-created_at", "-id")
    kept: dict[str, list[MeasureResult]] = {}
    for row in rows[: max(limit, 0) * len(known)]:
        instrument = known.get(row.instrument_id)
        if instrument is None:
            continue
        bucket = kept.setdefault(instrument.id, [])
        if len(bucket) >= limit:
            continue
        result = row.stored_result
        bucket.append(MeasureResult(
            instrument=instrument.id,
            title=instrument.short_title,
            authored_at=row.created_at,
            total=int(result.get("total", 0)),
            max_total=int(result.get("max_total", instrument.max_total)),
            band=result.get("band"),
        ))
    merged = [r for bucket in kept.values() for r in bucket]
    return sorted(merged, key=lambda r: r.authored_at)
