"""Send the email reminders whose time has come. Run it every few minutes (cron, a timer)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cove.progress import emails


class Command(BaseCommand):
    help = "Send due email reminders (each says only “A moment for you”)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not emails.email_possible():
            self.stdout.write("Email is not set up (EMAIL_BACKEND / EMAIL_HOST); nothing sent.")
            return
        sent = emails.send_due_emails()
        self.stdout.write(f"Sent {sent} reminder email(s).")
