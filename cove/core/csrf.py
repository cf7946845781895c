"""CSRF checks that work with `Referrer-Policy: no-referrer`.

With that policy, browsers send `Origin: null` and no Referer on same-origin form posts,
which Django's origin and referer checks refuse. Browsers also send `Sec-Fetch-Site`,
which a page cannot set or forge; "same-origin" there proves what Origin would have.
The CSRF token is still required on every unsafe request.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware


def _same_origin_fetch(request: HttpRequest) -> bool:
    return request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"


class CoveCsrfViewMiddleware(CsrfViewMiddleware):
    def _origin_verified(self, request: HttpRequest) -> bool:
        if request.META.get("HTTP_ORIGIN") == "null" and _same_origin_fetch(request):
            return True
        return bool(super()._origin_verified(request))  # type: ignore[misc]

    def _check_referer(self, request: HttpRequest) -> None:
        if _same_origin_fetch(request):
            return
        super()._check_referer(request)  # type: ignore[misc]
