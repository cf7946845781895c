"""Comfort ladders, their steps, the person's distress words and practice sessions.

Everything a person writes or rates is sealed. Plain columns are ids, owner, timestamps,
foreign keys and a step's `position` (its place on the ladder, needed to order in SQL).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models

from cove.ladder.choices import PracticeOutcome, PracticePhase, StepStatus, WithWhom
from cove.vault import areas
from cove.vault.fields import (
    SealedBooleanField,
    SealedIntegerField,
    SealedJSONField,
    SealedTextField,
)
from cove.vault.records import SealedRecord

# Names for the choices' values, used across the app (declared once in choices.py).
NOT_YET, PRACTISING = StepStatus.NOT_YET, StepStatus.PRACTISING
COMFORTABLE, RESTING = StepStatus.COMFORTABLE, StepStatus.RESTING
ALONE, PARTNER = WithWhom.ALONE, WithWhom.PARTNER
BEFORE, DURING, PAUSED = PracticePhase.BEFORE, PracticePhase.DURING, PracticePhase.PAUSED
AFTER, ENDED = PracticePhase.AFTER, PracticePhase.ENDED
PHASES = tuple(PracticePhase.values)
FINISHED, MADE_SMALLER = PracticeOutcome.FINISHED, PracticeOutcome.MADE_SMALLER
ENDED_FOR_TODAY = PracticeOutcome.ENDED_FOR_TODAY

SCALE_POINTS = (0, 25, 50, 75, 100)


class Ladder(SealedRecord):
    sharing_area = areas.LADDER
    title = SealedTextField()
    about = SealedTextField()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return "ladder"


class ComfortStep(SealedRecord):
    sharing_area = areas.LADDER
    plain_fields: ClassVar[dict[str, str]] = {
        "position": "orders the steps of a ladder in SQL; it says where a step sits and "
        "nothing about what the step is",
    }

    ladder = models.ForeignKey(Ladder, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveIntegerField(default=0)
    title = SealedTextField()
    with_whom = SealedTextField(plain_default=ALONE)
    minutes = SealedIntegerField()
    expected_distress = SealedIntegerField()
    notes = SealedTextField()
    status = SealedTextField(plain_default=NOT_YET)

    class Meta:
        ordering = ["position", "created_at"]
        indexes = [models.Index(fields=["ladder", "position"])]

    def __str__(self) -> str:
        return "step"

    @property
    def status_label(self) -> Any:
        return StepStatus(self.status).label if self.status in StepStatus.values else NOT_YET.label

    @property
    def with_whom_label(self) -> Any:
        return (WithWhom(self.with_whom).label if self.with_whom in WithWhom.values
                else ALONE.label)


class DistressWords(SealedRecord):
    """The person's own words for 0, 25, 50, 75 and 100 on the distress scale."""

    sharing_area = areas.LADDER
    words: Any = SealedJSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="ladder_words_one_per_person"),
        ]

    def __str__(self) -> str:
        return "distress words"


class PracticeSession(SealedRecord):
    """One practice of one step. It exists only after a clear yes at the check-in."""

    sharing_area = areas.LADDER

    step = models.ForeignKey(ComfortStep, on_delete=models.CASCADE, related_name="sessions")
    phase = SealedTextField(plain_default=BEFORE)
    # Where to go back to after a pause.
    resume_phase = SealedTextField()
    outcome = SealedTextField()
    distress_expected = SealedIntegerField()
    distress_before = SealedIntegerField()
    planned_minutes = SealedIntegerField()
    checkin_every = SealedIntegerField()
    fear = SealedTextField()
    # Times of the practice, as ISO strings: {"during": ..., "after": ..., "ended": ...}.
    times: Any = SealedJSONField()
    # [{"at": iso, "phase": ...}] and [{"at": iso, "answer": "continue" | "slow" | "pause"}]
    pauses: Any = SealedJSONField()
    checkins: Any = SealedJSONField()
    distress_peak = SealedIntegerField()
    distress_after = SealedIntegerField()
    aftercare_done: Any = SealedJSONField()
    aftercare_skipped = SealedBooleanField(plain_default=False)
    felt_ok = SealedTextField()
    was_hard = SealedTextField()
    compared_to_fear = SealedTextField()
    would_change = SealedTextField()
    small_win = SealedBooleanField(plain_default=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"], name="practice_owner_created"),
                   models.Index(fields=["step", "-created_at"], name="practice_step_created")]

    def __str__(self) -> str:
        return "practice"

    @property
    def is_unfinished(self) -> bool:
        return self.phase != ENDED
