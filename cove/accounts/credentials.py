"""Credential flows, each written once; the pages and the API both call these.

Every check of a signed-in person's passphrase goes through `confirm_passphrase`: one
throttle (cove.accounts.throttle), one Argon2id run, one audit entry when it is wrong.
Recovery codes go through `recover`. The slow work happens before any transaction; the
writes after it are one transaction each (docs/architecture.md, "Transactions"). Each flow
is one admitted sign-in (`kdf.admitted`): when the server is full of them, it is refused
with SignInsBusy (503) before anything is checked or counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from cove.accounts import deletion, devices, services, throttle
from cove.accounts.errors import PassphraseRefused, Throttled
from cove.accounts.models import User
from cove.accounts.signals import announce_credentials_replaced
from cove.audit import services as audit
from cove.core.errors import InputError
from cove.vault import kdf
from cove.vault import services as vault_services
from cove.vault.export import build_export, export_section, readable_sections
from cove.vault.session import close_vault_session, open_vault_session
from cove.vault.sessions_reauth import mark_reauthenticated, recently_reauthenticated


def not_your_passphrase() -> str:
    return _("That passphrase does not match.")


def _person(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionError("a signed-in person is needed")
    return user


@kdf.admitted
def confirm_passphrase(request: HttpRequest, passphrase: str, *,
                       field: str = "passphrase") -> vault_services.Unlocked:
    """The one check of a signed-in person's passphrase; raise PassphraseRefused or Throttled."""
    user = _person(request)
    gate = throttle.gate(request, user.username, user)
    wait = gate.enter()
    if wait is not None:
        raise Throttled(wait, field=field)
    verifier_before = user.password
    unlocked = vault_services.unlock_with_passphrase(user, passphrase)
    if unlocked is None:
        gate.failed()
        audit.record("auth.login_failed", subject=user)
        raise PassphraseRefused(not_your_passphrase(), field=field)
    gate.succeeded()
    if user.password != verifier_before:  # moved to today's verifier just now
        services.keep_session_after_key_change(request, user)
    devices.remember(request, user, gate.device)
    return unlocked


def _keys_changed(field: str) -> PassphraseRefused:
    return PassphraseRefused(
        _("Your passphrase was changed a moment ago, in another window or device. Please use "
          "the new one."), field=field, status=409,
    )


@kdf.admitted
def unlock(request: HttpRequest, passphrase: str) -> None:
    """Open the vault again for a signed-in session that lost its key material."""
    user = _person(request)
    unlocked = confirm_passphrase(request, passphrase)
    open_vault_session(request, user, unlocked.data_key)
    audit.record("auth.unlocked", subject=user, actor=user)


@kdf.admitted
def reauthenticate(request: HttpRequest, passphrase: str) -> User:
    """Confirm the passphrase for the next few minutes of exports and new shares."""
    confirm_passphrase(request, passphrase)
    mark_reauthenticated(request)
    return _person(request)


@dataclass(frozen=True)
class NewKeys:
    """What a credential change leaves to show once: a recovery code, a calendar address."""

    recovery_code: str | None = None
    calendar_token: str | None = None


@kdf.admitted
def change_passphrase(request: HttpRequest, current: str, new: str) -> NewKeys:
    """Re-wrap the data key under a new passphrase; nothing is re-encrypted.

    Two changes at once are serialized on the key bundle: the second finds the keys
    changed and is refused (409), so never two successes with only one working.
    """
    user = _person(request)
    services.check_new_passphrase(user.username, new, field="new")
    unlocked = confirm_passphrase(request, current, field="current")
    stretched = vault_services.stretch(new)
    try:
        with transaction.atomic():
            vault_services.rewrap_passphrase(user, unlocked, stretched)
            shown = announce_credentials_replaced(user)
            audit.record("security.passphrase_changed", subject=user, actor=user)
    except vault_services.KeysChanged:
        raise _keys_changed("current") from None
    services.keep_session_after_key_change(request, user)
    open_vault_session(request, user, unlocked.data_key)
    devices.remember(request, user)
    return NewKeys(calendar_token=shown.get("calendar_token"))


@kdf.admitted
def renew_recovery_code(request: HttpRequest, passphrase: str) -> str:
    user = _person(request)
    unlocked = confirm_passphrase(request, passphrase)
    try:
        with transaction.atomic():
            code = vault_services.renew_recovery_code(user, unlocked)
            audit.record("security.recovery_code_renewed", subject=user, actor=user)
    except vault_services.KeysChanged:
        raise _keys_changed("passphrase") from None
    return code


@kdf.admitted
def recover(request: HttpRequest, username: str, code: str, new: str,
            new_field: str = "new") -> str:
    """Set a new passphrase with the recovery code; the code is spent and a new one returned.

    Throttled per address only (the code carries 157 bits): nobody can block the owner's
    way back in by guessing at it. Ends every other session.
    """
    user = User.objects.find(username)
    services.check_new_passphrase(user.username if user else username, new, field=new_field)
    gate = throttle.gate(request, username, user, purpose=throttle.RECOVERY)
    wait = gate.enter()
    if wait is not None:
        raise Throttled(wait)
    unlocked = vault_services.unlock_with_recovery_code(user, code) if user else None
    if user is None or unlocked is None:
        gate.failed()
        raise PassphraseRefused(_("That username and recovery code do not match."), field="")
    gate.succeeded()
    stretched = vault_services.stretch(new)
    try:
        with transaction.atomic():
            unlocked = vault_services.rewrap_passphrase(user, unlocked, stretched)
            new_code = vault_services.renew_recovery_code(user, unlocked)
            services.end_other_sessions(user, None)
            services.start_session(request, user, unlocked.data_key)
            audit.record("security.recovered", subject=user, actor=user)
    except vault_services.KeysChanged:  # the same code used twice at once: one wins
        raise PassphraseRefused(_("That username and recovery code do not match."),
                                field="") from None
    devices.remember(request, user)
    return new_code


@kdf.admitted
def emergency_reset(request: HttpRequest, passphrase: str) -> NewKeys:
    """Stop all sharing, end every other session, new keys, new recovery code and calendar."""
    user = _person(request)
    unlocked = confirm_passphrase(request, passphrase)
    stretched = vault_services.stretch(passphrase)  # the same passphrase, under a new salt
    vault = request.vault  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            revoked = vault_services.revoke_everything(vault)
            services.end_other_sessions(user, request.session.session_key)
            new_data_key, code = vault_services.rotate_data_key(user, unlocked, stretched)
            shown = announce_credentials_replaced(user)
            audit.record("security.emergency_reset", subject=user, actor=user,
                         detail={"grants": revoked})
    except vault_services.KeysChanged:
        raise _keys_changed("passphrase") from None
    services.keep_session_after_key_change(request, user)
    open_vault_session(request, user, new_data_key)
    devices.remember(request, user)
    return NewKeys(recovery_code=code, calendar_token=shown.get("calendar_token"))


@kdf.admitted
def delete_account(request: HttpRequest, passphrase: str) -> None:
    """Crypto-shred the person's data, remove the account and end every session."""
    from django.contrib.auth import logout

    user = _person(request)
    confirm_passphrase(request, passphrase)
    deletion.erase(user)
    close_vault_session(request)
    logout(request)


class ReauthNeeded(InputError):
    """An export or a new share without a recent passphrase check (API: 403)."""

    status = 403

    def __init__(self) -> None:
        super().__init__(_("Please confirm your passphrase first (POST /api/v1/auth/reauth)."))

    def api_body(self) -> dict[str, Any]:
        return {"detail": self.first_message}


def export_document(request: HttpRequest, fmt: str = "json", *, part: str | None = None) -> Any:
    """Everything the person owns, decrypted for them, after a recent passphrase check: the
    one export service every download (page, API, an app's own part) goes through.

    "json" is the export document (schema cove-export), every value JSON-ready; "html" the
    same as readable sections for the printable page. `part` asks for one app's section on
    its own instead (the FHIR bundle: "fhir_questionnaires"), as JSON.
    """
    user = _person(request)
    if not recently_reauthenticated(request):
        raise ReauthNeeded
    vault = request.vault  # type: ignore[attr-defined]
    audit.record("security.export", subject=user, actor=user,
                 detail={"part": part} if part else None)
    if part is not None:
        return export_section(vault, part)
    return readable_sections(vault) if fmt == "html" else build_export(vault)
