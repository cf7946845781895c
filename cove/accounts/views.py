"""Account pages: thin views over cove.accounts.services and cove.accounts.credentials.

Views that check a passphrase are `non_atomic_requests`: Argon2id runs first, outside any
transaction, and the services open one around their writes (cove.core.transactions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cove.accounts import credentials, forms, services
from cove.accounts.errors import waiting
from cove.audit import services as audit
from cove.core import policy
from cove.core.forms import submit
from cove.core.http import CoveRequest, LockedRequest

CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("core:home")


def _done(action: Callable[[dict[str, Any]], object]) -> Callable[[dict[str, Any]], bool]:
    """For submit(): an action that returns nothing has succeeded when it did not raise."""

    def run(data: dict[str, Any]) -> bool:
        action(data)
        return True

    return run


def calendar_url(request: HttpRequest, token: str | None) -> str | None:
    return request.build_absolute_uri(reverse("progress:feed", args=[token])) if token else None


@policy.public
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    form = forms.SignUpForm(request.POST or None)
    if request.method == "POST":
        result = submit(form, lambda data: services.sign_up(request, data["username"],
                                                            data["passphrase"]))
        if result is not None:
            return render(request, "accounts/recovery_code.html",
                          {"code": result.recovery_code, "new": True})
    return waiting(render(request, "accounts/signup.html", {"form": form}), form)


@policy.public
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and request.method == "GET":
        return redirect(_safe_next(request))
    form = forms.SignInForm(request.POST or None)
    if request.method == "POST" and submit(form, _done(
        lambda data: services.sign_in(request, data["username"], data["passphrase"])
    )):
        return HttpResponseRedirect(_safe_next(request))
    return waiting(render(request, "accounts/login.html",
                          {"form": form, "next": _safe_next(request)}), form)


@policy.signed_in_locked
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    services.sign_out(request)
    response = redirect("accounts:login")
    # Not "cookies": the session cookies are deleted one by one, and this browser keeps its
    # device token, so other people's guesses never slow down the owner's next sign-in.
    # Leave quickly clears every cookie, that one too (docs/security.md).
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@policy.public
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def recover(request: HttpRequest) -> HttpResponse:
    form = forms.RecoverForm(request.POST or None)
    if request.method == "POST":
        code = submit(form, lambda data: credentials.recover(
            request, data["username"], data["recovery_code"], data["new"]))
        if code is not None:
            return render(request, "accounts/recovery_code.html",
                          {"code": code, "new": False, "recovered": True})
    return waiting(render(request, "vault/recover.html", {"form": form}), form)


@policy.signed_in_locked
@transaction.non_atomic_requests
@require_POST
def unlock(request: LockedRequest) -> HttpResponse:
    from cove.accounts.unlock import carried_fields, unlock_page

    form = forms.PassphraseCheckForm(request.POST)
    if submit(form, _done(lambda data: credentials.unlock(request, data["passphrase"]))):
        target = request.POST.get("next") or "/"
        if not target.startswith("/") or target.startswith("//"):
            target = "/"
        carried = carried_fields(request)
        if carried and request.POST.get("carried_method") == "POST":
            return render(request, "vault/continue.html", {"carried": carried, "next": target})
        return redirect(target)
    return waiting(unlock_page(request, form), form)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def settings_view(request: CoveRequest) -> HttpResponse:
    user = request.person
    sending_email = request.method == "POST" and "email" in request.POST
    form = forms.IdleTimeoutForm(
        request.POST if request.method == "POST" and not sending_email else None,
        initial={"minutes": user.idle_timeout_minutes},
    )
    email_form = forms.EmailForm(request.POST if sending_email else None,
                                 initial={"email": user.email})
    if sending_email and submit(email_form, _done(
        lambda d: services.set_email(user, d["email"])
    )):
        messages.success(request, _("Saved."))
        return redirect("accounts:settings")
    if request.method == "POST" and not sending_email and submit(
        form, _done(lambda d: services.set_idle_timeout(user, d["minutes"]))
    ):
        messages.success(request, _("Saved."))
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form, "email_form": email_form})


@policy.signed_in_locked
@require_http_methods(["GET", "POST"])
def sessions_view(request: LockedRequest) -> HttpResponse:
    user = request.person
    current = request.session.session_key
    if request.method == "POST":
        if request.POST.get("action") == "end_others":
            count = services.end_other_sessions(user, current)
            messages.success(request, _("Other sessions ended: %(count)d.") % {"count": count})
        elif request.POST.get("action") == "end_this":
            services.sign_out(request)
            return redirect("accounts:login")
        else:
            raw = request.POST.get("session", "")
            session_id = int(raw) if raw.isdigit() and len(raw) < 19 else 0
            if services.end_session(user, session_id, current):
                messages.success(request, _("That session has ended."))
        return redirect("accounts:sessions")
    return render(
        request,
        "accounts/sessions.html",
        {"sessions": services.active_sessions(user), "current": current},
    )


@policy.signed_in_locked
def activity(request: LockedRequest) -> HttpResponse:
    events = [
        {"when": event.created_at, "what": audit.label_for(event.kind)}
        for event in audit.events_for(request.person)[:100]
    ]
    return render(request, "accounts/activity.html", {"events": events})


@policy.signed_in
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def change_passphrase(request: CoveRequest) -> HttpResponse:
    form = forms.ChangePassphraseForm(request.POST or None)
    if request.method == "POST":
        done = submit(form, lambda data: credentials.change_passphrase(
            request, data["current"], data["new"]))
        if done is not None:
            if done.calendar_token:
                return render(request, "accounts/passphrase_changed.html",
                              {"calendar_url": calendar_url(request, done.calendar_token)})
            messages.success(request, _("Your passphrase is changed."))
            return redirect("accounts:settings")
    return waiting(render(request, "accounts/change_passphrase.html", {"form": form}), form)


@policy.signed_in
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def renew_recovery_code(request: CoveRequest) -> HttpResponse:
    form = forms.PassphraseCheckForm(request.POST or None)
    if request.method == "POST":
        code = submit(form, lambda data: credentials.renew_recovery_code(request,
                                                                         data["passphrase"]))
        if code is not None:
            return render(request, "accounts/recovery_code.html", {"code": code, "new": False})
    return waiting(render(request, "accounts/renew_recovery_code.html", {"form": form}), form)


@policy.signed_in
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def emergency_reset(request: CoveRequest) -> HttpResponse:
    form = forms.PassphraseCheckForm(request.POST or None)
    if request.method == "POST":
        done = submit(form, lambda data: credentials.emergency_reset(request, data["passphrase"]))
        if done is not None:
            return render(request, "accounts/recovery_code.html", {
                "code": done.recovery_code, "new": False, "reset": True,
                "calendar_url": calendar_url(request, done.calendar_token)})
    return waiting(render(request, "vault/emergency_reset.html", {"form": form}), form)


@policy.signed_in
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def delete_account(request: CoveRequest) -> HttpResponse:
    form = forms.DeleteAccountForm(request.POST or None)
    if request.method == "POST" and submit(
        form, _done(lambda data: credentials.delete_account(request, data["passphrase"]))
    ):
        response = render(request, "accounts/deleted.html")
        response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response
    return waiting(render(request, "accounts/delete.html", {"form": form}), form)


@policy.signed_in
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def export(request: CoveRequest) -> HttpResponse:
    from django.utils import timezone

    from cove.vault.export import as_json_text

    form = forms.PassphraseCheckForm(request.POST or None)
    if request.method == "POST" and submit(
        form, _done(lambda data: credentials.reauthenticate(request, data["passphrase"]))
    ):
        if request.POST.get("format") == "html":
            return render(request, "vault/export_readable.html",
                          {"sections": credentials.export_document(request, "html"),
                           "exported_at": timezone.now()})
        body = as_json_text(credentials.export_document(request))
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        stamp = timezone.now().strftime("%Y-%m-%d")
        response["Content-Disposition"] = f'attachment; filename="notes-{stamp}.json"'
        return response
    return waiting(render(request, "vault/export.html", {"form": form}), form)
