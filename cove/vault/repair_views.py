"""The repair page: records that no longer open, and a way to remove them."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cove.core import policy
from cove.core.http import CoveRequest
from cove.vault import repair


@policy.signed_in
@require_GET
def unreadable(request: CoveRequest) -> HttpResponse:
    items = repair.unreadable_items(request.vault)
    return render(request, "vault/repair.html", {"items": items})


@policy.signed_in
@require_POST
def remove(request: CoveRequest) -> HttpResponse:
    repair.remove_unreadable(request.vault, request.POST.get("kind", ""),
                             request.POST.get("id", ""))
    messages.success(request, _("It is removed."))
    return redirect("vault_repair:unreadable")
