"""Keeping the unlocked data key between requests without storing it in the clear.

The session row (server side) holds the data key sealed under a random key that lives
only in the person's cookie. The database alone cannot open it, and neither can the
cookie alone. Ending the session deletes the sealed copy; the cookie key is then useless.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from cove.vault import crypto
from cove.vault.keyring import Vault

if TYPE_CHECKING:
    from cove.accounts.models import User

SESSION_FIELD = "cove_sealed_data_key"
COOKIE_NAME = "cove_vk"


def _aad(user_id: int) -> bytes:
    return f"cove/session-data-key|{user_id}".encode()


def open_vault_session(request: HttpRequest, user: User, data_key: bytes) -> Vault:
    cookie_key = crypto.new_key()
    request.session[SESSION_FIELD] = crypto.b64(crypto.seal(cookie_key, data_key, _aad(user.pk)))
    request._cove_vault_cookie = crypto.b64(cookie_key)  # type: ignore[attr-defined]
    vault = Vault(user, data_key)
    request.vault = vault  # type: ignore[attr-defined]
    return vault


def close_vault_session(request: HttpRequest) -> None:
    request.session.pop(SESSION_FIELD, None)
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
        data_key = crypto.open_sealed(crypto.unb64(cookie), crypto.unb64(sealed), _aad(user.pk))
    except (crypto.VaultError, ValueError):
        return None
    return Vault(user, data_key)


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
