"""API answer shapes every app shares: the error bodies of docs/api.md, declared once."""

from __future__ import annotations

from typing import Any

from ninja import Schema


class Message(Schema):
    """A plain answer or refusal: 404, 403, a practice that moved on (409)."""

    detail: str


class Invalid(Schema):
    """422: what was sent cannot be used (`cove.core.errors.InputError.api_body`)."""

    detail: str
    errors: list[dict[str, Any]]


class Conflicted(Schema):
    """409: the record changed elsewhere (`cove.core.errors.Conflict.api_body`)."""

    detail: str
    version: int
    current: dict[str, Any]
    yours: dict[str, Any]


VERSION_HELP = ("The version your copy was based on; if the record changed since, the answer "
                "is 409 with both versions. Leave it out to change whatever is there now.")
