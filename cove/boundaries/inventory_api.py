"""Boundaries operations for the inventory, its history, summary and review (tag
`boundaries`). The comfort list, situations, wishes and phrases are added to the same
router in api.py, which is the module cove/api.py finds.

Catalogue keys travel in request bodies, never in paths, so they stay out of access logs.
Bad input raises InputError in the services (422, docs/api.md); an edit based on an older
`version` raises Conflict (409 with both versions). Neither is caught here.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from cove.boundaries import catalogue, services
from cove.boundaries.choices import BoundaryState, Category, ReviewCadence
from cove.boundaries.models import BoundaryItem
from cove.core import policy
from cove.core.http import CoveRequest
from cove.core.paging import MAX_OFFSET, PageNumber

router = Router(tags=["boundaries"])

TEXT = 4000  # a hard cap on input size; services apply the real limits with kind messages


class Message(Schema):
    detail: str


class Refused(Schema):
    """422: what was sent cannot be used (docs/api.md)."""

    detail: str
    errors: list[dict[str, Any]]


class Changed(Schema):
    """409: the record changed since `version` was read; both versions are here."""

    detail: str
    version: int
    current: dict[str, Any]
    yours: dict[str, Any]


ERRORS: dict[int, Any] = {404: Message, 422: Refused}
EDIT_ERRORS: dict[int, Any] = {**ERRORS, 409: Changed}

VERSION = Field(None, ge=0, description="The `version` your copy was based on; if the record "
                "has changed since, the answer is 409 with both. Leave out to save anyway.")

# ---------------------------------------------------------------------------- schemas


class ItemOut(Schema):
    id: UUID
    key: str
    title: str
    category: str
    state: str
    condition: str
    ask_first: bool
    own: bool
    version: int


def _item(record: BoundaryItem) -> dict[str, Any]:
    return {"id": record.pk, "key": record.key, "title": str(record.label),
            "category": record.category, "state": record.state, "condition": record.condition,
            "ask_first": record.ask_first, "own": record.is_custom, "version": record.version}


class AnswerFields(Schema):
    state: BoundaryState = Field(BoundaryState.NOT_SURE,
                                 description="yes, maybe, not_now, no, or '' (not sure yet)")
    condition: str = Field("", max_length=TEXT)
    ask_first: bool = False


class AnswerIn(AnswerFields):
    version: int | None = VERSION


class CatalogueAnswerIn(AnswerFields):
    key: str = Field(max_length=100)


class OwnItemIn(AnswerFields):
    title: str = Field(max_length=TEXT)
    category: Category


class RenameIn(Schema):
    title: str = Field(max_length=TEXT)
    category: Category
    version: int | None = VERSION


class ChangeOut(Schema):
    id: UUID
    item_id: UUID
    item: str
    before: dict | None
    after: dict
    described: str
    created_at: str


class ChangesPage(Schema):
    page: int
    pages: int
    changes: list[ChangeOut]


class ReviewIn(Schema):
    cadence_days: ReviewCadence
    version: int | None = Field(None, ge=0, description="The `version` your copy was based "
                                "on (0 if you had no choice saved yet); 409 if it changed.")


class ReviewOut(Schema):
    cadence_days: int
    last_reviewed: str
    offer_review: bool
    version: int


# ---------------------------------------------------------------------------- catalogue


@router.get("/catalogue", response=dict, auth=django_auth,
            summary="Cove's starter lists: groups, items, wishes and phrases")
@policy.signed_in
def catalogue_view(request: CoveRequest) -> Any:
    return {
        "categories": [{"slug": c.slug, "title": str(c.title)} for c in catalogue.CATEGORIES],
        "items": [{"key": i.key, "category": i.category, "title": str(i.title)}
                  for i in catalogue.ITEMS],
        "states": list(catalogue.STATES),
        "wishes": [{"key": w.key, "title": str(w.title)} for w in catalogue.WISHES],
        "moments": [{"slug": m.slug, "title": str(m.title)} for m in catalogue.MOMENTS],
        "phrases": [{"key": p.key, "moment": p.moment, "text": str(p.text)}
                    for p in catalogue.PHRASES],
        "zones": list(catalogue.ZONES),
        "review_days": list(catalogue.REVIEW_DAYS),
    }


# ---------------------------------------------------------------------------- inventory


@router.get("/items", response=list[ItemOut], auth=django_auth,
            summary="Your answered and own items: one group with ?category=, or 100 at a time "
                    "with ?offset=")
@policy.signed_in
def list_items(request: CoveRequest, category: str = "",
               offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Any:
    if category:
        records = services.items_in_categories(request.vault, [category])
    else:
        records = list(services.items(request.vault)[offset:offset + 100])
    return [_item(r) for r in records]


@router.post("/items/answer", response={200: ItemOut, **ERRORS}, auth=django_auth,
             summary="Answer an item from Cove's list (made on first answer)")
@policy.signed_in
def answer_catalogue_item(request: CoveRequest, payload: CatalogueAnswerIn) -> Any:
    return _item(services.answer_item(request.vault, payload.key, payload.state,
                                      payload.condition, payload.ask_first))


@router.post("/items", response={201: ItemOut, **ERRORS}, auth=django_auth,
             summary="Add your own item")
@policy.signed_in
def add_item(request: CoveRequest, payload: OwnItemIn) -> Any:
    record = services.add_own_item(request.vault, payload.title, payload.category,
                                   payload.state, payload.condition, payload.ask_first)
    return Status(201, _item(record))


@router.put("/items/{item_id}", response={200: ItemOut, **EDIT_ERRORS}, auth=django_auth,
            summary="Change one item's answer")
@policy.signed_in
def change_item(request: CoveRequest, item_id: UUID, payload: AnswerIn) -> Any:
    return _item(services.change_item(request.vault, item_id, payload.state, payload.condition,
                                      payload.ask_first, version=payload.version))


@router.put("/items/{item_id}/name", response={200: ItemOut, **EDIT_ERRORS}, auth=django_auth,
            summary="Rename your own item or move it to another group")
@policy.signed_in
def rename_item(request: CoveRequest, item_id: UUID, payload: RenameIn) -> Any:
    return _item(services.rename_own_item(request.vault, item_id, payload.title,
                                          payload.category, version=payload.version))


@router.delete("/items/{item_id}", response={204: None, **ERRORS}, auth=django_auth,
               summary="Remove your own item and its history")
@policy.signed_in
def delete_item(request: CoveRequest, item_id: UUID) -> Any:
    services.delete_own_item(request.vault, item_id)
    return Status(204, None)


@router.get("/changes", response=ChangesPage, auth=django_auth,
            summary="How your answers changed, newest first, 25 a page")
@policy.signed_in
def changes(request: CoveRequest, query: Query[PageNumber]) -> Any:
    result = services.history_page(request.vault, query.page)
    return {"page": result.number, "pages": result.paginator.num_pages, "changes": [
        {"id": c.pk, "item_id": c.item_id, "item": str(c.label), "before": c.before,
         "after": c.after, "described": c.describe(), "created_at": c.created_at.isoformat()}
        for c in result]}


@router.get("/summary", response=list[dict], auth=django_auth,
            summary="Current answers in the groups you choose (?c=touch&c=words)")
@policy.signed_in
def summary(request: CoveRequest, c: list[str] = Query([])) -> Any:  # noqa: B008
    return [{"category": s.category.slug, "title": str(s.category.title),
             "states": {state: [_item(r) for r in records]
                        for state, records in s.by_state.items()}}
            for s in services.summary(request.vault, c or [])]


# ---------------------------------------------------------------------------- review


def _review_out(request: CoveRequest) -> dict[str, Any]:
    settings = services.review_settings(request.vault)
    return {"cadence_days": int(settings.cadence_days) if settings else 0,
            "last_reviewed": settings.last_reviewed if settings else "",
            "offer_review": services.offer_review(settings),
            "version": settings.version if settings else 0}


@router.get("/review", response=ReviewOut, auth=django_auth,
            summary="Your review choice, and whether a look is offered today")
@policy.signed_in
def review_get(request: CoveRequest) -> Any:
    return _review_out(request)


@router.put("/review", response={200: ReviewOut, **EDIT_ERRORS}, auth=django_auth,
            summary="Choose how often a look is offered (0 for never)")
@policy.signed_in
def review_set(request: CoveRequest, payload: ReviewIn) -> Any:
    services.set_review_cadence(request.vault, payload.cadence_days, version=payload.version)
    return _review_out(request)


@router.post("/review/not-now", response=ReviewOut, auth=django_auth,
             summary="Not now: no offer until the next time you chose")
@policy.signed_in
def review_not_now(request: CoveRequest) -> Any:
    services.review_not_now(request.vault)
    return _review_out(request)


@router.post("/review/done", response=ReviewOut, auth=django_auth,
             summary="Note that you looked over your boundaries today")
@policy.signed_in
def review_done(request: CoveRequest) -> Any:
    services.mark_reviewed(request.vault)
    return _review_out(request)
