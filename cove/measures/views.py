"""Questionnaire pages: thin views over services; every view declares its access policy."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from cove.accounts import credentials
from cove.accounts import forms as account_forms
from cove.accounts.errors import waiting
from cove.core import policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.help.public import crisis_help
from cove.measures import export, instruments, services
from cove.measures.explain import explain
from cove.measures.forms import QuestionnaireForm
from cove.measures.instruments import Instrument

SAFETY_PLAN_URL = "/plan/"


def _instrument_or_404(slot: str) -> Instrument:
    instrument = instruments.by_slot(slot)
    if instrument is None:
        raise Http404
    return instrument


def _help_context(request: CoveRequest) -> dict[str, Any]:
    return {"crisis": crisis_help(request), "safety_plan_url": SAFETY_PLAN_URL}


@policy.signed_in
@require_GET
def index(request: CoveRequest) -> HttpResponse:
    return render(request, "measures/index.html", {
        "instruments": [(i, explain.about(i)) for i in instruments.all_instruments()],
        **_help_context(request),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def take(request: CoveRequest, slot: str) -> HttpResponse:
    instrument = _instrument_or_404(slot)
    if request.method == "GET" and instrument.content_note and request.GET.get("begin") != "1":
        return render(request, "measures/note.html", {"instrument": instrument})
    form = QuestionnaireForm(instrument, request.POST or None)
    if request.method == "POST":
        recorded = submit(form, lambda _data: services.record_response(
            request.vault, instrument, form.answers(), form.extra_answers()))
        if recorded is not None:
            return redirect("measures:result", response_id=recorded.response.pk)
    return render(request, "measures/form.html", {
        "instrument": instrument, "form": form, "questions": form.questions(),
        "about": explain.about(instrument),
        **_help_context(request),
    })


@policy.signed_in
@require_GET
def result(request: CoveRequest, response_id: uuid.UUID) -> HttpResponse:
    response = services.get_response(request.vault, response_id)
    instrument = services.instrument_of(response)
    if instrument is None:
        raise Http404
    score = services.score_of(response)
    return render(request, "measures/result.html", {
        "instrument": instrument,
        "response": response,
        "score": score,
        "explained": explain.result(instrument, score),
        **_help_context(request),
    })


@policy.signed_in
@require_GET
def past(request: CoveRequest) -> HttpResponse:
    page = services.responses_page(request.vault, request.GET.get("page"))
    rows = []
    for response in page.object_list:
        instrument = services.instrument_of(response)
        if instrument is not None:
            rows.append({"response": response, "instrument": instrument,
                         "score": services.score_of(response)})
    return render(request, "measures/past.html", {"page": page, "rows": rows})


@policy.signed_in
@transaction.non_atomic_requests  # the passphrase check runs before any transaction
@require_http_methods(["GET", "POST"])
def download(request: CoveRequest) -> HttpResponse:
    """The person's questionnaires and answers as a FHIR R4 Bundle, after the passphrase."""
    form = account_forms.PassphraseCheckForm(request.POST or None)
    confirmed = None
    if request.method == "POST":
        confirmed = submit(form, lambda data: credentials.reauthenticate(request,
                                                                         data["passphrase"]))
    if confirmed is not None:
        bundle = export.export_answers(request.person, request.vault)
        body = json.dumps(bundle, indent=2, ensure_ascii=False)
        response = HttpResponse(body, content_type="application/fhir+json; charset=utf-8")
        stamp = timezone.now().strftime("%Y-%m-%d")
        response["Content-Disposition"] = f'attachment; filename="answers-{stamp}.json"'
        return response
    return waiting(render(request, "measures/download.html", {"form": form}), form)
