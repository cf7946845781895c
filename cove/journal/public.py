"""What other apps may read from the journal (the progress page's small-wins timeline)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

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

    The kind is sealed, so the newest rows are opened (kind only) to find the wins; then
    only the wins' answers are fetched. Two queries, whatever the journal's size.
    """
    mine = JournalEntry.objects.owned_by(vault).order_by("-created_at", "-id")
    heads = mine.only("id", "owner", "created_at", "shareable", "kind")[:scan]
    ids = [entry.pk for entry in heads if entry.kind == "win"][:limit]
    if not ids:
        return []
    wins = mine.filter(pk__in=ids)
    return [
        WinFact(str(w.pk), w.created_at, str(w.answer_map.get("what") or ""))
        for w in wins
    ]
