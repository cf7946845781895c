"""What other apps may read from the journal (the progress page's small-wins timeline)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cove.journal.models import JournalEntry
from cove.journal.services import SCAN_LIMIT

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


@dataclass(frozen=True)
class WinFact:
    entry_id: str
    written_at: datetime
    text: str


def recent_wins(vault: Vault, limit: int = 12, scan: int = SCAN_LIMIT) -> list[WinFact]:
    """Small wins among the newest `scan` entries, newest first, at most `limit`.

    The kind is sealed, so the newest rows are opened (kind only) a batch at a time until
    `limit` wins are found. Each row comes with its answers, still sealed: only the wins'
    answers are opened, and fetching them again by id would cost a query that SQLite
    answers by walking every entry the person has. At most a handful of queries, whatever
    the journal's size.
    """
    mine = JournalEntry.objects.owned_by(vault).order_by("-created_at", "-id")
    heads = mine.only("id", "owner", "created_at", "shareable", "kind", "answers")
    batch = max(limit * 4, 20)
    wins: list[Any] = []
    for start in range(0, max(0, scan), batch):
        rows = list(heads[start:min(start + batch, scan)])
        wins += [entry for entry in rows if entry.kind == "win"]
        if len(wins) >= limit or len(rows) < batch:
            break
    return [
        WinFact(str(w.pk), w.created_at, str(w.answer_map.get("what") or ""))
        for w in wins[:limit]
    ]
