"""Reminders: opt-in, pausable, delivered by a private, discreet calendar feed."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

import pytest
from django.core import mail

from cove.progress import emails
from cove.progress.models import CalendarFeed, Reminder

pytestmark = pytest.mark.django_db


def add(person, **data):
    values = {"what": "journal", "time_of_day": "19:30", "weekdays": ["0", "2", "4"], **data}
    return person.post("/progress/reminders/", values)


def make_feed(person) -> str:
    html = person.post("/progress/calendar/new/").content.decode()
    found = re.search(r'value="(http[^"]+/progress/feed/[^"]+\.ics)"', html)
    assert found, html
    return found.group(1).split("testserver", 1)[1]


def assert_valid_ics(text: str) -> None:
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    depth = []
    for line in lines:
        assert len(line.encode()) <= 75, line
        if line.startswith("BEGIN:"):
            depth.append(line[6:])
        elif line.startswith("END:"):
            assert depth.pop() == line[4:]
    assert not depth
    events = text.split("BEGIN:VEVENT")[1:]
    for event in events:
        for needed in ("UID:", "DTSTAMP:", "DTSTART:", "RRULE:FREQ=WEEKLY;BYDAY=", "SUMMARY:"):
            assert needed in event


def test_no_reminders_until_asked(survivor):
    html = survivor.client.get("/progress/reminders/").content.decode()
    assert "You have no reminders" in html
    assert not Reminder.objects.exists()


def test_adding_pausing_and_removing_a_reminder(survivor):
    assert add(survivor).status_code == 302
    reminder = Reminder.objects.owned_by(survivor.vault()).get()
    assert reminder.what == "journal"
    assert reminder.time_of_day == time(19, 30)
    assert reminder.weekdays == "024"
    html = survivor.client.get("/progress/reminders/").content.decode()
    assert "19:30" in html
    assert "Mon, Wed, Fri" in html
    assert "A few minutes to write" in html
    survivor.post(f"/progress/reminders/{reminder.pk}/pause/", {"paused": "1"})
    reminder.refresh_from_db()
    assert reminder.paused
    survivor.post(f"/progress/reminders/{reminder.pk}/delete/")
    assert not Reminder.objects.exists()


def test_what_a_reminder_is_for_is_sealed(survivor):
    add(survivor, what="practice")
    from django.db import connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT what FROM progress_reminder")
        assert b"practice" not in bytes(cursor.fetchone()[0])


def test_bad_reminder_input_gets_a_message(survivor):
    response = add(survivor, time_of_day="25:99", weekdays=[])
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Reminder.objects.exists()


def test_calendar_feed_is_valid_discreet_and_needs_no_session(survivor, anonymous):
    add(survivor, what="practice")
    add(survivor, what="checkin", time_of_day="08:00", weekdays=list("0123456"))
    path = make_feed(survivor)
    feed = CalendarFeed.objects.get(owner=survivor.user)
    token = path.rsplit("/", 1)[1].removesuffix(".ics")
    assert token not in feed.token_hash
    assert len(token) >= 40
    response = anonymous.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert_valid_ics(text)
    assert text.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:A moment for you" in text
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR" in text
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU" in text
    for word in ("practice", "check", "journal", "river", "Cove"):
        assert word.lower() not in text.lower().replace("prodid:-//cove//", "")


def test_paused_reminders_leave_the_feed(survivor, anonymous):
    add(survivor)
    Reminder.objects.update(paused=True)
    path = make_feed(survivor)
    assert "BEGIN:VEVENT" not in anonymous.get(path).content.decode()


def test_revoked_or_replaced_feed_is_404(survivor, anonymous):
    add(survivor)
    first = make_feed(survivor)
    second = make_feed(survivor)
    assert anonymous.get(first).status_code == 404
    assert anonymous.get(second).status_code == 200
    survivor.post("/progress/calendar/off/")
    assert anonymous.get(second).status_code == 404
    assert anonymous.get("/progress/feed/guess.ics").status_code == 404


def test_feed_address_is_shown_once(survivor):
    make_feed(survivor)
    html = survivor.client.get("/progress/reminders/").content.decode()
    assert "/progress/feed/" not in html
    assert "Make a new address" in html


def test_another_persons_reminder_is_404(survivor, other_survivor):
    add(other_survivor)
    reminder = Reminder.objects.get()
    assert survivor.post(f"/progress/reminders/{reminder.pk}/pause/",
                {"paused": "1"}).status_code == 404
    assert survivor.post(f"/progress/reminders/{reminder.pk}/delete/").status_code == 404
    reminder.refresh_from_db()
    assert not reminder.paused


def test_email_reminders_are_discreet_and_sent_once_a_day(survivor, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    survivor.user.email = "river@example.org"
    survivor.user.save(update_fields=["email"])
    add(survivor, what="practice", time_of_day="07:00", weekdays=["0"], by_email="on",
        timezone="America/New_York")
    reminder = Reminder.objects.get()
    assert reminder.by_email
    assert reminder.timezone == "America/New_York"
    monday_early = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)  # 06:00 on Monday in New York
    assert emails.send_due_emails(monday_early) == 0
    monday = datetime(2026, 11, 23, 12, 30, tzinfo=UTC)  # 07:30 in New York
    assert emails.send_due_emails(monday) == 1
    assert emails.send_due_emails(monday) == 0
    assert mail.outbox[0].subject == "A moment for you"
    assert "practice" not in mail.outbox[0].body


def test_without_email_set_up_the_page_says_so(survivor, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "localhost"
    html = survivor.client.get("/progress/reminders/").content.decode()
    assert "has not set up email" in html
    assert 'name="by_email"' not in html


def test_send_reminders_command_says_when_email_is_not_set_up(settings):
    from io import StringIO

    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "localhost"
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "not set up" in out.getvalue()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "Sent 0" in out.getvalue()
