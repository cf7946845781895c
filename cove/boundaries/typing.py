"""The request type boundaries views see: signed in, with an unlocked vault and htmx details."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from cove.vault.keyring import Vault


class VaultRequest(HttpRequest):
    """For type checking only: VaultMiddleware sets `vault`, django-htmx sets `htmx`."""

    vault: Vault
    htmx: Any
