"""Account pages: thin views over cove.accounts.services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cove.accounts import forms, services
from cove.accounts.models import User
from cove.audit import services as audit
from cove.core import policy
from cove.vault import services as vault_services


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("core:home")


def _me(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@policy.public
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    form = forms.SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.sign_up(
                request, form.cleaned_data["username"], form.cleaned_data["passphrase"]
            )
        except ValidationError as exc:
            form.add_errors(exc.message_dict)
        else:
            return render(
                request, "accounts/recovery_code.html", {"code": result.recovery_code, "new": True}
            )
    return render(request, "accounts/signup.html", {"form": form})


@policy.public
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and request.method == "GET":
        return redirect(_safe_next(request))
    form = forms.SignInForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_in(request, form.cleaned_data["username"], form.cleaned_data["passphrase"])
        except services.SignInRefused as refused:
            form.add_error(None, refused.message)
            status = 429 if refused.wait_seconds else 200
        else:
            return HttpResponseRedirect(_safe_next(request))
    return render(
        request, "accounts/login.html", {"form": form, "next": _safe_next(request)}, status=status
    )


@policy.signed_in_locked
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    services.sign_out(request)
    response = redirect("accounts:login")
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@policy.public
@require_http_methods(["GET", "POST"])
def recover(request: HttpRequest) -> HttpResponse:
    from cove.vault.views import recover_account

    return recover_account(request)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def settings_view(request: HttpRequest) -> HttpResponse:
    user = _me(request)
    sending_email = request.method == "POST" and "email" in request.POST
    form = forms.IdleTimeoutForm(
        request.POST if request.method == "POST" and not sending_email else None,
        initial={"minutes": user.idle_timeout_minutes},
    )
    email_form = forms.EmailForm(request.POST if sending_email else None,
                                 initial={"email": user.email})
    if sending_email and email_form.is_valid():
        services.set_email(user, email_form.cleaned_data["email"])
        messages.success(request, _("Saved."))
        return redirect("accounts:settings")
    if request.method == "POST" and not sending_email and form.is_valid():
        services.set_idle_timeout(user, form.cleaned_data["minutes"])
        messages.success(request, _("Saved."))
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form, "email_form": email_form})


@policy.signed_in_locked
@require_http_methods(["GET", "POST"])
def sessions_view(request: HttpRequest) -> HttpResponse:
    user = _me(request)
    current = request.session.session_key
    if request.method == "POST":
        if request.POST.get("action") == "end_others":
            count = services.end_other_sessions(user, current)
            messages.success(request, _("Other sessions ended: %(count)d.") % {"count": count})
        elif request.POST.get("action") == "end_this":
            services.sign_out(request)
            return redirect("accounts:login")
        else:
            try:
                session_id = int(request.POST.get("session", ""))
            except ValueError:
                session_id = 0
            if services.end_session(user, session_id, current):
                messages.success(request, _("That session has ended."))
        return redirect("accounts:sessions")
    return render(
        request,
        "accounts/sessions.html",
        {"sessions": services.active_sessions(user), "current": current},
    )


@policy.signed_in_locked
def activity(request: HttpRequest) -> HttpResponse:
    events = [
        {"when": event.created_at, "what": audit.label_for(event.kind)}
        for event in audit.events_for(_me(request))[:100]
    ]
    return render(request, "accounts/activity.html", {"events": events})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def change_passphrase(request: HttpRequest) -> HttpResponse:
    user = _me(request)
    form = forms.ChangePassphraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data_key = services.check_passphrase(user, form.cleaned_data["current"])
        errors = services.clean_new_account(user.username, form.cleaned_data["new"])
        if data_key is None:
            form.add_error("current", _("That is not your current passphrase."))
        elif "passphrase" in errors:
            form.add_errors({"new": errors["passphrase"]})
        else:
            from cove.vault.views import apply_new_passphrase

            apply_new_passphrase(request, user, data_key, form.cleaned_data["new"])
            messages.success(request, _("Your passphrase is changed."))
            return redirect("accounts:settings")
    return render(request, "accounts/change_passphrase.html", {"form": form})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def renew_recovery_code(request: HttpRequest) -> HttpResponse:
    user = _me(request)
    form = forms.PassphraseCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data_key = services.check_passphrase(user, form.cleaned_data["passphrase"])
        if data_key is None:
            form.add_error("passphrase", _("That passphrase does not match."))
        else:
            code = vault_services.renew_recovery_code(user, data_key)
            audit.record("security.recovery_code_renewed", subject=user, actor=user)
            return render(request, "accounts/recovery_code.html", {"code": code, "new": False})
    return render(request, "accounts/renew_recovery_code.html", {"form": form})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = _me(request)
    form = forms.DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.check_passphrase(user, form.cleaned_data["passphrase"]) is None:
            form.add_error("passphrase", _("That passphrase does not match."))
        else:
            services.delete_account(request, user)
            response = render(request, "accounts/deleted.html")
            response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
            return response
    return render(request, "accounts/delete.html", {"form": form})
