"""Home, quick exit, health checks, manifest and friendly error pages."""

from __future__ import annotations

import sys

from django.conf import settings
from django.db import DatabaseError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from cove.core import health, policy
from cove.core.navigation import nav_items
from cove.help.public import crisis_help
from cove.vault.keystore import KeystoreUnavailable

CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


@policy.public
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return render(request, "core/home.html", {"items": nav_items()})
    return render(request, "core/welcome.html")


def _sent_from_this_site(request: HttpRequest) -> bool | None:
    """What the browser says about where a request came from; None when it says nothing.

    `Sec-Fetch-Site` is set by the browser and cannot be set by a page; `Origin` is the
    fallback for browsers without it (`null` says nothing, see cove/core/csrf.py).
    """
    site = request.META.get("HTTP_SEC_FETCH_SITE")
    if site:
        return site == "same-origin"
    origin = request.META.get("HTTP_ORIGIN")
    if origin and origin != "null":
        return origin == f"{request.scheme}://{request.get_host()}" or (
            origin in settings.CSRF_TRUSTED_ORIGINS)
    return None


def _csrf_token_valid(request: HttpRequest) -> bool:
    from cove.core.csrf import CoveCsrfViewMiddleware

    refusal = CoveCsrfViewMiddleware(lambda r: HttpResponse()).process_view(
        request, lambda r: HttpResponse(), (), {})
    return refusal is None


@policy.public
@csrf_exempt  # checked below instead: a tab opened before the current sign-in has an old token
@require_POST
def quick_exit(request: HttpRequest) -> HttpResponse:
    """End the session now, clear what the browser kept, and go somewhere neutral.

    Works from any tab of this site, whatever its CSRF token, because the browser itself
    vouches that the request comes from this site; another site gets 403 and changes
    nothing (docs/security.md, "Leaving quickly").
    """
    same_site = _sent_from_this_site(request)
    if same_site is False or (same_site is None and not _csrf_token_valid(request)):
        return csrf_failure(request)
    from cove.accounts.presence import leave_quickly

    leave_quickly(request)
    response = render(request, "core/leaving.html", {"target": settings.COVE_QUICK_EXIT_URL})
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    response["Cache-Control"] = "no-store"
    return response


@policy.public
@transaction.non_atomic_requests  # the write check commits on its own
@require_GET
@never_cache
def readiness(request: HttpRequest) -> HttpResponse:
    """Ready to serve people: database, migrations, a write, disk room and the keystore."""
    ready, checks = health.readiness()
    response = JsonResponse({"status": "ok" if ready else "unavailable", "checks": checks},
                            status=200 if ready else 503)
    if not ready:
        response["Retry-After"] = "30"
    return response


@policy.public
@transaction.non_atomic_requests
@require_GET
@never_cache
def liveness(request: HttpRequest) -> HttpResponse:
    """The process answers; it touches nothing else, so a database outage never restarts it."""
    return JsonResponse({"status": "alive"})


@policy.public
@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    data = {
        "name": settings.COVE_DISCREET_NAME,
        "short_name": settings.COVE_DISCREET_NAME,
        "start_url": "/",
        "display": "standalone",
        "background_color": "#f6f4f0",
        "theme_color": "#3d6b73",
        "icons": [{"src": "/static/cove/icon.svg", "sizes": "any", "type": "image/svg+xml"}],
    }
    return JsonResponse(data, content_type="application/manifest+json")


# Error pages must render while the database or the keystore is down, so they never touch
# either: no session, no user, no context processors. They keep "Leave quickly" and the
# crisis lines, because a hard moment does not wait for a server to recover.

def _error(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message}, status=status)
    else:
        context = {
            "name": settings.COVE_DISCREET_NAME,
            "exit_url": settings.COVE_QUICK_EXIT_URL,
            "secure": request.is_secure(),  # the same form as cove/base.html's
            "csrf_token": get_token(request),
            "nonce": getattr(request, "csp_nonce", ""),
            "title": title,
            "message": message,
            "crisis": crisis_help(request),  # from a data file: no database needed
        }
        body = loader.get_template("core/error.html").render(context)
        response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    if status == 503:
        response["Retry-After"] = "30"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400, _("We could not read that"),
                  _("Something in that request could not be used. Please go back and try again."))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, _("This is not open here"),
                  _("You cannot open this page. If you think you should, sign in and try again."))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error(request, 403, _("That did not go through"),
                  _("The page was open for a while, so it needs a fresh start. Please go back, "
                    "reload the page and send it again. If you had typed something, copy it "
                    "first so it is not lost."))


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, _("We could not find that page"),
                  _("It may have moved, or it may not be yours to see."))


def server_error(request: HttpRequest) -> HttpResponse:
    cause = sys.exc_info()[1]
    if isinstance(cause, DatabaseError | KeystoreUnavailable):
        return _error(request, 503, _("We cannot open this right now"),
                      _("We cannot reach where your things are kept right now. What you saved "
                        "before is safe. Please try again in a few minutes."))
    return _error(request, 500, _("Something went wrong on our side"),
                  _("Nothing you saved before this is lost. Please try again in a moment."))
