"""Device tokens: a browser that has signed in to an account before is known to it.

After OWASP's "Slow Down Online Guessing Attacks with Device Cookies": a successful
passphrase check leaves a signed token for that account in the browser. A later attempt
that carries a valid token for the account being tried is the owner's own browser; it
is exempt from the delays other people's wrong guesses build up for the account and
their address, and has a small budget of its own instead (cove.accounts.throttle).

- One cookie per account. Its name is a tag of the account name and its value a random
  nonce with a tag over the account, the nonce and the account's login verifier, both under
  the integrity key (kept outside the database). Neither names anything readable, and a
  token cannot be made without that key.
- A passphrase change, recovery or emergency reset changes the verifier, so every token
  issued before it stops counting; the browser that made the change gets a new one.
- HttpOnly, SameSite=Strict, Secure under TLS, one year. Sign-out keeps it; "Leave
  quickly" and account deletion clear it with the rest of the site's cookies
  (Clear-Site-Data), after which the browser is a new one again.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from cove.accounts.models import User, username_key
from cove.core import integrity
from cove.vault import crypto

COOKIE_PREFIX = "cove_d_"
MAX_AGE = 365 * 24 * 3600
_NONCE_BYTES = 16


@dataclass(frozen=True)
class DeviceToken:
    """A valid token presented for one account; `key` names it in the throttle's counters."""

    nonce: bytes

    @property
    def key(self) -> str:
        return self.nonce.hex()


def cookie_name(username: str) -> str:
    return COOKIE_PREFIX + integrity.tag("device-cookie-name", username_key(username)).hex()[:20]


def _tag(user: User, nonce: bytes) -> bytes:
    return integrity.tag("device-token", user.pk, nonce, user.password)


def presented(request: HttpRequest, username: str, user: User | None) -> DeviceToken | None:
    """The valid device token this request carries for `user`, or None."""
    if user is None:
        return None
    raw = request.COOKIES.get(cookie_name(username), "")
    try:
        blob = base64.urlsafe_b64decode(raw.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    nonce, tag = blob[:_NONCE_BYTES], blob[_NONCE_BYTES:]
    if len(nonce) != _NONCE_BYTES or not crypto.constant_time_equal(tag, _tag(user, nonce)):
        return None
    return DeviceToken(nonce=nonce)


def remember(request: HttpRequest, user: User, token: DeviceToken | None = None) -> None:
    """Give this browser a token for `user` (kept, or a new one) on the way out."""
    nonce = token.nonce if token is not None else secrets.token_bytes(_NONCE_BYTES)
    value = base64.urlsafe_b64encode(nonce + _tag(user, nonce)).decode("ascii")
    pending: dict[str, str] = getattr(request, "_cove_device_cookies", {})
    pending[cookie_name(user.username)] = value
    request._cove_device_cookies = pending  # type: ignore[attr-defined]


def apply_cookies(request: HttpRequest, response: HttpResponse) -> None:
    for name, value in getattr(request, "_cove_device_cookies", {}).items():
        response.set_cookie(name, value, max_age=MAX_AGE, httponly=True, samesite="Strict",
                            secure=settings.COVE_TLS, path="/")


class DeviceCookieMiddleware:
    """Set the device tokens a request earned (after a successful passphrase check)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        apply_cookies(request, response)
        return response
