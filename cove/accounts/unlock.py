"""The page that asks a signed-in person for their passphrase when their vault is locked.

Kept apart from the views so the access policy (cove.core.policy) can show it without
importing any view module: whatever the person was sending rides along in the page
itself, never on the server, and is sent on once the vault is open again.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from cove.accounts.forms import PassphraseCheckForm

# Fields never carried over from an interrupted form.
_NOT_CARRIED = {"csrfmiddlewaretoken", "passphrase", "next", "carried_method"}


def carried_fields(request: HttpRequest) -> list[tuple[str, str]]:
    """What an unlock form carries on: `carry__name` fields, in their order."""
    return [(key[len("carry__"):], value) for key in request.POST if key.startswith("carry__")
            for value in request.POST.getlist(key)]


def unlock_page(request: HttpRequest, form: PassphraseCheckForm | None = None,
                status: int = 200) -> HttpResponse:
    """Ask for the passphrase again, keeping what the person was sending in the page itself."""
    unlock_path = reverse("vault:unlock")
    at_unlock = request.path == unlock_path
    carried: list[tuple[str, str]] = []
    if request.method == "POST" and not at_unlock:
        carried = [(k, v) for k in request.POST for v in request.POST.getlist(k)
                   if k not in _NOT_CARRIED]
    elif request.method == "POST":
        carried = carried_fields(request)
    next_url = request.POST.get("next") if at_unlock else request.get_full_path()
    return render(
        request,
        "vault/unlock.html",
        {
            "form": form or PassphraseCheckForm(),
            "next": next_url or "/",
            "carried": carried,
            "carried_method": request.POST.get("carried_method", request.method)
            if at_unlock else request.method,
        },
        status=status,
    )
