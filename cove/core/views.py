"""Home, quick exit, health check, manifest and friendly error pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from cove.audit import services as audit
from cove.core import policy
from cove.core.navigation import nav_items

CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


@policy.public
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return render(request, "core/home.html", {"items": nav_items()})
    return render(request, "core/welcome.html")


@policy.public
@require_POST
def quick_exit(request: HttpRequest) -> HttpResponse:
    """End the session now, clear what the browser kept, and go somewhere neutral."""
    if request.user.is_authenticated:
        audit.record("auth.quick_exit", subject=request.user, actor=request.user)
        from cove.accounts.services import end_current_session

        end_current_session(request)
        logout(request)
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
