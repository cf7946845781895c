"""Home, quick exit, health check, manifest and friendly error pages."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from cove.core import policy
from cove.core.navigation import nav_items

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
@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})


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


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "core/csrf_failure.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "core/500.html", status=500)
