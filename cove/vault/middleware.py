"""Attach the signed-in person and their unlocked vault (or None) to every request.

`request.person` is the signed-in User (None when signed out) and `request.vault` the
unlocked Vault (None when signed out or locked); see `cove.core.http.CoveRequest`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from cove.vault.session import apply_cookie, keep_area_keys, vault_from_request


class VaultMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        request.person = user if user.is_authenticated else None  # type: ignore[attr-defined]
        request.vault = vault_from_request(request)  # type: ignore[attr-defined]
        response = self.get_response(request)
        keep_area_keys(request)
        apply_cookie(request, response)
        return response
