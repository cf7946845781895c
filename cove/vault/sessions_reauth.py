"""A short window after the passphrase is re-entered, for export, deletion and sharing."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.http import HttpRequest
from django.utils import timezone

REAUTH_FIELD = "cove_reauth_at"
REAUTH_WINDOW = timedelta(minutes=5)


def mark_reauthenticated(request: HttpRequest) -> None:
    request.session[REAUTH_FIELD] = timezone.now().isoformat()


def recently_reauthenticated(request: HttpRequest) -> bool:
    stamp = request.session.get(REAUTH_FIELD)
    if not stamp:
        return False
    return timezone.now() - datetime.fromisoformat(stamp) <= REAUTH_WINDOW
