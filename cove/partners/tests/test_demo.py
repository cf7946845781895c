"""`cove demo` links demo-river and demo-sol, with the pause plan and aftercare shown."""

from __future__ import annotations

import pytest
from django.test import Client

from cove.core.demo import DEMO_ACCOUNTS, create_demo

pytestmark = pytest.mark.django_db


def _signed_in(username: str) -> Client:
    passphrase = next(p for _role, name, p in DEMO_ACCOUNTS if name == username)
    client = Client(enforce_csrf_checks=True)
    client.get("/api/v1/auth/csrf")
    response = client.post("/api/v1/auth/login",
                           data={"username": username, "passphrase": passphrase},
                           content_type="application/json",
                           HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert response.status_code == 200
    return client


def test_demo_sol_sees_rivers_pause_plan_and_aftercare():
    create_demo()
    sol = _signed_in("demo-sol")
    links = sol.get("/api/v1/partners/links").json()
    assert [(x["partner"], x["state"]) for x in links] == [("demo-river", "active")]
    seen = sol.get(f"/api/v1/partners/links/{links[0]['id']}/shared-with-me").json()
    assert [s["part"] for s in seen] == ["pause", "aftercare"]
    assert seen[0]["content"]["stop_word"] == "Orange"
