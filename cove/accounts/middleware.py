"""Idle lock, absolute session lifetime, and never losing a form to either.

Before each view: a session past its absolute lifetime is signed out; one idle past its
limit is locked (cove.accounts.presence). While a session is locked only unlocking and
signing out work; every other page asks for the passphrase and carries what was sent.
A form sent by someone who is no longer signed in (the lifetime ran out, or the passphrase
was changed in another session) gets a sign-in page that carries the form, never a
redirect that drops it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from cove.accounts import presence
from cove.core.policy import Policy, policy_of

# Views that still work while a session is locked.
OPEN_WHILE_LOCKED = {"vault:unlock", "accounts:logout", "core:quick_exit"}
OPEN_WHILE_LOCKED_NAMESPACES = {"presence"}
API_OPEN_WHILE_LOCKED = ("/api/v1/auth/login", "/api/v1/auth/logout", "/api/v1/auth/csrf",
                         "/api/v1/auth/me")
# Set by "Leave quickly" in the page before it navigates away (cove/quick-exit.js): the
# next request from this browser ends the session even if the exit beacon never arrived.
# Under TLS the __Host- prefix keeps other subdomains from setting it.
LEFT_COOKIES = ("cove_left", "__Host-cove_left")
# Policies whose forms carry a person's words: a signed-out POST to them is carried through
# sign-in. (Signing out, the sessions page and the like have nothing worth carrying.)
CARRIED_POLICIES = {Policy.SIGNED_IN, Policy.GRANTEE, Policy.CLINICIAN}


class SessionGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        left = [name for name in LEFT_COOKIES if name in request.COOKIES]
        if left:
            presence.leave_quickly(request)
        if request.user.is_authenticated:
            presence.guard(request)
            if not request.user.is_authenticated and request.method == "GET":
                messages.info(request, _("You were signed out because this session was open "
                                         "for a long time. Please sign in again."))
        response = self.get_response(request)
        if getattr(request, "_cove_vault_cookie", None) and request.user.is_authenticated:
            presence.opened(request)
        for name in left:
            response.delete_cookie(name, path="/", samesite="Lax")
        return response

    def process_view(self, request: HttpRequest, view_func: Any, view_args: Any,
                     view_kwargs: Any) -> HttpResponse | None:
        if request.user.is_authenticated:
            if presence.is_locked(request) and not _open_while_locked(request, view_func):
                return _ask_for_the_passphrase(request)
            return None
        match = request.resolver_match
        unlocking = match is not None and match.view_name == "vault:unlock"
        if (request.method == "POST" and not request.path.startswith("/api/")
                and not getattr(request, "htmx", False)
                and (policy_of(view_func) in CARRIED_POLICIES or unlocking)):
            from cove.accounts.presence_views import sign_in_to_continue_page

            return sign_in_to_continue_page(request)
        return None


def _open_while_locked(request: HttpRequest, view_func: Any) -> bool:
    if request.path.startswith("/api/"):
        return request.path.rstrip("/") in API_OPEN_WHILE_LOCKED
    match = request.resolver_match
    if match is None or policy_of(view_func) == Policy.PUBLIC:
        return True
    return match.view_name in OPEN_WHILE_LOCKED or match.namespace in OPEN_WHILE_LOCKED_NAMESPACES


def _ask_for_the_passphrase(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": "Your data is locked. Please enter your passphrase again."}, status=423
        )
    if getattr(request, "htmx", False):
        # A fragment cannot show a whole page: reload it, and the reload asks.
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    from cove.accounts.unlock import unlock_page

    return unlock_page(request)
