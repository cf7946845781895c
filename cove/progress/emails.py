"""Reminder emails: a discreet "A moment for you" when a reminder's time comes (no vault).

Split from cove.progress.services, which keeps the reminders themselves.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from cove.progress.models import Reminder

# What a reminder says wherever it can be seen (an email subject, a calendar entry).
DISCREET_TEXT = "A moment for you"


def email_possible() -> bool:
    """Whether the operator set up email. Django's default (SMTP to localhost) counts as not."""
    backend = getattr(settings, "EMAIL_BACKEND", "")
    if backend != "django.core.mail.backends.smtp.EmailBackend":
        return bool(backend)
    return getattr(settings, "EMAIL_HOST", "localhost") not in ("", "localhost")


def due_email_reminders(now: datetime | None = None) -> list[Reminder]:
    """Reminders whose time has come today and that were not emailed yet today (no vault)."""
    now = now or timezone.now()
    due = []
    candidates = Reminder.objects.filter(by_email=True, paused=False)
    for reminder in candidates.only("id", "owner_id", "created_at", "time_of_day", "weekdays",
                                    "timezone", "last_emailed_on"):
        local = timezone.localtime(now, _zone(reminder.timezone))
        if str(local.weekday()) not in reminder.weekdays:
            continue
        if local.time() < reminder.time_of_day or reminder.last_emailed_on == local.date():
            continue
        due.append(reminder)
    return due


def _zone(name: str) -> Any:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def send_due_emails(now: datetime | None = None) -> int:
    """Send each due reminder as a discreet email; returns how many were sent."""
    from django.core.mail import send_mail

    from cove.accounts.models import User

    sent = 0
    for reminder in due_email_reminders(now):
        user = User.objects.filter(pk=reminder.owner_id, is_active=True).only("email").first()
        local_day = timezone.localtime(now or timezone.now(), _zone(reminder.timezone)).date()
        if user is None or not user.email:
            continue
        send_mail(DISCREET_TEXT, _EMAIL_BODY, None, [user.email], fail_silently=True)
        Reminder.objects.filter(pk=reminder.pk).update(last_emailed_on=local_day)
        sent += 1
    return sent


_EMAIL_BODY = "A moment for you.\n\nYou asked for this note. You can change or pause it any time.\n"
