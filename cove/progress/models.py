"""Daily check-ins (sealed), reminder choices and the private calendar feed."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from cove.progress.choices import CheckinQuestion
from cove.vault import areas
from cove.vault.fields import SealedJSONField, SealedTextField
from cove.vault.records import SealedRecord

# The five daily questions, in the order they are asked. Each answer is 0 to 10 or blank.
QUESTIONS: tuple[str, ...] = tuple(CheckinQuestion.values)


class CheckIn(SealedRecord):
    """One day's optional check-in: five ratings and a note, all sealed."""

    sharing_area = areas.CHECKINS
    ratings = SealedJSONField()  # {"mood": 0..10, ...}; a question left blank is absent
    note = SealedTextField()
    day = models.DateField()

    plain_fields: ClassVar[dict[str, str]] = {
        "day": "The calendar day the check-in belongs to. created_at already shows when it "
        "was written; the day lets today's check-in be found, and a chart's date range be "
        "chosen, without opening every row. It reveals nothing of the answers.",
    }

    class Meta:
        ordering = ("-day",)
        constraints = (
            models.UniqueConstraint(fields=("owner", "day"), name="one_checkin_a_day"),
        )

    @property
    def rating_map(self) -> dict[str, int]:
        value = self.ratings
        if not isinstance(value, dict):
            return {}
        return {k: v for k, v in value.items() if k in QUESTIONS and isinstance(v, int)}


class Reminder(SealedRecord):
    """A reminder the person asked for. What it is for is sealed; when it comes is plain.

    The calendar feed is read by a calendar app, with no vault, so the schedule must be
    readable without the person's key. It holds only times and weekdays; the feed's text is
    always the same discreet line.
    """

    what = SealedTextField()  # one of ReminderWhat
    time_of_day = models.TimeField()
    weekdays = models.CharField(max_length=7)  # "0123456" = every day (Monday is 0)
    timezone = models.CharField(max_length=64, default="UTC")
    paused = models.BooleanField(default=False)
    by_email = models.BooleanField(default=False)
    last_emailed_on = models.DateField(null=True, blank=True)

    plain_fields: ClassVar[dict[str, str]] = {
        "time_of_day": "Needed by the calendar feed and the email sender, which run without "
        "the person's key. A time says nothing about the person's data.",
        "weekdays": "Which days the reminder repeats; needed without the key, like the time.",
        "timezone": "Turns the time into the person's local time in the feed and emails.",
        "paused": "A paused reminder is left out of the feed and emails, without the key.",
        "by_email": "Whether the email sender, which has no key, should send this reminder.",
        "last_emailed_on": "Keeps the email sender from sending the same reminder twice a day.",
    }

    class Meta:
        ordering = ("time_of_day", "created_at")


class CalendarFeed(models.Model):
    """A person's private calendar address. Only a hash of its secret token is stored."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Not a SealedRecord: the feed is read by a calendar app with no key. It holds no
    # content, only the hash that the token in the address is checked against.
    plain_fields: ClassVar[dict[str, str]] = {
        "token_hash": "SHA-256 of the feed's 256-bit random token; the token itself is "
        "shown once and stored nowhere. It reveals nothing and cannot be turned back.",
    }

    def __str__(self) -> str:  # never the hash
        return f"calendar feed {self.pk}"
