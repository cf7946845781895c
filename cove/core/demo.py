"""Demo accounts for a newcomer to explore: a survivor, a partner and a clinician.

Each feature app can add sample data by providing `demo.py` with
`populate(vault, role)`; it is called for every demo account. An app whose sample data
joins two accounts (partners linked, things agreed together) also provides
`populate_together(vaults)`, called once after every account exists, with each demo
account's unlocked vault by role ("survivor", "partner", "clinician").
"""

from __future__ import annotations

import importlib
from types import ModuleType

from django.apps import apps
from django.test import RequestFactory

from cove.accounts import deletion
from cove.accounts import services as accounts
from cove.accounts.models import User
from cove.vault.keyring import Vault

DEMO_ACCOUNTS = (
    ("survivor", "demo-river", "quiet river under the old bridge"),
    ("partner", "demo-sol", "sunlight on the kitchen table"),
    ("clinician", "demo-ash", "a calm room with two green chairs"),
)


def _session_request():
    from importlib import import_module

    from django.conf import settings

    request = RequestFactory().post("/")
    engine = import_module(settings.SESSION_ENGINE)
    request.session = engine.SessionStore()
    request.META["REMOTE_ADDR"] = "127.0.0.1"
    return request


def populate_all(vault: Vault, role: str) -> None:
    """Give one person every feature app's sample data for their role."""
    for config in apps.get_app_configs():
        if not config.name.startswith("cove.") or config.name == "cove.core":
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        populate = getattr(module, "populate", None)
        if callable(populate):
            populate(vault, role)


def _demo_modules() -> list[ModuleType]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("cove.") or config.name == "cove.core":
            continue
        try:
            found.append(importlib.import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
    return found


def populate_together(vaults: dict[str, Vault]) -> None:
    """Give the demo accounts the sample data they share (see the module docstring)."""
    for module in _demo_modules():
        together = getattr(module, "populate_together", None)
        if callable(together):
            together(vaults)


def create_demo() -> list[tuple[str, str, str]]:
    created = []
    vaults: dict[str, Vault] = {}
    for role, username, passphrase in DEMO_ACCOUNTS:
        existing = User.objects.find(username)
        if existing is not None:
            deletion.erase(existing)
        request = _session_request()
        result = accounts.sign_up(request, username, passphrase)
        user = result.user
        if role == "clinician":
            user.is_clinician = True
            user.save(update_fields=["is_clinician"])
        populate_all(request.vault, role)
        vaults[role] = request.vault
        request.session.flush()
        created.append((role, username, passphrase))
    populate_together(vaults)
    return created
