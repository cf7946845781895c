"""Boundaries operations (tag `boundaries`): the same services as the pages, as JSON.

The inventory, its history and review are in inventory_api.py; this module adds the
comfort list, the situations map, wishes and consent phrases to the same router.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from ninja import Query, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from cove.boundaries import comfort, phrases, situations, wishes
from cove.boundaries.choices import Moment, WishAnswer, Zone
from cove.boundaries.inventory_api import EDIT_ERRORS, ERRORS, TEXT, VERSION, Message, router
from cove.boundaries.models import Situation, Wish
from cove.core import policy
from cove.core.http import CoveRequest
from cove.core.paging import PageNumber

PREFIX = "/boundaries/"
__all__ = ["PREFIX", "router"]


class TextIn(Schema):
    text: str = Field(max_length=TEXT)


class TextEditIn(TextIn):
    version: int | None = VERSION


class TextOut(Schema):
    id: UUID
    text: str
    version: int


class SituationIn(Schema):
    title: str = Field(max_length=TEXT)
    zone: Zone = Field(description="manageable, plan or avoid")
    notes: str = Field("", max_length=TEXT)


class SituationEditIn(SituationIn):
    version: int | None = VERSION


class SituationOut(Schema):
    id: UUID
    title: str
    zone: str
    notes: str
    version: int


class SituationChangeOut(Schema):
    id: UUID
    situation_id: UUID
    title: str
    before: str
    after: str
    created_at: str


class WishAnswerIn(Schema):
    key: str = Field(max_length=100)
    answer: WishAnswer = Field(WishAnswer.NOT_SURE,
                               description="yes, maybe, no, or '' (not sure yet)")


class OwnWishIn(Schema):
    title: str = Field(max_length=TEXT)
    answer: WishAnswer = WishAnswer.NOT_SURE


class WishUpdateIn(Schema):
    answer: WishAnswer = WishAnswer.NOT_SURE
    version: int | None = VERSION


class WishOut(Schema):
    id: UUID
    key: str
    title: str
    answer: str
    own: bool
    version: int


def _wish(wish: Wish) -> dict[str, Any]:
    return {"id": wish.pk, "key": wish.key, "title": str(wish.label), "answer": wish.answer,
            "own": not wish.key, "version": wish.version}


class FavouriteIn(Schema):
    key: str = Field(max_length=100)
    favourite: bool = True


class OwnPhraseIn(Schema):
    text: str = Field(max_length=TEXT)
    moment: Moment
    favourite: bool = True


class PhraseOut(Schema):
    id: UUID | None
    key: str
    moment: str
    text: str
    favourite: bool
    own: bool


# ---------------------------------------------------------------------------- comfort list


def _gesture(gesture: Any) -> dict[str, Any]:
    return {"id": gesture.pk, "text": gesture.text, "version": gesture.version}


@router.get("/comfort", response=list[TextOut], auth=django_auth, summary="Your comfort list")
@policy.signed_in
def comfort_list(request: CoveRequest) -> Any:
    return [_gesture(g) for g in comfort.comfort_list(request.vault)]


@router.post("/comfort", response={201: TextOut, **ERRORS}, auth=django_auth,
             summary="Add a gesture (up to five)")
@policy.signed_in
def comfort_add(request: CoveRequest, payload: TextIn) -> Any:
    return Status(201, _gesture(comfort.add_comfort(request.vault, payload.text)))


@router.put("/comfort/{gesture_id}", response={200: TextOut, **EDIT_ERRORS}, auth=django_auth,
            summary="Change a gesture")
@policy.signed_in
def comfort_change(request: CoveRequest, gesture_id: UUID, payload: TextEditIn) -> Any:
    return _gesture(comfort.change_comfort(request.vault, gesture_id, payload.text,
                                           version=payload.version))


@router.delete("/comfort/{gesture_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Remove a gesture")
@policy.signed_in
def comfort_delete(request: CoveRequest, gesture_id: UUID) -> Any:
    comfort.remove_comfort(request.vault, gesture_id)
    return Status(204, None)


# ---------------------------------------------------------------------------- situations


def _situation(s: Situation) -> dict[str, Any]:
    return {"id": s.pk, "title": s.title, "zone": s.zone, "notes": s.notes,
            "version": s.version}


@router.get("/situations", response=list[SituationOut], auth=django_auth,
            summary="Your situations map")
@policy.signed_in
def situations_list(request: CoveRequest) -> Any:
    return [_situation(s) for s in situations.situations(request.vault)]


@router.post("/situations", response={201: SituationOut, **ERRORS}, auth=django_auth,
             summary="Add a situation")
@policy.signed_in
def situation_add(request: CoveRequest, payload: SituationIn) -> Any:
    situation = situations.add_situation(request.vault, payload.title, payload.zone,
                                         payload.notes)
    return Status(201, _situation(situation))


@router.put("/situations/{situation_id}", response={200: SituationOut, **EDIT_ERRORS},
            auth=django_auth, summary="Change a situation (a move is kept in its history)")
@policy.signed_in
def situation_change(request: CoveRequest, situation_id: UUID,
                     payload: SituationEditIn) -> Any:
    return _situation(situations.change_situation(
        request.vault, situation_id, payload.title, payload.zone, payload.notes,
        version=payload.version))


@router.delete("/situations/{situation_id}", response={204: None, 404: Message},
               auth=django_auth, summary="Remove a situation and its history")
@policy.signed_in
def situation_delete(request: CoveRequest, situation_id: UUID) -> Any:
    situations.remove_situation(request.vault, situation_id)
    return Status(204, None)


@router.get("/situation-changes", response=list[SituationChangeOut], auth=django_auth,
            summary="How your map changed, newest first, 25 a page")
@policy.signed_in
def situation_changes(request: CoveRequest, query: Query[PageNumber]) -> Any:
    return [{"id": c.pk, "situation_id": c.situation_id, "title": c.title, "before": c.before,
             "after": c.after, "created_at": c.created_at.isoformat()}
            for c in situations.situation_history(request.vault, query.page)]


# ---------------------------------------------------------------------------- wishes


@router.get("/wishes", response=list[WishOut], auth=django_auth,
            summary="Your wishes and curiosities (private)")
@policy.signed_in
def wishes_list(request: CoveRequest) -> Any:
    return [_wish(w) for w in wishes.wishes(request.vault)]


@router.post("/wishes/answer", response={200: WishOut, **ERRORS}, auth=django_auth,
             summary="Answer a wish from Cove's list")
@policy.signed_in
def wish_answer(request: CoveRequest, payload: WishAnswerIn) -> Any:
    return _wish(wishes.answer_wish(request.vault, payload.key, payload.answer))


@router.post("/wishes", response={201: WishOut, **ERRORS}, auth=django_auth,
             summary="Add your own wish")
@policy.signed_in
def wish_add(request: CoveRequest, payload: OwnWishIn) -> Any:
    return Status(201, _wish(wishes.add_own_wish(request.vault, payload.title, payload.answer)))


@router.put("/wishes/{wish_id}", response={200: WishOut, **EDIT_ERRORS}, auth=django_auth,
            summary="Change a wish's answer")
@policy.signed_in
def wish_change(request: CoveRequest, wish_id: UUID, payload: WishUpdateIn) -> Any:
    return _wish(wishes.change_wish(request.vault, wish_id, payload.answer,
                                    version=payload.version))


@router.delete("/wishes/{wish_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Remove one of your own wishes")
@policy.signed_in
def wish_delete(request: CoveRequest, wish_id: UUID) -> Any:
    wishes.remove_own_wish(request.vault, wish_id)
    return Status(204, None)


# ---------------------------------------------------------------------------- phrases


@router.get("/phrases", response=list[PhraseOut], auth=django_auth,
            summary="The phrase library with your favourites and your own phrases")
@policy.signed_in
def phrases_list(request: CoveRequest) -> Any:
    return [{"id": r.choice.pk if r.choice else None, "key": r.key, "moment": r.moment,
             "text": str(r.text), "favourite": r.favourite, "own": r.own}
            for _m, rows in phrases.phrase_library(request.vault) for r in rows]


@router.post("/phrases/favourite", response={200: PhraseOut, **ERRORS}, auth=django_auth,
             summary="Mark or unmark a phrase from Cove's library as a favourite")
@policy.signed_in
def phrase_favourite(request: CoveRequest, payload: FavouriteIn) -> Any:
    choice = phrases.set_favourite(request.vault, payload.key, payload.favourite)
    return {"id": choice.pk, "key": choice.key, "moment": choice.moment,
            "text": str(choice.wording), "favourite": choice.favourite, "own": False}


@router.post("/phrases", response={201: PhraseOut, **ERRORS}, auth=django_auth,
             summary="Add your own phrase")
@policy.signed_in
def phrase_add(request: CoveRequest, payload: OwnPhraseIn) -> Any:
    choice = phrases.add_own_phrase(request.vault, payload.text, payload.moment,
                                    payload.favourite)
    return Status(201, {"id": choice.pk, "key": "", "moment": choice.moment, "text": choice.text,
                        "favourite": choice.favourite, "own": True})


@router.delete("/phrases/{choice_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Remove one of your own phrases")
@policy.signed_in
def phrase_delete(request: CoveRequest, choice_id: UUID) -> Any:
    phrases.remove_own_phrase(request.vault, choice_id)
    return Status(204, None)


@router.get("/rehearse", response=list[str], auth=django_auth,
            summary="Phrases to practise: set=favourites, all, or a moment")
@policy.signed_in
def phrases_rehearse(request: CoveRequest, set: str = "all") -> Any:
    return [str(t) for t in phrases.rehearsal_set(request.vault, set)]
