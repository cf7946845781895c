"""Practice pages: the check-in, then before / during / after, with pause from every phase.

The phase lives on the server (PracticeSession.phase). Each page posts one small form, so
a practice cut short by a closed tab, a lost network or "Leave quickly" keeps everything
up to the last saved phase, and the person can come back to it or leave it be.
"""

from __future__ import annotations

from dataclasses import fields

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.core import policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.ladder import forms, services
from cove.ladder import models as m
from cove.ladder.choices import DuringAnswer
from cove.ladder.models import ComfortStep, PracticeSession
from cove.safety.public import PausePlan, get_aftercare_wishes, get_pause_plan
from cove.vault.records import get_owned_or_404

TEMPLATES: dict[str, str] = {
    m.BEFORE: "ladder/practice_before.html",
    m.DURING: "ladder/practice_during.html",
    m.PAUSED: "ladder/practice_paused.html",
    m.AFTER: "ladder/practice_after.html",
    m.ENDED: "ladder/practice_ended.html",
}


def _to_session(session: PracticeSession) -> HttpResponse:
    return redirect("ladder:practice", session_id=session.pk)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def begin(request: CoveRequest, step_id: str) -> HttpResponse:
    """The consent check-in. Only a clear yes starts a practice; nothing else is stored."""
    vault = request.vault
    step = get_owned_or_404(ComfortStep, vault, step_id)
    context: dict[str, object] = {"step": step}
    if request.method == "POST":
        answer = request.POST.get("answer", "")
        if answer == services.YES:
            session = services.start_practice(vault, step, answer)
            assert session is not None
            return _to_session(session)
        if answer == services.NOT_SURE:
            return render(request, "ladder/checkin_not_sure.html", context)
        if answer == services.NO:
            return render(request, "ladder/checkin_no.html", context)
        context["error"] = _("Please choose one of the three answers. Each one is fine.")
    status = 400 if "error" in context else 200
    return render(request, "ladder/checkin.html", context, status=status)


@policy.public
@transaction.non_atomic_requests  # a reading page: no transaction (none at all for visitors)
@require_GET
def pause_page(request: HttpRequest) -> HttpResponse:
    """The pause screen. It never asks for a sign-in or the passphrase.

    Unlocked: the person's own pause plan (and, from a check-in, the step's choices).
    Signed out, locked or offline (the service worker keeps this page as a visitor sees
    it): the pause plan from the copy of the plan kept on this device, if the person chose
    to keep one, and a way back to the here and now.
    """
    vault = getattr(request, "vault", None)
    if vault is None:
        return render(request, "ladder/pause_public.html", {
            "pause_parts": " ".join(f.name for f in fields(PausePlan)),
            "plan_url": reverse("safety:calm"),
        })
    step: ComfortStep | None = None
    if request.GET.get("step"):
        step = get_owned_or_404(ComfortStep, vault, request.GET["step"])
    return render(request, "ladder/pause.html",
                  {"step": step, "pause_plan": get_pause_plan(vault)})


def _phase_context(request: CoveRequest, session: PracticeSession) -> dict[str, object]:
    vault = request.vault
    step = services.step_of(vault, session)
    words = services.distress_words(vault)
    context: dict[str, object] = {"session": session, "step": step, "words": words}
    if session.phase == m.BEFORE:
        context["form"] = forms.BeforeForm(words=words, initial={
            "expected": session.distress_expected if session.distress_expected is not None
            else step.expected_distress or 0,
            "now": 0, "minutes": session.planned_minutes, "checkin_every": 0,
        })
    elif session.phase == m.AFTER:
        context["form"] = forms.AfterForm(words=words, aftercare_wishes=get_aftercare_wishes(vault),
                                          initial={"peak": 0, "now": 0})
    elif session.phase == m.PAUSED:
        context["pause_plan"] = get_pause_plan(vault)
    elif session.phase == m.ENDED:
        context["ratings"] = [
            (label, value, services.words_for(value, words)) for label, value in (
                (_("Expected"), session.distress_expected),
                (_("Before"), session.distress_before),
                (_("Peak"), session.distress_peak), (_("After"), session.distress_after),
            )
        ]
    return context


@policy.signed_in
@require_GET
def practice(request: CoveRequest, session_id: str) -> HttpResponse:
    session = get_owned_or_404(PracticeSession, request.vault, session_id)
    return render(request, TEMPLATES[session.phase], _phase_context(request, session))


def _phase_moved(request: HttpRequest, session: PracticeSession) -> HttpResponse:
    messages.info(request, _("This practice has moved on already. Here is where it is now."))
    return _to_session(session)


@policy.signed_in
@require_POST
def before(request: CoveRequest, session_id: str) -> HttpResponse:
    vault = request.vault
    session = get_owned_or_404(PracticeSession, vault, session_id)
    if session.phase != m.BEFORE:
        return _phase_moved(request, session)
    words = services.distress_words(vault)
    form = forms.BeforeForm(request.POST, words=words)
    if submit(form, lambda data: services.record_before(
            session, expected=None if data["skip_ratings"] else data["expected"],
            now=None if data["skip_ratings"] else data["now"], minutes=data["minutes"],
            fear=data["fear"], checkin_every=data["checkin_every"])):
        return _to_session(session)
    context = _phase_context(request, session)
    context["form"] = form
    return render(request, TEMPLATES[m.BEFORE], context, status=400)


@policy.signed_in
@require_POST
def during(request: CoveRequest, session_id: str) -> HttpResponse:
    """A gentle check-in answer (continue / slow / pause), or "I'm finished"."""
    session = get_owned_or_404(PracticeSession, request.vault, session_id)
    if session.phase != m.DURING:
        return _phase_moved(request, session)
    answer = request.POST.get("answer", "")
    if answer == DuringAnswer.FINISHED:
        services.finish_during(session)
    elif answer in (services.CONTINUE, services.SLOW, services.PAUSE):
        services.record_gentle_checkin(session, answer)
        if answer == services.SLOW:
            messages.info(request, _("Slowing down is a good choice. Take all the time you need."))
        elif answer == services.CONTINUE:
            messages.info(request, _("Thank you for checking in."))
    else:
        messages.error(request, _("Please choose continue, slow down or pause."))
    return _to_session(session)


@policy.public
@require_POST
def pause(request: HttpRequest, session_id: str) -> HttpResponse:
    """Pause at once, from any phase. No confirmation, no questions, and no sign-in.

    When the vault is locked or the session has ended, the pause cannot be written down,
    but it is never refused: the pause screen comes up all the same.
    """
    vault = getattr(request, "vault", None)
    if vault is None:
        return redirect("ladder:pause")
    session = get_owned_or_404(PracticeSession, vault, session_id)
    services.pause_practice(session)
    return _to_session(session)


@policy.signed_in
@require_POST
def resume(request: CoveRequest, session_id: str) -> HttpResponse:
    session = get_owned_or_404(PracticeSession, request.vault, session_id)
    if session.phase == m.PAUSED:
        services.resume_practice(session)
    return _to_session(session)


@policy.signed_in
@require_POST
def end(request: CoveRequest, session_id: str) -> HttpResponse:
    session = get_owned_or_404(PracticeSession, request.vault, session_id)
    services.end_for_today(session)
    return _to_session(session)


@policy.signed_in
@require_POST
def smaller(request: CoveRequest, session_id: str) -> HttpResponse:
    """End this practice kindly and go to making the step smaller."""
    session = get_owned_or_404(PracticeSession, request.vault, session_id)
    services.end_for_today(session, outcome=m.MADE_SMALLER)
    return redirect("ladder:split", step_id=session.step_id)


@policy.signed_in
@require_POST
def after(request: CoveRequest, session_id: str) -> HttpResponse:
    vault = request.vault
    session = get_owned_or_404(PracticeSession, vault, session_id)
    if session.phase != m.AFTER:
        return _phase_moved(request, session)
    form = forms.AfterForm(request.POST, words=services.distress_words(vault),
                           aftercare_wishes=get_aftercare_wishes(vault))
    if submit(form, lambda data: services.record_after(
            session, peak=None if data["skip_ratings"] else data["peak"],
            after=None if data["skip_ratings"] else data["now"],
            aftercare_done=data.get("aftercare") or [],
            aftercare_skipped=bool(data.get("aftercare_skipped")),
            felt_ok=data["felt_ok"], was_hard=data["was_hard"],
            compared_to_fear=data["compared_to_fear"], would_change=data["would_change"],
            small_win=data["small_win"])):
        return _to_session(session)
    context = _phase_context(request, session)
    context["form"] = form
    return render(request, TEMPLATES[m.AFTER], context, status=400)
