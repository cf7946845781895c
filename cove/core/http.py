"""The typed request every signed-in view and API operation receives.

`cove.vault.middleware.VaultMiddleware` sets `request.person` (the signed-in User, or None)
and `request.vault` (the unlocked Vault, or None) on every request. Behind
`@policy.signed_in` both are guaranteed, so views annotate `request: CoveRequest` and use
`request.person` and `request.vault` directly: no per-app `_me()` or `_vault()` helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from cove.accounts.models import User
    from cove.vault.keyring import Vault


class CoveRequest(HttpRequest):
    """A request from a signed-in person whose vault is unlocked (see `policy.signed_in`)."""

    person: User
    vault: Vault
    htmx: HtmxDetails  # set by django-htmx's middleware


class LockedRequest(HttpRequest):
    """A request from a signed-in person whose vault may be locked (`policy.signed_in_locked`)."""

    person: User
    vault: Vault | None
