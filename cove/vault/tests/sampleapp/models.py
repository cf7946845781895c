from __future__ import annotations

from typing import ClassVar

from django.db import models

from cove.vault import areas
from cove.vault.fields import (
    SealedBooleanField,
    SealedIntegerField,
    SealedJSONField,
    SealedTextField,
)
from cove.vault.records import SealedRecord


class SampleNote(SealedRecord):
    sharing_area = areas.SAFETY
    title = SealedTextField()
    body = SealedTextField()
    rating = SealedIntegerField()
    tags = SealedJSONField(plain_default=[])
    shareable = models.BooleanField(default=False)

    plain_fields: ClassVar[dict[str, str]] = {
        "shareable": "test model: decides the sharing area, as a journal entry's flag would"
    }

    def get_sharing_area(self) -> str:
        return areas.JOURNAL_SHARED if self.shareable else areas.JOURNAL

    @classmethod
    def rows_in_area(cls, area: str) -> models.Q | None:
        if area not in (areas.JOURNAL, areas.JOURNAL_SHARED):
            return None
        return models.Q(shareable=area == areas.JOURNAL_SHARED)


class SampleStep(SealedRecord):
    sharing_area = areas.LADDER
    words = SealedTextField()
    done = SealedBooleanField(plain_default=False)
