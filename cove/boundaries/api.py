"""Boundaries operations: the same services as the pages, as JSON.

Catalogue keys travel in request bodies, never in paths, so they stay out of access logs.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from cove.boundaries import catalogue, services
from cove.boundaries.models import BoundaryItem, ComfortGesture, PhraseChoice, Situation, Wish
from cove.boundaries.typing import VaultRequest
from cove.core import policy
from cove.core.paging import MAX_OFFSET, PageNumber
from cove.vault.records import get_owned_or_404

PREFIX = "/boundaries/"
router = Router(tags=["boundaries"])

TEXT = 4000  # a hard cap on input size; services apply the real limits with kind messages


class Message(Schema):
    detail: str


def _invalid(exc: ValidationError) -> Status:
    errors = (
        [{"loc": ["body", "payload", name], "msg": m}
         for name, messages in exc.message_dict.items() for m in messages]
        if hasattr(exc, "error_dict") else [{"loc": ["body"], "msg": m} for m in exc.messages]
    )
    return Status(422, {"detail": "Some of what was sent could not be used.", "errors": errors})


ERRORS: dict[int, Any] = {404: Message, 422: dict}

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


def _item(record: BoundaryItem) -> dict[str, Any]:
    return {"id": record.pk, "key": record.key, "title": str(record.label),
            "category": record.category, "state": record.state, "condition": record.condition,
            "ask_first": record.ask_first, "own": record.is_custom}


class AnswerIn(Schema):
    state: str = Field("", max_length=20,
                       description="yes, maybe, not_now, no, or '' (not sure yet)")
    condition: str = Field("", max_length=TEXT)
    ask_first: bool = False


class CatalogueAnswerIn(AnswerIn):
    key: str = Field(max_length=100)


class OwnItemIn(AnswerIn):
    title: str = Field(max_length=TEXT)
    category: str = Field(max_length=40)


class RenameIn(Schema):
    title: str = Field(max_length=TEXT)
    category: str = Field(max_length=40)


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
    cadence_days: int


class ReviewOut(Schema):
    cadence_days: int
    last_reviewed: str
    offer_review: bool


class TextIn(Schema):
    text: str = Field(max_length=TEXT)


class TextOut(Schema):
    id: UUID
    text: str


class SituationIn(Schema):
    title: str = Field(max_length=TEXT)
    zone: str = Field(max_length=20, description="manageable, plan or avoid")
    notes: str = Field("", max_length=TEXT)


class SituationOut(Schema):
    id: UUID
    title: str
    zone: str
    notes: str


class SituationChangeOut(Schema):
    id: UUID
    situation_id: UUID
    title: str
    before: str
    after: str
    created_at: str


class WishAnswerIn(Schema):
    key: str = Field(max_length=100)
    answer: str = Field("", max_length=20, description="yes, maybe, no, or '' (not sure yet)")


class OwnWishIn(Schema):
    title: str = Field(max_length=TEXT)
    answer: str = Field("", max_length=20)


class WishUpdateIn(Schema):
    answer: str = Field("", max_length=20)


class WishOut(Schema):
    id: UUID
    key: str
    title: str
    answer: str
    own: bool


def _wish(wish: Wish) -> dict[str, Any]:
    return {"id": wish.pk, "key": wish.key, "title": str(wish.label), "answer": wish.answer,
            "own": not wish.key}


class FavouriteIn(Schema):
    key: str = Field(max_length=100)
    favourite: bool = True


class OwnPhraseIn(Schema):
    text: str = Field(max_length=TEXT)
    moment: str = Field(max_length=40)
    favourite: bool = True


class PhraseOut(Schema):
    id: UUID | None
    key: str
    moment: str
    text: str
    favourite: bool
    own: bool


# ---------------------------------------------------------------------------- catalogue


@router.get("/catalogue", response=dict, auth=django_auth,
            summary="Cove's starter lists: groups, items, wishes and phrases")
@policy.signed_in
def catalogue_view(request: VaultRequest) -> Any:
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
def list_items(request: VaultRequest, category: str = "",
               offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Any:
    if category:
        records = services.items_in_categories(request.vault, [category])
    else:
        records = list(services.items(request.vault)[offset:offset + 100])
    return [_item(r) for r in records]


@router.post("/items/answer", response={200: ItemOut, **ERRORS}, auth=django_auth,
             summary="Answer an item from Cove's list (made on first answer)")
@policy.signed_in
def answer_catalogue_item(request: VaultRequest, payload: CatalogueAnswerIn) -> Any:
    try:
        record = services.answer_item(request.vault, payload.key, payload.state,
                                      payload.condition, payload.ask_first)
    except ValidationError as exc:
        return _invalid(exc)
    return _item(record)


@router.post("/items", response={201: ItemOut, **ERRORS}, auth=django_auth,
             summary="Add your own item")
@policy.signed_in
def add_item(request: VaultRequest, payload: OwnItemIn) -> Any:
    try:
        record = services.add_own_item(request.vault, payload.title, payload.category,
                                       payload.state, payload.condition, payload.ask_first)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, _item(record))


@router.put("/items/{item_id}", response={200: ItemOut, **ERRORS}, auth=django_auth,
            summary="Change one item's answer")
@policy.signed_in
def change_item(request: VaultRequest, item_id: UUID, payload: AnswerIn) -> Any:
    record = get_owned_or_404(BoundaryItem, request.vault, item_id)
    try:
        services.change_item(record, payload.state, payload.condition, payload.ask_first)
    except ValidationError as exc:
        return _invalid(exc)
    return _item(record)


@router.put("/items/{item_id}/name", response={200: ItemOut, **ERRORS}, auth=django_auth,
            summary="Rename your own item or move it to another group")
@policy.signed_in
def rename_item(request: VaultRequest, item_id: UUID, payload: RenameIn) -> Any:
    record = get_owned_or_404(BoundaryItem, request.vault, item_id)
    try:
        services.rename_own_item(record, payload.title, payload.category)
    except ValidationError as exc:
        return _invalid(exc)
    return _item(record)


@router.delete("/items/{item_id}", response={204: None, **ERRORS}, auth=django_auth,
               summary="Remove your own item and its history")
@policy.signed_in
def delete_item(request: VaultRequest, item_id: UUID) -> Any:
    record = get_owned_or_404(BoundaryItem, request.vault, item_id)
    try:
        services.delete_own_item(record)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(204, None)


@router.get("/changes", response=ChangesPage, auth=django_auth,
            summary="How your answers changed, newest first, 25 a page")
@policy.signed_in
def changes(request: VaultRequest, query: Query[PageNumber]) -> Any:
    result = services.history_page(request.vault, query.page)
    return {"page": result.number, "pages": result.paginator.num_pages, "changes": [
        {"id": c.pk, "item_id": c.item_id, "item": str(c.label), "before": c.before,
         "after": c.after, "described": c.describe(), "created_at": c.created_at.isoformat()}
        for c in result]}


@router.get("/summary", response=list[dict], auth=django_auth,
            summary="Current answers in the groups you choose (?c=touch&c=words)")
@policy.signed_in
def summary(request: VaultRequest, c: list[str] = Query([])) -> Any:  # noqa: B008
    return [{"category": s.category.slug, "title": str(s.category.title),
             "states": {state: [_item(r) for r in records]
                        for state, records in s.by_state.items()}}
            for s in services.summary(request.vault, c or [])]


# ---------------------------------------------------------------------------- review


def _review_out(request: VaultRequest) -> dict[str, Any]:
    settings = services.review_settings(request.vault)
    return {"cadence_days": int(settings.cadence_days) if settings else 0,
            "last_reviewed": settings.last_reviewed if settings else "",
            "offer_review": services.offer_review(settings)}


@router.get("/review", response=ReviewOut, auth=django_auth,
            summary="Your review choice, and whether a look is offered today")
@policy.signed_in
def review_get(request: VaultRequest) -> Any:
    return _review_out(request)


@router.put("/review", response={200: ReviewOut, **ERRORS}, auth=django_auth,
            summary="Choose how often a look is offered (0 for never)")
@policy.signed_in
def review_set(request: VaultRequest, payload: ReviewIn) -> Any:
    try:
        services.set_review_cadence(request.vault, payload.cadence_days)
    except ValidationError as exc:
        return _invalid(exc)
    return _review_out(request)


@router.post("/review/not-now", response=ReviewOut, auth=django_auth,
             summary="Not now: no offer until the next time you chose")
@policy.signed_in
def review_not_now(request: VaultRequest) -> Any:
    services.review_not_now(request.vault)
    return _review_out(request)


@router.post("/review/done", response=ReviewOut, auth=django_auth,
             summary="Note that you looked over your boundaries today")
@policy.signed_in
def review_done(request: VaultRequest) -> Any:
    services.mark_reviewed(request.vault)
    return _review_out(request)


# ---------------------------------------------------------------------------- comfort list


@router.get("/comfort", response=list[TextOut], auth=django_auth, summary="Your comfort list")
@policy.signed_in
def comfort_list(request: VaultRequest) -> Any:
    return [{"id": g.pk, "text": g.text} for g in services.comfort_list(request.vault)]


@router.post("/comfort", response={201: TextOut, **ERRORS}, auth=django_auth,
             summary="Add a gesture (up to five)")
@policy.signed_in
def comfort_add(request: VaultRequest, payload: TextIn) -> Any:
    try:
        gesture = services.add_comfort(request.vault, payload.text)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, {"id": gesture.pk, "text": gesture.text})


@router.put("/comfort/{gesture_id}", response={200: TextOut, **ERRORS}, auth=django_auth,
            summary="Change a gesture")
@policy.signed_in
def comfort_change(request: VaultRequest, gesture_id: UUID, payload: TextIn) -> Any:
    gesture = get_owned_or_404(ComfortGesture, request.vault, gesture_id)
    try:
        services.change_comfort(gesture, payload.text)
    except ValidationError as exc:
        return _invalid(exc)
    return {"id": gesture.pk, "text": gesture.text}


@router.delete("/comfort/{gesture_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Remove a gesture")
@policy.signed_in
def comfort_delete(request: VaultRequest, gesture_id: UUID) -> Any:
    get_owned_or_404(ComfortGesture, request.vault, gesture_id).delete()
    return Status(204, None)


# ---------------------------------------------------------------------------- situations


def _situation(s: Situation) -> dict[str, Any]:
    return {"id": s.pk, "title": s.title, "zone": s.zone, "notes": s.notes}


@router.get("/situations", response=list[SituationOut], auth=django_auth,
            summary="Your situations map")
@policy.signed_in
def situations_list(request: VaultRequest) -> Any:
    return [_situation(s) for s in services.situations(request.vault)]


@router.post("/situations", response={201: SituationOut, **ERRORS}, auth=django_auth,
             summary="Add a situation")
@policy.signed_in
def situation_add(request: VaultRequest, payload: SituationIn) -> Any:
    try:
        situation = services.add_situation(request.vault, payload.title, payload.zone,
                                           payload.notes)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, _situation(situation))


@router.put("/situations/{situation_id}", response={200: SituationOut, **ERRORS},
            auth=django_auth, summary="Change a situation (a move is kept in its history)")
@policy.signed_in
def situation_change(request: VaultRequest, situation_id: UUID, payload: SituationIn) -> Any:
    situation = get_owned_or_404(Situation, request.vault, situation_id)
    try:
        services.change_situation(situation, payload.title, payload.zone, payload.notes)
    except ValidationError as exc:
        return _invalid(exc)
    return _situation(situation)


@router.delete("/situations/{situation_id}", response={204: None, 404: Message},
               auth=django_auth, summary="Remove a situation and its history")
@policy.signed_in
def situation_delete(request: VaultRequest, situation_id: UUID) -> Any:
    get_owned_or_404(Situation, request.vault, situation_id).delete()
    return Status(204, None)


@router.get("/situation-changes", response=list[SituationChangeOut], auth=django_auth,
            summary="How your map changed, newest first, 25 a page")
@policy.signed_in
def situation_changes(request: VaultRequest, query: Query[PageNumber]) -> Any:
    return [{"id": c.pk, "situation_id": c.situation_id, "title": c.title, "before": c.before,
             "after": c.after, "created_at": c.created_at.isoformat()}
            for c in services.situation_history(request.vault, query.page)]


# ---------------------------------------------------------------------------- wishes


@router.get("/wishes", response=list[WishOut], auth=django_auth,
            summary="Your wishes and curiosities (private)")
@policy.signed_in
def wishes_list(request: VaultRequest) -> Any:
    return [_wish(w) for w in services.wishes(request.vault)]


@router.post("/wishes/answer", response={200: WishOut, **ERRORS}, auth=django_auth,
             summary="Answer a wish from Cove's list")
@policy.signed_in
def wish_answer(request: VaultRequest, payload: WishAnswerIn) -> Any:
    try:
        wish = services.answer_wish(request.vault, payload.key, payload.answer)
    except ValidationError as exc:
        return _invalid(exc)
    return _wish(wish)


@router.post("/wishes", response={201: WishOut, **ERRORS}, auth=django_auth,
             summary="Add your own wish")
@policy.signed_in
def wish_add(request: VaultRequest, payload: OwnWishIn) -> Any:
    try:
        wish = services.add_own_wish(request.vault, payload.title, payload.answer)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, _wish(wish))


@router.put("/wishes/{wish_id}", response={200: WishOut, **ERRORS}, auth=django_auth,
            summary="Change a wish's answer")
@policy.signed_in
def wish_change(request: VaultRequest, wish_id: UUID, payload: WishUpdateIn) -> Any:
    wish = get_owned_or_404(Wish, request.vault, wish_id)
    try:
        services.change_wish(wish, payload.answer)
    except ValidationError as exc:
        return _invalid(exc)
    return _wish(wish)


@router.delete("/wishes/{wish_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Remove one of your own wishes")
@policy.signed_in
def wish_delete(request: VaultRequest, wish_id: UUID) -> Any:
    wish = get_owned_or_404(Wish, request.vault, wish_id)
    if wish.key:
        return Status(404, {"detail": "Not Found"})
    wish.delete()
    return Status(204, None)


# ---------------------------------------------------------------------------- phrases


@router.get("/phrases", response=list[PhraseOut], auth=django_auth,
            summary="The phrase library with your favourites and your own phrases")
@policy.signed_in
def phrases_list(request: VaultRequest) -> Any:
    return [{"id": r.choice.pk if r.choice else None, "key": r.key, "moment": r.moment,
             "text": str(r.text), "favourite": r.favourite, "own": r.own}
            for _m, rows in services.phrase_library(request.vault) for r in rows]


@router.post("/phrases/favourite", response={200: PhraseOut, **ERRORS}, auth=django_auth,
             summary="Mark or unmark a phrase from Cove's library as a favourite")
@policy.signed_in
def phrase_favourite(request: VaultRequest, payload: FavouriteIn) -> Any:
    try:
        choice = services.set_favourite(request.vault, payload.key, payload.favourite)
    except ValidationError as exc:
        return _invalid(exc)
    return {"id": choice.pk, "key": choice.key, "moment": choice.moment,
            "text": str(choice.wording), "favourite": choice.favourite, "own": False}


@router.post("/phrases", response={201: PhraseOut, **ERRORS}, auth=django_auth,
             summary="Add your own phrase")
@policy.signed_in
def phrase_add(request: VaultRequest, payload: OwnPhraseIn) -> Any:
    try:
        choice = services.add_own_phrase(request.vault, payload.text, payload.moment,
                                         payload.favourite)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, {"id": choice.pk, "key": "", "moment": choice.moment, "text": choice.text,
                        "favourite": choice.favourite, "own": True})


@router.delete("/phrases/{choice_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Remove one of your own phrases")
@policy.signed_in
def phrase_delete(request: VaultRequest, choice_id: UUID) -> Any:
    choice = get_owned_or_404(PhraseChoice, request.vault, choice_id)
    if choice.key:
        return Status(404, {"detail": "Not Found"})
    choice.delete()
    return Status(204, None)


@router.get("/rehearse", response=list[str], auth=django_auth,
            summary="Phrases to practise: set=favourites, all, or a moment")
@policy.signed_in
def phrases_rehearse(request: VaultRequest, set: str = "all") -> Any:
    return [str(t) for t in services.rehearsal_set(request.vault, set)]
