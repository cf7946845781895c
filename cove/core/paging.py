"""Bounded lists for the API: one way to ask for a slice, refused with a 422 beyond it.

    from ninja import Query
    from cove.core.paging import Paging

    @router.get("/things")
    def list_things(request, paging: Query[Paging]) -> Any:
        return [as_out(t) for t in paging.slice(services.things_of(request.vault))]

`limit` is 1 to 200 (default 50) and `offset` 0 to 10,000; pages that count in pages take
`PageNumber` (1 to `MAX_PAGE`). A value outside the bounds, or not a whole number, is
answered with the usual 422 (docs/api.md) before any query runs, on every engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from django.db.models import QuerySet
from ninja import Schema
from pydantic import Field

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
MAX_OFFSET = 10_000
MAX_PAGE = 1_000

T = TypeVar("T")


class Paging(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT,
                       description=f"How many to return (1 to {MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET,
                        description=f"How many to skip first (0 to {MAX_OFFSET}).")

    def slice(self, items: QuerySet[T] | Sequence[T]) -> list[T]:  # type: ignore[type-var]
        return list(items[self.offset : self.offset + self.limit])


class PageNumber(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description=f"Which page (1 to {MAX_PAGE}).")
