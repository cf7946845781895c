"""Headers every response carries, and the fail-closed check that each view has a policy."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from cove.core.policy import policy_of

logger = logging.getLogger(__name__)

# Paths served by other layers (WhiteNoise, Django's own error handling) need no policy.
EXEMPT_PREFIXES = ("/static/",)


class PrivacyHeadersMiddleware:
    """Keep signed-in pages out of caches and every page out of other sites' reach."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated or request.path.startswith("/api/"):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, private"
        elif "Cache-Control" not in response:
            response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ["Cookie"])
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), "
                            "interest-cohort=(), browsing-topics=()")
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Referrer-Policy", "no-referrer")
        return response


# API operations that take a file: their multipart body streams through the upload handler
# (cove.voice.uploads: in memory, up to its own limit) instead of being read whole here.
STREAMING_UPLOADS = frozenset({"/api/v1/voice/notes"})


class ApiBodyMiddleware:
    """Read an API request's body before anything parses it as a form.

    The CSRF check looks for a form token in POST data; reading a form body that way
    consumes the stream, and django-ninja could then not read the body at all. Read
    once here (Django caches it; its size limit still applies) and both work.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (request.path.startswith("/api/") and request.method not in {"GET", "HEAD", "OPTIONS"}
                and request.path not in STREAMING_UPLOADS):
            try:
                _ = request.body
            except RequestDataTooBig:
                return JsonResponse({"detail": "That request is too large."}, status=413)
        return self.get_response(request)


class AccessPolicyMiddleware:
    """Refuse any view that does not declare who may use it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        if request.path.startswith(EXEMPT_PREFIXES):
            return None
        if policy_of(view_func) is None and not _is_api_view(view_func):
            logger.error("view without an access policy refused: %s", request.path)
            raise Http404
        return None


def _is_api_view(view_func: Any) -> bool:
    # django-ninja routes every operation of a path through one wrapper view; each
    # operation carries its own policy, checked by cove.api at start-up and by the tests.
    return getattr(view_func, "__module__", "") == "ninja.operation"
