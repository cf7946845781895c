"""Closed choices of check-ins, progress and reminders, declared once (see cove.core.choices)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.core import choices


class CheckinQuestion(models.TextChoices):
    """The five daily questions, in the order they are asked (each answer 0 to 10 or blank)."""

    MOOD = "mood", _("Mood")
    DISTRESS = "distress", _("Distress")
    TENSION = "tension", _("Body tension")
    SLEEP = "sleep", _("Sleep")
    STRESS = "stress", _("Stress")


class ReminderWhat(models.TextChoices):
    """What a reminder is for. Only the person sees it; the reminder itself is discreet."""

    CHECKIN = "checkin", _("A daily check-in")
    JOURNAL = "journal", _("A few minutes to write")
    PRACTICE = "practice", _("A practice")
    GROUNDING = "grounding", _("A grounding or breathing break")
    SOMETHING = "something", _("Just a moment for me")


class Weekday(models.IntegerChoices):
    """Days a reminder repeats on; Monday is 0, as in Python's date.weekday()."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class ProgressRange(models.TextChoices):
    """How far back the progress page looks."""

    MONTH = "month", _("30 days")
    QUARTER = "quarter", _("3 months")
    YEAR = "year", _("1 year")


choices.register("progress.checkin_question", CheckinQuestion)
choices.register("progress.reminder_what", ReminderWhat)
choices.register("progress.weekday", Weekday)
choices.register("progress.range", ProgressRange)
