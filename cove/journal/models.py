"""Journal entries: every word, the kind of entry and its tags are sealed."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext as _

from cove.journal import kinds
from cove.vault import areas
from cove.vault.fields import SealedJSONField, SealedTextField
from cove.vault.records import SealedRecord


class JournalEntry(SealedRecord):
    """One journal entry: a kind (which prompts), the answers and the person's tags."""

    kind = SealedTextField()
    answers = SealedJSONField()  # {prompt name: text | int | list of keys}
    tags = SealedJSONField()  # list of short words
    shareable = models.BooleanField(default=False)

    plain_fields: ClassVar[dict[str, str]] = {
        "shareable": "Chooses which area key seals the row (journal or journal_shared), so it "
        "must be readable before anything can be opened. It says only that the person "
        "marked an entry as one they might share, nothing of what it says.",
    }

    class Meta:
        ordering = ("-created_at",)
        indexes = (models.Index(fields=("owner", "-created_at")),)

    def get_sharing_area(self) -> str:
        return areas.JOURNAL_SHARED if self.shareable else areas.JOURNAL

    @classmethod
    def rows_in_area(cls, area: str) -> models.Q | None:
        if area not in (areas.JOURNAL, areas.JOURNAL_SHARED):
            return None
        return models.Q(shareable=area == areas.JOURNAL_SHARED)

    def in_words(self) -> list[tuple[str, Any]]:
        """Its kind, each answer under its question and its tags, in words."""
        kind = kinds.get_kind(str(self.kind))
        answers = kinds.answers_in_words(kind, self.answer_map)
        return [(_("Kind of entry"), kind.label if kind else self.kind),
                *((str(label), text) for label, text in answers),
                (_("Tags"), self.tags)]

    @property
    def answer_map(self) -> dict[str, Any]:
        value = self.answers
        return value if isinstance(value, dict) else {}

    @property
    def tag_list(self) -> list[str]:
        value = self.tags
        return [str(t) for t in value] if isinstance(value, list) else []
