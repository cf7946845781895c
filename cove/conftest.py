"""Shared test fixtures: people (personas) signed in through HTTP, and their vaults."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from cove.accounts.models import User
from cove.vault.keyring import Vault
from cove.vault.services import unlock_with_passphrase

PASSPHRASE = "a calm blue lake at dawn, 2026"
_counter = itertools.count(1)


@dataclass
class Person:
    """A signed-up person with a signed-in browser-like client."""

    user: User
    client: Client
    passphrase: str
    recovery_code: str

    @property
    def username(self) -> str:
        return self.user.username

    def vault(self) -> Vault:
        """An unlocked vault for calling services directly in a test's setup."""
        self.user.refresh_from_db()
        unlocked = unlock_with_passphrase(self.user, self.passphrase)
        assert unlocked is not None
        return Vault(self.user, unlocked.data_key)

    def csrf_token(self) -> str:
        if "csrftoken" not in self.client.cookies:
            self.client.get("/api/v1/auth/csrf")
        return str(self.client.cookies["csrftoken"].value)

    def post(self, path: str, data: dict[str, object] | None = None, *, htmx: bool = False,
             **extra: Any):
        """Send a form as this person's browser would: through the real CSRF check."""
        headers: dict[str, Any] = {"HTTP_X_CSRFTOKEN": self.csrf_token(), **extra}
        if htmx:
            headers["HTTP_HX_REQUEST"] = "true"
        return self.client.post(path, data or {}, **headers)

    def api(self, method: str, path: str, json: object | None = None, **extra: object):
        """Call /api/v1 as this person, with the CSRF header the API requires."""
        token = self.csrf_token()
        call = getattr(self.client, method.lower())
        kwargs: dict[str, object] = {"HTTP_X_CSRFTOKEN": token, **extra}
        if json is not None:
            kwargs.update(data=json, content_type="application/json")
        return call(f"/api/v1{path}", **kwargs)


def sign_up_person(username: str | None = None, passphrase: str = PASSPHRASE) -> Person:
    username = username or f"person{next(_counter)}"
    client = Client(enforce_csrf_checks=True)
    client.get("/api/v1/auth/csrf")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/auth/signup",
        data={"username": username, "passphrase": passphrase},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201, response.content
    user = User.objects.find(username)
    assert user is not None
    return Person(user=user, client=client, passphrase=passphrase,
                  recovery_code=response.json()["recovery_code"])


@pytest.fixture
def make_person(db: None) -> Callable[..., Person]:
    return sign_up_person


@pytest.fixture
def survivor(db: None) -> Person:
    return sign_up_person("river")


@pytest.fixture
def other_survivor(db: None) -> Person:
    return sign_up_person("stone")


@pytest.fixture
def anonymous() -> Client:
    return Client(enforce_csrf_checks=True)


from cove.testing_browser import browser, calm_page, page, phone_page, signed_in  # noqa: E402, F401
from cove.testing_server import cove_server  # noqa: E402, F401


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A test that drives Chromium (any fixture built on `browser`) must say so with
    # @pytest.mark.browser, so `-m "not browser"` and the CI's browser job select exactly
    # them; an unmarked one stops the run here instead of slipping past a selection.
    unmarked = [item.nodeid for item in items
                if "browser" in getattr(item, "fixturenames", ())
                and item.get_closest_marker("browser") is None]
    if unmarked:
        raise pytest.UsageError(
            "these tests use the browser but are not marked @pytest.mark.browser:\n  "
            + "\n  ".join(unmarked))
    for item in items:
        if "cove_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.server)
