"""Helpers for boundaries tests: raw rows and the page's own content."""

from __future__ import annotations

from typing import Any

from django.db import connection


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


def whole_section(client: Any, slug: str) -> str:
    """The main text of every part of a section, part after part (a section shows a few
    rows per part)."""
    texts = []
    for number in range(1, 100):
        text = main_text(client.get(f"/boundaries/s/{slug}/?page={number}"))
        texts.append(text)
        if f"?page={number + 1}" not in text:
            return "".join(texts)
    raise AssertionError(f"the {slug} section never ended")
