"""Keeping the unlocked data key between requests without storing it in the clear.

The session row (server side) holds the data key sealed under a random key that lives
only in the person's cookie. The database alone cannot open it, and neither can the
cookie alone. Ending the session deletes the sealed copy; the cookie key is then useless.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from cove.vault import crypto
from cove.vault.keyring import Vault

if TYPE_CHECKING:
    from cove.accounts.models import User

SESSION_FIELD = "cove_sealed_data_key"
# The person's own opened area keys, sealed the same way, so a page need not fetch and open
# them again on every request (issue 16, item 5). At most this many are kept.
AREA_KEYS_FIELD = "cove_sealed_area_keys"
MAX_KEPT_AREA_KEYS = 32
COOKIE_NAME = "cove_vk"


def _aad(user_id: int) -> bytes:
    return f"cove/session-data-key|{user_id}".encode()


def _area_keys_aad(user_id: int) -> bytes:
    return f"cove/session-area-keys|{user_id}".encode()


def open_vault_session(request: HttpRequest, user: User, data_key: bytes) -> Vault:
    cookie_key = crypto.new_key()
    request.session[SESSION_FIELD] = crypto.b64(crypto.seal(cookie_key, data_key, _aad(user.pk)))
    request.session.pop(AREA_KEYS_FIELD, None)  # opened with another data key, maybe
    request._cove_vault_cookie = crypto.b64(cookie_key)  # type: ignore[attr-defined]
    vault = Vault(user, data_key)
    request.vault = vault  # type: ignore[attr-defined]
    return vault


def close_vault_session(request: HttpRequest) -> None:
    request.session.pop(SESSION_FIELD, None)
    request.session.pop(AREA_KEYS_FIELD, None)
    request._cove_vault_cookie_clear = True  # type: ignore[attr-defined]
    request.vault = None  # type: ignore[attr-defined]


def vault_from_request(request: HttpRequest) -> Vault | None:
    user = request.user
    if not user.is_authenticated:
        return None
    sealed = request.session.get(SESSION_FIELD)
    cookie = request.COOKIES.get(COOKIE_NAME)
    if not sealed or not cookie:
        return None
    try:
        cookie_key = crypto.unb64(cookie)
        data_key = crypto.open_sealed(cookie_key, crypto.unb64(sealed), _aad(user.pk))
    except (crypto.VaultError, ValueError):
        return None
    vault = Vault(user, data_key)
    kept = request.session.get(AREA_KEYS_FIELD)
    if kept:
        try:
            vault.preload_own_keys(json.loads(
                crypto.open_sealed(cookie_key, crypto.unb64(kept), _area_keys_aad(user.pk))))
        except (crypto.VaultError, ValueError):
            request.session.pop(AREA_KEYS_FIELD, None)
    request._cove_kept_area_keys = vault.own_keys()  # type: ignore[attr-defined]
    return vault


def keep_area_keys(request: HttpRequest) -> None:
    """After the view: seal the own area keys this request opened into the session, if it
    opened any new ones (the first pages after sign-in, and after a rotation)."""
    vault = getattr(request, "vault", None)
    before = getattr(request, "_cove_kept_area_keys", None)
    cookie = getattr(request, "_cove_vault_cookie", None) or request.COOKIES.get(COOKIE_NAME)
    if not isinstance(vault, Vault) or before is None or not cookie:
        return
    if request.session.get(SESSION_FIELD) is None:
        return  # signed out or locked during this request
    now = vault.own_keys()
    if now == before or not now:
        return
    newest = dict(sorted(now.items(), key=lambda kv: int(kv[0].rpartition("|")[2]))[
        -MAX_KEPT_AREA_KEYS:])
    try:
        sealed = crypto.seal(crypto.unb64(cookie), json.dumps(newest).encode(),
                             _area_keys_aad(vault.user.pk))
    except ValueError:
        return
    request.session[AREA_KEYS_FIELD] = crypto.b64(sealed)


def apply_cookie(request: HttpRequest, response: HttpResponse) -> None:
    value = getattr(request, "_cove_vault_cookie", None)
    if value:
        response.set_cookie(
            COOKIE_NAME,
            value,
            httponly=True,
            secure=settings.COVE_TLS,
            samesite="Lax",
            path="/",
        )
    elif getattr(request, "_cove_vault_cookie_clear", False):
        response.delete_cookie(COOKIE_NAME, path="/", samesite="Lax")
