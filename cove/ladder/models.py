"""Comfort ladders, their steps, the person's distress words and practice sessions.

Everything a person writes or rates is sealed. Plain columns are ids, owner, timestamps,
foreign keys and a step's `position` (its place on the ladder, needed to order in SQL).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.vault import areas
from cove.vault.fields import (
    SealedBooleanField,
    SealedIntegerField,
    SealedJSONField,
    SealedTextField,
)
from cove.vault.records import SealedRecord

# A step's status is only ever set by the person. There is no "done".
NOT_YET = "not_yet"
PRACTISING = "practising"
COMFORTABLE = "comfortable"
RESTING = "resting"
STATUSES: dict[str, Any] = {
    NOT_YET: _("Not yet"),
    PRACTISING: _("Practising"),
    COMFORTABLE: _("Feels comfortable"),
    RESTING: _("Resting for now"),
}

ALONE = "alone"
PARTNER = "partner"
WITH_WHOM: dict[str, Any] = {
    ALONE: _("On my own"),
    PARTNER: _("With a partner"),
}

# Practice phases (the server-side state machine; see services.py).
BEFORE = "before"
DURING = "during"
PAUSED = "paused"
AFTER = "after"
ENDED = "ended"
PHASES = (BEFORE, DURING, PAUSED, AFTER, ENDED)

# How an ended practice ended. None of these is a failure.
FINISHED = "finished"
ENDED_FOR_TODAY = "ended_for_today"
MADE_SMALLER = "made_smaller"

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
        return STATUSES.get(self.status, STATUSES[NOT_YET])

    @property
    def with_whom_label(self) -> Any:
        return WITH_WHOM.get(self.with_whom, WITH_WHOM[ALONE])


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
