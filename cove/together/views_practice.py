"""Practising together: choose a step, one calm screen for both, pause, aftercare, debrief.

Both screens ask `state/?v=<version>` once a second (htmx; plain HTTP, so it works
through any TLS proxy). An unchanged practice answers 204 with no body, so a poll costs
one indexed row read; a change answers the new state, which the page swaps in.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.core import policy
from cove.core.forms import CoveForm, submit
from cove.core.http import CoveRequest
from cove.partners.public import Link, get_link_record_or_404
from cove.safety.public import get_pause_plan
from cove.together import agreements, forms, practice, steps
from cove.together.choices import PracticeState
from cove.together.models import SharedPractice
from cove.together.views import button, link_context, saved

POLL_FOR = timedelta(hours=2)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def home(request: CoveRequest, link_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    if request.method == "POST":
        form = CoveForm(request.POST)
        started = submit(form, lambda _d: practice.start(request.vault, link,
                                                         request.POST.get("step", "")))
        if started is not None:
            return redirect("together:practice", link_id=link.pk, practice_id=started.pk)
        for error in form.non_field_errors():
            messages.error(request, str(error))
    going = practice.current(request.vault, link)
    past = list(practice.practices(request.vault, link)
                .filter(state=PracticeState.ENDED)[:5])
    return render(request, "together/practice_home.html", {
        **context, "going": going, "past": past,
        "steps": [] if going else steps.own_steps(request.vault),
        "minutes": agreements.current_terms(request.vault, link)["session_minutes"],
    })


def _state_context(request: CoveRequest, link: Link, shared: SharedPractice) -> dict[str, Any]:
    # Every poll counts as use for the idle lock, so a screen left open stops asking
    # after POLL_FOR (and once ended); reloading the page starts it again.
    polling = (shared.state != PracticeState.ENDED
               and timezone.now() - shared.created_at < POLL_FOR)
    context: dict[str, Any] = {"practice": shared, "polling": polling}
    if shared.state == PracticeState.PAUSED:
        terms = agreements.current_terms(request.vault, link)
        pause = terms["after_pause"]
        context.update({
            "pause_together": pause.get("together", ""),
            "pause_mine": pause.get(str(request.person.pk), ""),
            "stop_words": terms["stop_words"],
            "own_plan": get_pause_plan(request.vault),
        })
    return context


@policy.signed_in
@require_GET
def screen(request: CoveRequest, link_id: str, practice_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    shared = practice.get(request.vault, link, practice_id)
    return render(request, "together/practice.html", {
        **context, **_state_context(request, link, shared)})


@policy.signed_in
@never_cache
@require_GET
def state(request: CoveRequest, link_id: str, practice_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    shared = get_link_record_or_404(SharedPractice, request.vault, link, practice_id)
    if request.GET.get("v") == str(shared.version):
        return HttpResponse(status=204)
    return render(request, "together/includes/practice_state.html", {
        **context, **_state_context(request, link, shared)})


def _move(request: CoveRequest, link_id: str, practice_id: str, action: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    button(request, lambda: practice.move(request.vault, link, practice_id, action))
    if request.htmx:
        shared = practice.get(request.vault, link, practice_id)
        return render(request, "together/includes/practice_state.html", {
            **context, **_state_context(request, link, shared)})
    if action == "end":
        return redirect("together:after", link_id=link.pk, practice_id=practice_id)
    return redirect("together:practice", link_id=link.pk, practice_id=practice_id)


@policy.signed_in
@require_POST
def pause(request: CoveRequest, link_id: str, practice_id: str) -> HttpResponse:
    return _move(request, link_id, practice_id, "pause")


@policy.signed_in
@require_POST
def resume(request: CoveRequest, link_id: str, practice_id: str) -> HttpResponse:
    return _move(request, link_id, practice_id, "resume")


@policy.signed_in
@require_POST
def end(request: CoveRequest, link_id: str, practice_id: str) -> HttpResponse:
    return _move(request, link_id, practice_id, "end")


@policy.signed_in
@require_http_methods(["GET", "POST"])
def after(request: CoveRequest, link_id: str, practice_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    shared = practice.get(request.vault, link, practice_id)
    checklist = agreements.current_terms(request.vault, link)["aftercare"]
    care = forms.AftercareForm(request.POST if "done-form" in request.POST else None,
                               checklist=checklist, initial={"done": shared.aftercare_done})
    debrief = forms.DebriefForm(request.POST if "debrief-form" in request.POST else None)
    if request.method == "POST":
        if "done-form" in request.POST and submit(care, lambda data: saved(
                practice.tick_aftercare, request.vault, link, shared.pk, data["done"])):
            return redirect("together:after", link_id=link.pk, practice_id=shared.pk)
        if "debrief-form" in request.POST and submit(debrief, lambda data: saved(
                practice.write_debrief, request.vault, link, shared.pk,
                data["private_text"], data["shared_text"])):
            messages.success(request, _("Kept. Thank you for looking after yourself."))
            return redirect("together:after", link_id=link.pk, practice_id=shared.pk)
    me = request.person.pk
    return render(request, "together/practice_after.html", {
        **context, "practice": shared, "care": care, "debrief": debrief,
        "checklist": checklist,
        "notes": [(n, n.owner_id == me) for n in practice.shared_notes(request.vault, link,
                                                                      shared)],
        "mine": practice.my_debriefs(request.vault, shared),
    })
