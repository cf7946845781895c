"""Reminders and the calendar feed. Views and the API call these."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.core.errors import InputError
from cove.progress.choices import ReminderWhat, Weekday
from cove.progress.emails import DISCREET_TEXT, email_possible
from cove.progress.forms import time_zones
from cove.progress.models import CalendarFeed, Reminder
from cove.vault.records import get_owned_for_update

if TYPE_CHECKING:
    from cove.accounts.models import User
    from cove.vault.keyring import Vault


MAX_REMINDERS = 100


def reminders_of(vault: Vault) -> list[Reminder]:
    """The person's reminders by time of day (at most MAX_REMINDERS)."""
    return list(Reminder.objects.owned_by(vault).order_by("time_of_day", "created_at")
                [:MAX_REMINDERS])


def add_reminder(vault: Vault, what: str, time_of_day: time, weekdays: Iterable[int | str],
                 by_email: bool = False, zone: str | None = None) -> Reminder:
    """Add a reminder; `weekdays` are 0 (Monday) to 6 (Sunday), as numbers or digits."""
    if what not in ReminderWhat.values:
        raise InputError({"what": [_("Please choose what the reminder is for.")]})
    try:
        days = {int(day) for day in weekdays}
    except (TypeError, ValueError):
        days = {-1}
    if not days or not days <= set(Weekday.values):
        raise InputError({"weekdays": [_("Please choose days from Monday to Sunday.")]})
    if by_email and not email_possible():
        raise InputError({"by_email": [_("Email is not set up on this server.")]})
    if zone is not None and zone not in time_zones():
        raise InputError({"timezone": [_("Please choose a known time zone, such as "
                                         "Europe/Berlin.")]})
    reminder = Reminder(owner=vault.user, what=str(what),
                        time_of_day=time_of_day.replace(second=0, microsecond=0, tzinfo=None),
                        weekdays="".join(str(day) for day in sorted(days)), by_email=by_email,
                        timezone=zone or settings.TIME_ZONE).bind(vault)
    reminder.save()
    return reminder


@transaction.atomic  # the row lock needs a transaction, whoever calls
def set_paused(vault: Vault, reminder_id: Any, paused: bool, *,
               version: int | None = None) -> Reminder:
    """Pause a reminder or turn it back on, on a locked, current row."""
    reminder = get_owned_for_update(Reminder, vault, reminder_id, version=version,
                                    yours={"paused": paused})
    reminder.paused = paused
    reminder.save(update_fields=["paused"])
    return reminder


def remove_reminder(reminder: Reminder) -> None:
    reminder.delete()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_feed_token(user: User) -> str:
    """Make (or replace) the person's calendar address; returns the token, shown once."""
    token = secrets.token_urlsafe(32)  # 256 bits
    with transaction.atomic():
        CalendarFeed.objects.filter(owner=user).delete()
        CalendarFeed.objects.create(owner=user, token_hash=_hash(token))
    return token


def replace_feed_token(user: User, **_signal: Any) -> dict[str, str]:
    """After a passphrase change or emergency reset: the old calendar address stops working.

    A person who had one gets a new one, shown once on the page that follows.
    """
    if not has_feed(user):
        return {}
    return {"calendar_token": new_feed_token(user)}


def revoke_feed(user: User) -> None:
    CalendarFeed.objects.filter(owner=user).delete()


def has_feed(user: User) -> bool:
    return CalendarFeed.objects.filter(owner=user).exists()


def feed_owner(token: str) -> int | None:
    if not token or len(token) > 100:
        return None
    feed = CalendarFeed.objects.filter(token_hash=_hash(token)).only("owner_id").first()
    return feed.owner_id if feed else None


# The only words a reminder ever shows, in the feed and in emails.
_ICS_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def calendar_text(owner_id: int, host: str) -> str:
    """An iCalendar (RFC 5545) document of the person's active reminders; no content.

    Times are "floating" (no time zone), so a reminder at 19:00 comes at 19:00 wherever
    the person's device is, and no VTIMEZONE data is needed.
    """
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cove//Reminders//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{DISCREET_TEXT}"]
    reminders = Reminder.objects.filter(owner_id=owner_id, paused=False).only(
        "id", "owner_id", "created_at", "time_of_day", "weekdays")
    for reminder in reminders:
        days = [_ICS_DAYS[int(d)] for d in reminder.weekdays if d.isdigit() and int(d) < 7]
        if not days:
            continue
        start = reminder.created_at.date()
        dtstart = datetime.combine(start, reminder.time_of_day).strftime("%Y%m%dT%H%M%S")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{reminder.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{dtstart}",
            "DURATION:PT10M",
            f"RRULE:FREQ=WEEKLY;BYDAY={','.join(days)}",
            f"SUMMARY:{DISCREET_TEXT}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
