"""Questionnaire operations: answer, list and fetch responses, and their FHIR R4 forms."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import JsonResponse
from ninja import Field, Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import StrictInt

from cove.core import policy
from cove.core.http import CoveRequest
from cove.core.paging import Paging
from cove.measures import export, fhir, instruments, services
from cove.measures.choices import Band
from cove.measures.models import MeasureResponse
from cove.vault.sessions_reauth import recently_reauthenticated

PREFIX = "/measures/"
router = Router(tags=["measures"])

MAX_ANSWERS = 100  # far above any instrument; keeps absurd bodies cheap to refuse


class Message(Schema):
    detail: str


class ResponseIn(Schema):
    answers: list[StrictInt] = Field(max_length=MAX_ANSWERS,
                                     description="One whole number per question, in order.")
    difficulty: StrictInt | None = Field(
        default=None,
        description="PHQ-9 and GAD-7: the optional, unscored difficulty question (0-3).")


class ScoreChangeOut(Schema):
    previous_total: int
    difference: int
    response: bool | None = None
    clinically_meaningful: bool | None = None


class ResponseOut(Schema):
    id: uuid.UUID
    instrument: str
    authored: str
    answers: list[int]
    total: int
    max_total: int
    band: Band | None = None
    clusters: dict[str, int] | None = None
    provisional_pattern: bool | None = None
    at_or_above_cutpoint: bool | None = Field(
        default=None, description="PCL-5: the total is at or above `cutpoint` (reported beside "
                                  "the cluster pattern; either is worth discussing).")
    cutpoint: int | None = Field(
        default=None, description="PCL-5: the cut-point used (33 unless the operator chose "
                                  "31 or 32 with COVE_PCL5_CUT_POINT).")
    further_help_suggested: bool | None = Field(
        default=None, description="The total is where the authors suggest talking to a "
                                  "professional (PHQ-9 and GAD-7 at 10 or more; PCL-5 at the "
                                  "cut-point).")
    safety_response: bool | None = None
    change: ScoreChangeOut | None = None
    difficulty: int | None = None


class InstrumentOut(Schema):
    id: str
    title: str
    items: int
    min_answer: int
    max_answer: int
    max_total: int


def _unknown() -> Any:
    return Status(404, {"detail": "There is no questionnaire with that id."})


def _as_out(response: MeasureResponse) -> dict[str, Any]:
    score = services.score_of(response)
    body = score.as_dict()
    body.update({
        "id": response.pk,
        "authored": response.created_at.isoformat(),
        "answers": response.answer_list,
        "difficulty": response.extra_answers.get("difficulty"),
    })
    return body


@router.get("/", response={200: list[InstrumentOut]}, auth=django_auth,
            summary="The questionnaires you can answer")
@policy.signed_in
def list_instruments(request: CoveRequest) -> Any:
    return [
        {"id": i.id, "title": i.title, "items": len(i.items), "min_answer": i.min_answer,
         "max_answer": i.max_answer, "max_total": i.max_total}
        for i in instruments.all_instruments()
    ]


@router.get("/responses", response={200: list[ResponseOut]}, auth=django_auth,
            summary="Your responses, newest first")
@policy.signed_in
def list_responses(request: CoveRequest, paging: Query[Paging]) -> Any:
    rows = services.responses_for(request.vault, None, paging.limit, paging.offset)
    return [_as_out(r) for r in rows]


@router.get("/responses/{response_id}", response={200: ResponseOut, 404: Message},
            auth=django_auth, summary="One of your responses")
@policy.signed_in
def get_response(request: CoveRequest, response_id: str) -> Any:
    return _as_out(services.get_response(request.vault, response_id))


@router.get("/responses/{response_id}/fhir", response={200: dict, 404: Message},
            auth=django_auth, summary="One of your responses as a FHIR R4 QuestionnaireResponse")
@policy.signed_in
def get_response_fhir(request: CoveRequest, response_id: str) -> Any:
    response = services.get_response(request.vault, response_id)
    resource = fhir.questionnaire_response(response)
    if resource is None:
        return Status(404, {"detail": "Not found."})
    return resource


@router.get("/fhir", response={200: dict, 403: Message}, auth=django_auth,
            summary="All questionnaires and your responses as a FHIR R4 Bundle "
                    "(confirm your passphrase first: POST /api/v1/auth/reauth)")
@policy.signed_in
def fhir_bundle(request: CoveRequest) -> Any:
    if not recently_reauthenticated(request):
        return JsonResponse({"detail": "Please confirm your passphrase first "
                             "(POST /api/v1/auth/reauth)."}, status=403)
    return export.export_answers(request.person, request.vault)


@router.get("/{instrument}/questionnaire", response={200: dict, 404: Message}, auth=django_auth,
            summary="A questionnaire as a FHIR R4 Questionnaire")
@policy.signed_in
def get_questionnaire(request: CoveRequest, instrument: str) -> Any:
    found = instruments.get(instrument)
    if found is None:
        return _unknown()
    return fhir.questionnaire(found)


@router.get("/{instrument}/responses", response={200: list[ResponseOut], 404: Message},
            auth=django_auth, summary="Your responses to one questionnaire, newest first")
@policy.signed_in
def list_instrument_responses(request: CoveRequest, instrument: str,
                              paging: Query[Paging]) -> Any:
    found = instruments.get(instrument)
    if found is None:
        return _unknown()
    rows = services.responses_for(request.vault, found.id, paging.limit, paging.offset)
    return [_as_out(r) for r in rows]


@router.post("/{instrument}/responses", response={201: ResponseOut, 404: Message, 422: dict},
             auth=django_auth, summary="Answer a questionnaire; returns the score")
@policy.signed_in
def create_response(request: CoveRequest, instrument: str, payload: ResponseIn) -> Any:
    found = instruments.get(instrument)
    if found is None:
        return _unknown()
    extras = {"difficulty": payload.difficulty} if payload.difficulty is not None else {}
    recorded = services.record_response(request.vault, found, payload.answers, extras)
    return Status(201, _as_out(recorded.response))
