"""Presence endpoints: the heartbeat, locking from the page, unlocking in the page, and
signing in again without losing a form that was on its way.

The heartbeat and the in-page unlock answer JSON to the page's script
(`cove/core/static/cove/presence.js`); the sign-in-to-continue page is the same flow
without JavaScript. None of them carries or stores anything a person wrote: a carried
form travels only inside the page, as hidden fields, and is sent once, when they choose.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cove.accounts import credentials, forms, presence, services
from cove.accounts.errors import waiting
from cove.core import policy
from cove.core.errors import InputError
from cove.core.forms import submit

# A page sends at most one heartbeat every few seconds; faster ones are refused (429).
MIN_BEAT_SECONDS = 1
OWNER_SALT = "cove.presence.owner"
# Never carried over from an interrupted form: its token, and any passphrase.
NOT_CARRIED = {"csrfmiddlewaretoken", "passphrase", "passphrase_again", "current", "new",
               "new_again"}
CARRY_PREFIX = "carry__"


def owner_token(user_pk: int) -> str:
    """An opaque, stable name for the person a page belongs to (the same in every tab), so
    an in-page sign-in as someone else never brings the first person's words back."""
    return salted_hmac(OWNER_SALT, str(user_pk), algorithm="sha256").hexdigest()[:32]


def state(request: HttpRequest) -> dict[str, Any]:
    """Where this session stands, with no content: open (and for how long), locked, signed out."""
    if not request.user.is_authenticated:
        return {"state": "signed_out"}
    if presence.is_locked(request) or getattr(request, "vault", None) is None:
        return {"state": "locked"}
    limit = presence.idle_limit_seconds(request.user)
    return {"state": "open", "seconds_left": round(presence.seconds_left(request), 1),
            "warn_seconds": round(presence.warning_seconds(limit), 1),
            "limit_seconds": round(limit, 1)}


def _too_soon(request: HttpRequest) -> bool:
    key = request.session.session_key or request.META.get("REMOTE_ADDR", "")
    slot = "presence-beat:" + hashlib.sha256(key.encode()).hexdigest()[:32]
    return not cache.add(slot, 1, timeout=MIN_BEAT_SECONDS)


@policy.public
@never_cache
@require_POST
def heartbeat(request: HttpRequest) -> HttpResponse:
    """The page is in use (typing, reading, a practice): the middleware counted this request."""
    if _too_soon(request):
        response = JsonResponse({"detail": _("Please wait a moment.")}, status=429)
        response["Retry-After"] = str(MIN_BEAT_SECONDS)
        return response
    return JsonResponse(state(request))


@policy.signed_in_locked
@never_cache
@require_POST
def lock_now(request: HttpRequest) -> HttpResponse:
    """The page reached the idle limit on its own clock: lock here too, at once."""
    presence.lock(request)
    return JsonResponse({"state": "locked"})


@policy.public
@transaction.non_atomic_requests  # the passphrase check runs before any transaction
@never_cache
@require_POST
def unlock_in_page(request: HttpRequest) -> HttpResponse:
    """Open a page locked in place: the passphrase, or (when signed out) username and passphrase.

    A refusal is an answer like any other for the page's script (200 with an `error`),
    so a mistyped passphrase is not reported as a failed request in the browser.
    """
    signed_in = request.user.is_authenticated
    form: forms.PassphraseCheckForm | forms.SignInForm = (
        forms.PassphraseCheckForm(request.POST) if signed_in else forms.SignInForm(request.POST)
    )
    if not form.is_valid():
        missing = _("Please enter your passphrase.") if signed_in else _(
            "Please enter your username and passphrase.")
        return JsonResponse({**state(request), "error": missing})
    try:
        if signed_in:
            credentials.unlock(request, form.cleaned_data["passphrase"])
        else:
            services.sign_in(request, form.cleaned_data["username"],
                             form.cleaned_data["passphrase"])
    except InputError as refused:  # a wrong passphrase, or a wait (cove.accounts.errors)
        return JsonResponse({**state(request), "error": refused.first_message,
                             "wait_seconds": getattr(refused, "seconds", 0)})
    owner = request.POST.get("owner", "")
    if owner and not constant_time_compare(owner, owner_token(int(request.user.pk or 0))):
        # Someone else signed in on this page: it must not show the other person's words.
        return JsonResponse({"state": "other_person"})
    presence.opened(request)
    return JsonResponse({**state(request), "csrf": get_token(request)})


# Pages that already carry a form in `carry__` fields, with its target in `next`.
CARRYING_VIEWS = {"presence:continue", "vault:unlock"}


def _interrupted(request: HttpRequest) -> bool:
    """True for the form that was on its way; False for pages that already carry one."""
    match = request.resolver_match
    return match is None or match.view_name not in CARRYING_VIEWS


def carried_fields(request: HttpRequest) -> list[tuple[str, str]]:
    """What the interrupted form was sending, or (on this flow's own page) what it carries on."""
    source = request.POST
    if _interrupted(request):
        return [(key, value) for key in source if key not in NOT_CARRIED
                for value in source.getlist(key)]
    return [(key[len(CARRY_PREFIX):], value) for key in source if key.startswith(CARRY_PREFIX)
            for value in source.getlist(key)]


def _safe_target(target: str) -> str:
    return target if target.startswith("/") and not target.startswith("//") else "/"


def sign_in_to_continue_page(request: HttpRequest, form: forms.SignInForm | None = None,
                             status: int = 200) -> HttpResponse:
    """Ask to sign in again, keeping what the person was sending inside the page itself."""
    target = request.get_full_path() if _interrupted(request) else request.POST.get("next", "/")
    return render(request, "accounts/presence/sign_in_to_continue.html", {
        "form": form or forms.SignInForm(),
        "next": _safe_target(target),
        "carried": carried_fields(request),
    }, status=status)


@policy.public
@transaction.non_atomic_requests  # the passphrase check runs before any transaction
@never_cache
@require_POST
def continue_after_sign_in(request: HttpRequest) -> HttpResponse:
    """Sign in from the sign-in-to-continue page, then offer to send the carried form."""
    form = forms.SignInForm(request.POST)
    if not form.is_valid():
        return sign_in_to_continue_page(request, form, status=400)
    if submit(form, lambda data: services.sign_in(request, data["username"],
                                                  data["passphrase"])) is None:
        return waiting(sign_in_to_continue_page(request, form, status=400), form)
    carried = carried_fields(request)
    target = _safe_target(request.POST.get("next", "/"))
    if not carried:
        return redirect(target)
    return render(request, "vault/continue.html", {"carried": carried, "next": target})
