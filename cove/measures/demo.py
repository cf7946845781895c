"""A few earlier questionnaire answers for the demo survivor, spread over past weeks."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from cove.measures import instruments, services
from cove.measures.models import MeasureResponse

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

# (instrument, days ago, answers): oldest first, so each compares with the one before.
SAMPLES = (
    ("pcl5", 58, [2, 1, 2, 2, 2, 1, 2, 0, 2, 2, 2, 1, 2, 1, 1, 0, 2, 2, 1, 2]),
    ("phq9", 57, [1, 2, 2, 2, 1, 1, 1, 0, 0]),
    ("gad7", 56, [2, 2, 1, 2, 1, 1, 1]),
    ("pcl5", 29, [1, 1, 1, 2, 1, 1, 2, 0, 1, 1, 2, 1, 1, 1, 1, 0, 2, 1, 1, 1]),
    ("phq9", 14, [1, 1, 1, 1, 1, 0, 1, 0, 0]),
)


def populate(vault: Vault, role: str) -> None:
    if role != "survivor":
        return
    now = timezone.now()
    for instrument_id, days_ago, answers in SAMPLES:
        instrument = instruments.get(instrument_id)
        assert instrument is not None
        recorded = services.record_response(vault, instrument, answers)
        # Backdate (created_at is a plain column) so the history reads like past weeks.
        MeasureResponse.objects.filter(pk=recorded.response.pk).update(
            created_at=now - timedelta(days=days_ago))
