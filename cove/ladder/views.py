"""Ladder pages: ladders, steps, distress words and the progress of a step (thin views)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.core import policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.ladder import charts, forms, services
from cove.ladder.choices import StepStatus
from cove.ladder.models import ComfortStep, Ladder
from cove.ladder.starters import STARTERS
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_or_404


def _step_initial(step: ComfortStep) -> dict[str, Any]:
    return {"title": step.title, "with_whom": step.with_whom, "minutes": step.minutes,
            "expected_distress": step.expected_distress, "notes": step.notes,
            "status": step.status, "version": step.version}


@policy.signed_in
@require_GET
def index(request: CoveRequest) -> HttpResponse:
    return render(request, "ladder/index.html", {"ladders": services.ladders_of(request.vault)})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def new_ladder(request: CoveRequest) -> HttpResponse:
    form = forms.NewLadderForm(request.POST or None)
    if request.method == "POST" and (ladder := submit(form, lambda data: services.create_ladder(
            request.vault, data["title"], data["starter"]))):
        messages.success(request, _("Your ladder is ready. Change anything you like."))
        return redirect("ladder:ladder", ladder_id=ladder.pk)
    return render(request, "ladder/new_ladder.html", {"form": form, "starters": STARTERS})


@policy.signed_in
@require_GET
def ladder_page(request: CoveRequest, ladder_id: str) -> HttpResponse:
    """One part of the ladder: each step's place, title and a short line; what to do with
    a step is on the step's own page, so a long ladder stays a calm, light list."""
    vault = request.vault
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    page = services.steps_part(vault, ladder, request.GET.get("page"))
    step_url = reverse("ladder:step", args=[_ANY_ID]).replace(_ANY_ID, "{}")
    meta = _meta_maker()
    rows = [_StepRow(number, step, step_url.format(step.pk), meta(step))
            for number, step in enumerate(page.object_list, start=page.start_index())]
    return render(request, "ladder/ladder.html", {"ladder": ladder, "page": page, "rows": rows})


class _StepRow(NamedTuple):
    """What the ladder page shows of one step, worked out once per step."""

    number: int
    step: ComfortStep
    url: str
    meta: str


# Every step page's URL differs only in its id: reverse it once per page, not per step.
_ANY_ID = "00000000-0000-0000-0000-000000000000"


def _meta_maker() -> Callable[[ComfortStep], str]:
    """"Expected distress 30 · Not yet" for each step, escaped; the words are looked up and
    escaped once per page, not once per step. With whom and how long are on the step's
    page: the list opens only what it shows."""
    status = {value: format_html('<span class="status status--{}">{}</span>', value, label)
              for value, label in StepStatus.choices}
    distress = escape(_("Expected distress %(value)s"))

    def meta(step: ComfortStep) -> str:
        shown = status.get(step.status, status[StepStatus.NOT_YET])
        if (expected := step.expected_distress) is None:
            return shown
        return mark_safe(f"{distress % {'value': int(expected)}} · {shown}")  # noqa: S308 - escaped above

    return meta


def _ladder_part_url(ladder_id: Any, part: int) -> str:
    url = reverse("ladder:ladder", args=[ladder_id])
    return f"{url}?page={part}" if part > 1 else url


def _to_ladder_at(vault: Vault, step: ComfortStep) -> HttpResponse:
    """Back to the part of the ladder page that shows this step, scrolled to it."""
    part = services.part_of(services.place_of(vault, step)[0])
    return HttpResponseRedirect(f"{_ladder_part_url(step.ladder_id, part)}#step-{step.pk}")


@policy.signed_in
@require_http_methods(["GET", "POST"])
def edit_ladder(request: CoveRequest, ladder_id: str) -> HttpResponse:
    ladder = get_owned_or_404(Ladder, request.vault, ladder_id)
    form = forms.LadderForm(request.POST or None, initial={
        "title": ladder.title, "about": ladder.about, "version": ladder.version})
    if request.method == "POST" and submit(form, lambda data: services.update_ladder(
            request.vault, ladder.pk, **data)) is not None:
        messages.success(request, _("Saved."))
        return redirect("ladder:ladder", ladder_id=ladder.pk)
    return render(request, "ladder/edit_ladder.html", {"form": form, "ladder": ladder})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def delete_ladder(request: CoveRequest, ladder_id: str) -> HttpResponse:
    ladder = get_owned_or_404(Ladder, request.vault, ladder_id)
    if request.method == "POST":
        services.delete_ladder(ladder)
        messages.success(request, _("The ladder and its practices are gone."))
        return redirect("ladder:index")
    return render(request, "ladder/delete.html", {"ladder": ladder, "what": "ladder"})


@policy.signed_in
@require_POST
def reorder(request: CoveRequest, ladder_id: str) -> HttpResponse:
    """Drag and drop sends the new order here; move up/down buttons work without it."""
    ladder = get_owned_or_404(Ladder, request.vault, ladder_id)
    services.reorder_steps(request.vault, ladder, request.POST.getlist("step"))
    if request.headers.get("X-Requested-With") == "fetch":
        return JsonResponse({"detail": _("New order saved.")})
    return redirect("ladder:ladder", ladder_id=ladder.pk)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def new_step(request: CoveRequest, ladder_id: str) -> HttpResponse:
    vault = request.vault
    ladder = get_owned_or_404(Ladder, vault, ladder_id)
    form = forms.StepForm(request.POST or None, words=services.distress_words(vault),
                          initial={"expected_distress": 25})
    if request.method == "POST" and (step := submit(form, lambda data: services.add_step(
            vault, ladder, **{k: v for k, v in data.items() if k != "version"}))) is not None:
        messages.success(request, _("Step added."))
        return _to_ladder_at(vault, step)
    return render(request, "ladder/step_form.html",
                  {"form": form, "ladder": ladder, "step": None})


@policy.signed_in
@require_GET
def step_page(request: CoveRequest, step_id: str) -> HttpResponse:
    vault = request.vault
    step = get_owned_or_404(ComfortStep, vault, step_id)
    sessions = services.sessions_of_step(vault, step, limit=20)
    number, total = services.place_of(vault, step)
    back = f"{_ladder_part_url(step.ladder_id, services.part_of(number))}#step-{step.pk}"
    return render(request, "ladder/step.html", {
        "step": step, "ladder": services.ladder_of(vault, step), "sessions": sessions,
        "number": number, "total": total, "back": back,
        "statuses": StepStatus.choices,
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def edit_step(request: CoveRequest, step_id: str) -> HttpResponse:
    vault = request.vault
    step = get_owned_or_404(ComfortStep, vault, step_id)
    form = forms.StepForm(request.POST or None, words=services.distress_words(vault),
                          initial=_step_initial(step))
    if request.method == "POST" and submit(form, lambda data: services.update_step(
            vault, step.pk, **data)) is not None:
        messages.success(request, _("Saved."))
        return redirect("ladder:step", step_id=step.pk)
    return render(request, "ladder/step_form.html",
                  {"form": form, "ladder": services.ladder_of(vault, step), "step": step})


@policy.signed_in
@require_POST
def set_status(request: CoveRequest, step_id: str) -> HttpResponse:
    step = get_owned_or_404(ComfortStep, request.vault, step_id)
    form = forms.StatusForm(request.POST)
    changed = submit(form, lambda data: services.set_status(request.vault, step.pk,
                                                            data["status"]))
    if changed is not None:
        messages.success(request, _("Saved: %(status)s.") % {"status": changed.status_label})
    else:
        messages.error(request, _("Please choose one of the statuses."))
    return redirect("ladder:step", step_id=step.pk)


@policy.signed_in
@require_POST
def move_step(request: CoveRequest, step_id: str) -> HttpResponse:
    step = get_owned_or_404(ComfortStep, request.vault, step_id)
    form = forms.MoveForm(request.POST)
    if submit(form, lambda data: services.move_step(request.vault, step, data["direction"])):
        messages.success(request, _("Moved: %(title)s.") % {"title": step.title})
    else:
        messages.error(request, _("Please choose up or down."))
    # Back to the step's place on its page, so Tab goes on to "Move up" / "Move down".
    response = redirect("ladder:step", step_id=step.pk)
    response["Location"] += "#place"
    return response


@policy.signed_in
@require_http_methods(["GET", "POST"])
def split_step(request: CoveRequest, step_id: str) -> HttpResponse:
    vault = request.vault
    step = get_owned_or_404(ComfortStep, vault, step_id)
    gentler = max(0, (step.expected_distress or 20) - 10)
    form = forms.SplitForm(request.POST or None, words=services.distress_words(vault), initial={
        "first": step.title, "second": step.title,
        "first_distress": max(0, gentler - 10), "second_distress": gentler,
        "version": step.version,
    })
    if request.method == "POST" and submit(form, lambda data: services.split_step(
            vault, step.pk, data["first"], data["second"], data["first_distress"],
            data["second_distress"], version=data["version"])) is not None:
        messages.success(request, _("Your step is now two gentler steps."))
        return _to_ladder_at(vault, step)
    return render(request, "ladder/split.html", {"form": form, "step": step})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def delete_step(request: CoveRequest, step_id: str) -> HttpResponse:
    step = get_owned_or_404(ComfortStep, request.vault, step_id)
    if request.method == "POST":
        # Back to the part where it was (the steps after it move up one place).
        part = services.part_of(services.place_of(request.vault, step)[0])
        services.delete_step(step)
        messages.success(request, _("The step and its practices are gone."))
        return HttpResponseRedirect(_ladder_part_url(step.ladder_id, part))
    return render(request, "ladder/delete.html", {"step": step, "what": "step"})


@policy.signed_in
@require_GET
def step_progress(request: CoveRequest, step_id: str) -> HttpResponse:
    vault = request.vault
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
def distress_words(request: CoveRequest) -> HttpResponse:
    vault = request.vault
    current = services.distress_words(vault)
    form = forms.WordsForm(request.POST or None,
                           initial={f"w{point}": text for point, text in current.items()})
    if request.method == "POST" and submit(form, lambda data: services.save_distress_words(
            vault, {point: data[f"w{point}"] for point in current})) is not None:
        messages.success(request, _("Your words are saved. You will see them beside every rating."))
        return redirect("ladder:words")
    return render(request, "ladder/words.html", {"form": form})
