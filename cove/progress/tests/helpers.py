"""HTTP helpers for tests: form posts carry the CSRF token, as a browser's would."""

from __future__ import annotations

from typing import Any


def csrf(person: Any) -> str:
    if "csrftoken" not in person.client.cookies:
        person.client.get("/api/v1/auth/csrf")
    return str(person.client.cookies["csrftoken"].value)


def post(person: Any, path: str, data: dict[str, Any] | None = None, **extra: Any) -> Any:
    return person.client.post(path, data or {}, HTTP_X_CSRFTOKEN=csrf(person), **extra)
