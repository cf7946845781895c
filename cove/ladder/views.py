"""Ladder pages: ladders, steps, distress words and the progress of a step (thin views)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.core import policy
from cove.ladder import charts, forms, services
from cove.ladder.models import STATUSES, ComfortStep, Ladder
from cove.ladder.starters import STARTERS
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_or_404


def vault_of(request: HttpRequest) -> Vault:
    vault: Vault = request.vault  # type: ignore[attr-defined]
    return vault


def _step_initial(step: ComfortStep) -> dict[str, Any]:
    return {"title": step.title, "with_whom": step.with_whom, "minutes": step.minutes,
            "expected_distress": step.expected_distress, "notes": step.notes,
            "status": step.status}


@policy.signed_in
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    vault = vault_of(request)
    return render(request, "ladder/index.html", {"ladders": services.ladders_of(vault)})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def new_ladder(request: HttpRequest) -> HttpResponse:
    form = forms.NewLadderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ladder = services.create_ladder(vault_of(request), form.cleaned_data["title"],
                                        form.cleaned_data["starter"])
        messages.success(request, _("Your ladder is ready. Change anything you like."))
        return redirect("ladder:ladder", ladder_id=ladder.pk)
    return render(request, "ladder/new_ladder.html", {"form": form, "starters": STARTERS})


@policy.signed_in
@require_GET
def ladder_page(request: HttpRequest, ladder_id: str) -> HttpResponse:
    vault = vault_of(request)
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    steps = services.steps_of(vault, ladder)
    for step in steps:
        step.links = _step_links(step)  # type: ignore[attr-defined]
    return render(request, "ladder/ladder.html", {
        "ladder": ladder, "steps": steps,
        "statuses": [(value, str(label)) for value, label in STATUSES.items()],
    })


# Every step URL shares the step page's prefix, so one reverse() per step is enough; the
# ladder page would otherwise reverse six URLs for every step on it.
_STEP_ACTIONS = ("begin", "smaller", "move", "status")


def _step_links(step: ComfortStep) -> dict[str, str]:
    base = reverse("ladder:step", args=[step.pk])
    return {"page": base, **{action: f"{base}{action}/" for action in _STEP_ACTIONS}}


@policy.signed_in
@require_http_methods(["GET", "POST"])
def edit_ladder(request: HttpRequest, ladder_id: str) -> HttpResponse:
    ladder = get_owned_or_404(Ladder, vault_of(request), ladder_id)
    form = forms.LadderForm(request.POST or None,
                            initial={"title": ladder.title, "about": ladder.about})
    if request.method == "POST" and form.is_valid():
        services.update_ladder(ladder, form.cleaned_data["title"], form.cleaned_data["about"])
        messages.success(request, _("Saved."))
        return redirect("ladder:ladder", ladder_id=ladder.pk)
    return render(request, "ladder/edit_ladder.html", {"form": form, "ladder": ladder})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def delete_ladder(request: HttpRequest, ladder_id: str) -> HttpResponse:
    ladder = get_owned_or_404(Ladder, vault_of(request), ladder_id)
    if request.method == "POST":
        services.delete_ladder(ladder)
        messages.success(request, _("The ladder and its practices are gone."))
        return redirect("ladder:index")
    return render(request, "ladder/delete.html", {"ladder": ladder, "what": "ladder"})


@policy.signed_in
@require_POST
def reorder(request: HttpRequest, ladder_id: str) -> HttpResponse:
    """Drag and drop sends the new order here; move up/down buttons work without it."""
    vault = vault_of(request)
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    services.reorder_steps(vault, ladder, request.POST.getlist("step"))
    if request.headers.get("X-Requested-With") == "fetch":
        return JsonResponse({"detail": _("New order saved.")})
    return redirect("ladder:ladder", ladder_id=ladder.pk)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def new_step(request: HttpRequest, ladder_id: str) -> HttpResponse:
    vault = vault_of(request)
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    words = services.distress_words(vault)
    form = forms.StepForm(request.POST or None, words=words,
                          initial={"expected_distress": 25})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_step(vault, ladder, **form.cleaned_data)
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Step added."))
            return redirect("ladder:ladder", ladder_id=ladder.pk)
    return render(request, "ladder/step_form.html",
                  {"form": form, "ladder": ladder, "step": None})


@policy.signed_in
@require_GET
def step_page(request: HttpRequest, step_id: str) -> HttpResponse:
    vault = vault_of(request)
    step = get_owned_or_404(ComfortStep, vault, step_id)
    sessions = services.sessions_of_step(vault, step, limit=20)
    return render(request, "ladder/step.html", {
        "step": step, "ladder": services.ladder_of(vault, step), "sessions": sessions,
        "words": services.distress_words(vault),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def edit_step(request: HttpRequest, step_id: str) -> HttpResponse:
    vault = vault_of(request)
    step = get_owned_or_404(ComfortStep, vault, step_id)
    form = forms.StepForm(request.POST or None, words=services.distress_words(vault),
                          initial=_step_initial(step))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_step(step, **form.cleaned_data)
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect("ladder:step", step_id=step.pk)
    return render(request, "ladder/step_form.html",
                  {"form": form, "ladder": services.ladder_of(vault, step), "step": step})


@policy.signed_in
@require_POST
def set_status(request: HttpRequest, step_id: str) -> HttpResponse:
    step = get_owned_or_404(ComfortStep, vault_of(request), step_id)
    # The ladder page sends every step's choice in one shared form, each named for its step.
    prefix = str(step.pk) if f"{step.pk}-status" in request.POST else None
    form = forms.StatusForm(request.POST, prefix=prefix)
    if form.is_valid():
        services.set_status(step, form.cleaned_data["status"])
        messages.success(request, _("Saved: %(status)s.") % {"status": step.status_label})
    else:
        messages.error(request, _("Please choose one of the statuses."))
    return redirect("ladder:ladder", ladder_id=step.ladder_id)


@policy.signed_in
@require_POST
def move_step(request: HttpRequest, step_id: str) -> HttpResponse:
    vault = vault_of(request)
    step = get_owned_or_404(ComfortStep, vault, step_id)
    direction = request.POST.get("direction", "")
    try:
        services.move_step(vault, step, direction)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Moved: %(title)s.") % {"title": step.title})
    response = redirect("ladder:ladder", ladder_id=step.ladder_id)
    response["Location"] += f"#step-{step.pk}"
    return response


@policy.signed_in
@require_http_methods(["GET", "POST"])
def split_step(request: HttpRequest, step_id: str) -> HttpResponse:
    vault = vault_of(request)
    step = get_owned_or_404(ComfortStep, vault, step_id)
    expected = step.expected_distress
    gentler = max(0, (expected or 20) - 10)
    form = forms.SplitForm(request.POST or None, words=services.distress_words(vault), initial={
        "first": step.title, "second": step.title,
        "first_distress": max(0, gentler - 10), "second_distress": gentler,
    })
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.split_step(vault, step, data["first"], data["second"],
                                data["first_distress"], data["second_distress"])
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your step is now two gentler steps."))
            return redirect("ladder:ladder", ladder_id=step.ladder_id)
    return render(request, "ladder/split.html", {"form": form, "step": step})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def delete_step(request: HttpRequest, step_id: str) -> HttpResponse:
    step = get_owned_or_404(ComfortStep, vault_of(request), step_id)
    if request.method == "POST":
        ladder_id = step.ladder_id
        services.delete_step(step)
        messages.success(request, _("The step and its practices are gone."))
        return redirect("ladder:ladder", ladder_id=ladder_id)
    return render(request, "ladder/delete.html", {"step": step, "what": "step"})


@policy.signed_in
@require_GET
def step_progress(request: HttpRequest, step_id: str) -> HttpResponse:
    vault = vault_of(request)
    step = get_owned_or_404(ComfortStep, vault, step_id)
    points = services.step_progress(vault, step)
    show_facts = request.GET.get("facts") == "1"
    return render(request, "ladder/progress.html", {
        "step": step, "points": points, "chart": charts.distress_chart(points),
        "facts": services.progress_facts(points) if show_facts else None,
        "show_facts": show_facts,
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def distress_words(request: HttpRequest) -> HttpResponse:
    vault = vault_of(request)
    current = services.distress_words(vault)
    form = forms.WordsForm(request.POST or None,
                           initial={f"w{point}": text for point, text in current.items()})
    if request.method == "POST" and form.is_valid():
        services.save_distress_words(
            vault, {point: form.cleaned_data[f"w{point}"] for point in current})
        messages.success(request, _("Your words are saved. You will see them beside every rating."))
        return redirect("ladder:words")
    return render(request, "ladder/words.html", {"form": form})
