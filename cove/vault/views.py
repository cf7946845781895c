"""Unlocking, recovery, export and the emergency reset."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cove.accounts import forms as account_forms
from cove.accounts import services as accounts
from cove.accounts import throttle
from cove.accounts.models import User
from cove.audit import services as audit
from cove.core import policy
from cove.vault import services
from cove.vault.export import build_export, readable_sections
from cove.vault.session import open_vault_session
from cove.vault.sessions_reauth import mark_reauthenticated

# Fields never carried over from an interrupted form.
_NOT_CARRIED = {"csrfmiddlewaretoken", "passphrase", "next", "carried_method"}


def unlock_page(request: HttpRequest, form: account_forms.PassphraseCheckForm | None = None,
                status: int = 200) -> HttpResponse:
    """Ask for the passphrase again, keeping what the person was sending in the page itself."""
    carried: list[tuple[str, str]] = []
    source = request.POST if request.method == "POST" else None
    if source is not None and request.path != "/vault/unlock/":
        carried = [(k, v) for k in source for v in source.getlist(k) if k not in _NOT_CARRIED]
    elif source is not None:
        carried = [(k[len("carry__"):], v) for k in source if k.startswith("carry__")
                   for v in source.getlist(k)]
    next_url = request.POST.get("next") if request.path == "/vault/unlock/" else request.get_full_path()
    return render(
        request,
        "vault/unlock.html",
        {
            "form": form or account_forms.PassphraseCheckForm(),
            "next": next_url or "/",
            "carried": carried,
            "carried_method": request.POST.get("carried_method", request.method)
            if request.path == "/vault/unlock/" else request.method,
        },
        status=status,
    )


@policy.signed_in_locked
@require_POST
def unlock(request: HttpRequest) -> HttpResponse:
    form = account_forms.PassphraseCheckForm(request.POST)
    if form.is_valid():
        try:
            ok = accounts.unlock(request, form.cleaned_data["passphrase"])
        except accounts.SignInRefused as refused:
            form.add_error(None, refused.message)
            return unlock_page(request, form, status=429)
        if ok:
            carried = [(k[len("carry__"):], v) for k in request.POST if k.startswith("carry__")
                       for v in request.POST.getlist(k)]
            target = request.POST.get("next") or "/"
            if not target.startswith("/") or target.startswith("//"):
                target = "/"
            if carried and request.POST.get("carried_method") == "POST":
                return render(request, "vault/continue.html", {"carried": carried, "next": target})
            return redirect(target)
        form.add_error("passphrase", _("That passphrase does not match. Please try again."))
    return unlock_page(request, form)


def recover_account(request: HttpRequest) -> HttpResponse:
    form = account_forms.RecoverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        address = throttle.client_address(request)
        wait = throttle.check("recover:" + username, address)
        if wait is not None:
            form.add_error(None, _("Please wait %(seconds)d seconds, then try again.")
                           % {"seconds": wait.seconds})
            return render(request, "vault/recover.html", {"form": form}, status=429)
        user = User.objects.filter(username_key=username.casefold()).first()
        data_key = (
            services.unlock_with_recovery_code(user, form.cleaned_data["recovery_code"])
            if user else None
        )
        if user is None or data_key is None:
            throttle.record_failure("recover:" + username, address)
            form.add_error(None, _("That username and recovery code do not match."))
        else:
            errors = accounts.clean_new_account(user.username, form.cleaned_data["new"])
            if "passphrase" in errors:
                form.add_errors({"new": errors["passphrase"]})
            else:
                throttle.record_success("recover:" + username, address)
                code = _finish_recovery(request, user, data_key, form.cleaned_data["new"])
                return render(request, "accounts/recovery_code.html", {"code": code, "new": False,
                                                                       "recovered": True})
    return render(request, "vault/recover.html", {"form": form})


def _finish_recovery(request: HttpRequest, user: User, data_key: bytes, passphrase: str) -> str:
    """A used recovery code is spent: set the passphrase, make a new code, end other sessions."""
    user.set_password(passphrase)
    user.save(update_fields=["password"])
    services.rewrap_passphrase(user, data_key, passphrase)
    code = services.renew_recovery_code(user, data_key)
    accounts.end_other_sessions(user, None)
    accounts._start_session(request, user, data_key)
    audit.record("security.recovered", subject=user, actor=user)
    return code


def apply_new_passphrase(request: HttpRequest, user: User, data_key: bytes, new: str) -> None:
    user.set_password(new)
    user.save(update_fields=["password"])
    services.rewrap_passphrase(user, data_key, new)
    # Changing the passphrase rotates the session id; keep this session signed in.
    from django.contrib.auth import update_session_auth_hash

    update_session_auth_hash(request, user)
    open_vault_session(request, user, data_key)
    audit.record("security.passphrase_changed", subject=user, actor=user)


def _me(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@policy.signed_in
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    user = _me(request)
    form = account_forms.PassphraseCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if accounts.check_passphrase(user, form.cleaned_data["passphrase"]) is None:
            form.add_error("passphrase", _("That passphrase does not match."))
        else:
            mark_reauthenticated(request)
            audit.record("security.export", subject=user, actor=user)
            if request.POST.get("format") == "html":
                return render(request, "vault/export_readable.html",
                              {"sections": readable_sections(request.vault),  # type: ignore[attr-defined]
                               "exported_at": timezone.now()})
            body = json.dumps(build_export(request.vault), indent=2, ensure_ascii=False)  # type: ignore[attr-defined]
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            stamp = timezone.now().strftime("%Y-%m-%d")
            response["Content-Disposition"] = f'attachment; filename="notes-{stamp}.json"'
            return response
    return render(request, "vault/export.html", {"form": form})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def emergency_reset(request: HttpRequest) -> HttpResponse:
    user = _me(request)
    form = account_forms.PassphraseCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        passphrase = form.cleaned_data["passphrase"]
        data_key = accounts.check_passphrase(user, passphrase)
        if data_key is None:
            form.add_error("passphrase", _("That passphrase does not match."))
        else:
            code = emergency_reset_action(request, user, data_key, passphrase)
            return render(request, "accounts/recovery_code.html",
                          {"code": code, "new": False, "reset": True})
    return render(request, "vault/emergency_reset.html", {"form": form})


def emergency_reset_action(request: HttpRequest, user: User, data_key: bytes, passphrase: str) -> str:
    """Stop all sharing, end every other session, and give every key a new one."""
    vault = request.vault  # type: ignore[attr-defined]
    revoked = services.revoke_everything(vault)
    accounts.end_other_sessions(user, request.session.session_key)
    new_data_key, code = services.rotate_data_key(user, data_key, passphrase)
    open_vault_session(request, user, new_data_key)
    audit.record("security.emergency_reset", subject=user, actor=user, detail={"grants": revoked})
    return code
