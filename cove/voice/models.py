"""Voice notes: the recording is sealed in chunks under its own key; the rest like any record.

The audio is cleaned (re-encoded without metadata) and split into equal chunks, each sealed
with AES-256-GCM under a random per-note file key, bound to the note, its owner, the
chunk's place and whether it is the last. The file key is a sealed field of the note, so it
is opened with the note's area key like every other value: sharing the area shares the
note, and erasing the person's keys shreds the audio with everything else.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cove.journal.models import JournalEntry
from cove.ladder.models import PracticeSession
from cove.vault import areas
from cove.vault.fields import SealedIntegerField, SealedTextField
from cove.vault.records import SealedRecord


class VoiceNote(SealedRecord):
    """One recording, with the person's own title and optional typed transcript."""

    title: str = SealedTextField(verbose_name=_("name"))  # type: ignore[assignment]
    transcript: str = SealedTextField(verbose_name=_("typed words"))  # type: ignore[assignment]
    # Whole seconds of sound, after cleaning.
    seconds: int | None = SealedIntegerField(verbose_name=_("length in seconds"))  # type: ignore[assignment]
    # The note's own key for its chunks (base64), and how many chunks it has.
    file_key: str = SealedTextField()  # type: ignore[assignment]
    chunks: int | None = SealedIntegerField()  # type: ignore[assignment]
    journal_entry = models.ForeignKey(
        JournalEntry, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Or the practice whose debrief it belongs to (its area is the ladder's).
    practice = models.ForeignKey(
        PracticeSession, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    area = models.CharField(max_length=32, default=areas.JOURNAL)

    # Its area says where it is kept, not anything said.
    machinery_fields: ClassVar[frozenset[str]] = frozenset({"file_key", "chunks", "area"})

    plain_fields: ClassVar[dict[str, str]] = {
        "area": "Chooses which area key seals the row (the journal's, or the area of the "
        "entry it belongs to), so it must be readable before anything can be opened. It "
        "says only which part of Cove the note belongs to, nothing of what it says.",
    }

    class Meta:
        ordering = ("-created_at",)
        indexes = (models.Index(fields=("owner", "-created_at"), name="voice_note_owner_created"),)

    def get_sharing_area(self) -> str:
        return self.area

    @classmethod
    def rows_in_area(cls, area: str) -> models.Q | None:
        return models.Q(area=area)

    def sound_url(self, shared_by: str | None = None) -> str:
        if shared_by is None:
            return reverse("voice:audio", args=[self.pk])
        return reverse("voice:shared_audio", args=[shared_by, self.area, self.pk])

    def in_words(self) -> list[tuple[str, Any]]:
        """Its name, typed words and length as the player shows it ("1:05")."""
        return [(str(_("Name")), self.title), (str(_("Typed words")), self.transcript),
                (str(_("Length")), self.length if self.seconds is not None else "")]

    @property
    def length(self) -> str:
        """How long it plays, as minutes:seconds ("1:05")."""
        minutes, seconds = divmod(int(self.seconds or 0), 60)
        return f"{minutes}:{seconds:02d}"


class VoiceChunk(models.Model):
    """One sealed piece of a recording. Every chunk is the same size (see cove.voice.sealing)."""

    note = models.ForeignKey(VoiceNote, on_delete=models.CASCADE, related_name="+")
    index = models.PositiveIntegerField()
    data = models.BinaryField()

    plain_fields: ClassVar[dict[str, Any]] = {
        "index": "The chunk's place in the recording; also bound inside its ciphertext.",
        "data": "Ciphertext under the note's file key, which is itself a sealed field.",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["note", "index"], name="voice_one_chunk_per_place")
        ]
        ordering = ("index",)
