"""Server-side idle timeout and absolute session lifetime."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.accounts.models import UserSession
from cove.accounts.services import SESSION_SEEN, session_expired

# Write "last seen" at most this often; the idle timeout is then exact to within it.
SEEN_WRITE_SECONDS = 30


class SessionGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            if session_expired(request, settings.COVE_SESSION_MAX_HOURS):
                key = request.session.session_key
                if key:
                    UserSession.objects.filter(session_key=key).delete()
                logout(request)
                messages.info(request, _("You were signed out after a quiet while, to keep "
                                         "your things private. Please sign in again."))
            else:
                self._touch(request)
        return self.get_response(request)

    def _touch(self, request: HttpRequest) -> None:
        now = timezone.now()
        seen = datetime.fromisoformat(request.session[SESSION_SEEN])
        if (now - seen).total_seconds() >= SEEN_WRITE_SECONDS:
            request.session[SESSION_SEEN] = now.isoformat()
            if request.session.session_key:
                UserSession.objects.filter(session_key=request.session.session_key).update(
                    last_seen_at=now
                )
