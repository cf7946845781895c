"""Closed choices of the ladder and its practices, declared once (see cove.core.choices)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.core import choices
from cove.ladder.starters import STARTERS


class StepStatus(models.TextChoices):
    """Where a person is with a step. Only they set it; there is no "done"."""

    NOT_YET = "not_yet", _("Not yet")
    PRACTISING = "practising", _("Practising")
    COMFORTABLE = "comfortable", _("Feels comfortable")
    RESTING = "resting", _("Resting for now")


class WithWhom(models.TextChoices):
    ALONE = "alone", _("On my own")
    PARTNER = "partner", _("With a partner")


# The starting points for a new ladder: their keys and titles come from the data itself.
LadderStarter = models.TextChoices(  # type: ignore[call-overload]
    "LadderStarter", [(s.key.replace("-", "_").upper(), (s.key, s.title)) for s in STARTERS]
)


class MoveDirection(models.TextChoices):
    UP = "up", _("Up")
    DOWN = "down", _("Down")


class PracticeCheckinAnswer(models.TextChoices):
    """The consent check-in before a practice. Only a clear yes starts one."""

    YES = "yes", _("Yes")
    NOT_SURE = "not_sure", _("Not sure")
    NO = "no", _("No")


class DuringAnswer(models.TextChoices):
    """An answer during a practice: a gentle check-in, or "I'm finished"."""

    CONTINUE = "continue", _("Continue")
    SLOW = "slow", _("Slow down")
    PAUSE = "pause", _("Pause")
    FINISHED = "finished", _("I’m finished")  # noqa: RUF001 - the typographic apostrophe


class CheckinEvery(models.IntegerChoices):
    """How often the practice asks "still OK?" (minutes; 0 is never)."""

    NEVER = 0, _("No check-ins")
    TWO = 2, _("Every 2 minutes")
    FIVE = 5, _("Every 5 minutes")
    TEN = 10, _("Every 10 minutes")


class PracticePhase(models.TextChoices):
    """Where a practice stands (the server-side state machine in services.py)."""

    BEFORE = "before", _("Before")
    DURING = "during", _("During")
    PAUSED = "paused", _("Paused")
    AFTER = "after", _("After")
    ENDED = "ended", _("Ended")


class PracticeOutcome(models.TextChoices):
    """How an ended practice ended. None of these is a failure."""

    FINISHED = "finished", _("Finished")
    ENDED_FOR_TODAY = "ended_for_today", _("Ended for today")
    MADE_SMALLER = "made_smaller", _("Made the step smaller")


choices.register("ladder.status", StepStatus)
choices.register("ladder.with_whom", WithWhom)
choices.register("ladder.starter", LadderStarter)
choices.register("ladder.direction", MoveDirection)
choices.register("ladder.checkin_answer", PracticeCheckinAnswer)
choices.register("ladder.during_answer", DuringAnswer)
choices.register("ladder.checkin_every", CheckinEvery)
choices.register("ladder.phase", PracticePhase)
choices.register("ladder.outcome", PracticeOutcome)
