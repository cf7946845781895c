"""Helpers for boundaries tests: HTTP posts with the CSRF token, raw rows."""

from __future__ import annotations

from typing import Any

from django.db import connection


def post(person: Any, path: str, data: dict[str, Any] | None = None, htmx: bool = False,
         **extra: Any) -> Any:
    client = person.client
    if "csrftoken" not in client.cookies:
        client.get("/api/v1/auth/csrf")
    headers = {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value, **extra}
    if htmx:
        headers["HTTP_HX_REQUEST"] = "true"
    return client.post(path, data or {}, **headers)


def raw_rows(table: str) -> list[bytes]:
    """Every stored byte of a table, joined per row, as the database holds it."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - table names come from tests
        rows = cursor.fetchall()
    out = []
    for row in rows:
        out.append(b"|".join(bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode()
                             for v in row))
    return out


def main_text(response: Any) -> str:
    """Only the page's own content, without the shared header and menu."""
    html = response.content.decode()
    return html.split("<main", 1)[1].split("</main>", 1)[0]
