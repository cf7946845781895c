"""Attach the signed-in person and their unlocked vault (or None) to every request.

`request.person` is the signed-in User (None when signed out) and `request.vault` the
unlocked Vault (None when signed out or locked); see `cove.core.http.CoveRequest`.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse

from cove.vault.keyring import KeysReplaced
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

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """A page whose keys were replaced mid-request (an emergency reset elsewhere)."""
        if isinstance(exception, KeysReplaced):
            return keys_replaced_response(request)
        return None


def keys_replaced_response(request: HttpRequest) -> HttpResponse:
    """The person's keys were replaced (an emergency reset in another session) while this
    request ran: nothing was saved with the old keys. This session cannot open anything
    any more, so it ends and the person signs in again (401 for the API)."""
    from django.contrib.auth import logout

    logout(request)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Please sign in again."}, status=401)
    return HttpResponseRedirect(reverse("accounts:login") + "?"
                                + urlencode({"next": request.get_full_path()}))
