"""Safety plan, comfort box and first-session sheet pages. Thin: services do the work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from cove.core import policy, steps
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.help.public import crisis_help
from cove.safety import services
from cove.safety.forms import ComfortForm, PartsForm, PlanForm, PrepForm
from cove.safety.models import SafetyPlanVersion
from cove.safety.parts import (
    ALL_PLAN_PARTS,
    CLOSENESS_PARTS,
    COMFORT_PARTS,
    PAUSE_PARTS,
    PLAN_PARTS,
    PLAN_STEPS,
    RESET_RITUAL,
    Part,
    lines,
)
from cove.safety.prep import QUESTIONS
from cove.vault.records import get_owned_or_404

VERSIONS_PER_PAGE = 20


def _sections(parts_def: tuple[Part, ...], values: dict[str, str]) -> list[dict[str, Any]]:
    """Parts with their lines, for read-only pages."""
    return [
        {"part": part, "text": values.get(part.key, ""), "lines": lines(values.get(part.key, ""))}
        for part in parts_def
    ]


def _plan_context(values: dict[str, str]) -> dict[str, Any]:
    return {
        "plan_sections": _sections(PLAN_PARTS, values),
        "pause_sections": _sections(PAUSE_PARTS, values),
        "closeness_sections": _sections(CLOSENESS_PARTS, values),
        "has_content": any(values.values()),
    }


def _crisis(request: CoveRequest) -> dict[str, Any]:
    return {"crisis": crisis_help(request)}


def _edit_parts(
    request: CoveRequest, form_class: type[PartsForm], initial: dict[str, Any],
    template_context: dict[str, Any], on_save: Callable[[PartsForm], object], done_url: str,
) -> HttpResponse:
    """Shared GET/POST handling: save, or add a tapped example without saving.

    `initial` holds every part and the `version` the page is based on; a save based on an
    older version shows both (409) and keeps what was typed.
    """
    if request.method == "POST":
        form = form_class(request.POST)
        choice = request.POST.get("add", "")
        if choice:
            values = form.with_example(choice)
            form = form_class(initial=values or {k: request.POST.get(k, "") for k in initial})
            messages.info(request, _("Added. Nothing is saved until you choose Save."))
        elif submit(form, lambda _data: on_save(form)) is not None:
            messages.success(request, _("Saved."))
            return redirect(done_url)
    else:
        form = form_class(initial=initial)
    return render(request, "safety/parts_form.html",
                  {"form": form, "cancel_url": done_url, **template_context},
                  status=409 if form.conflict is not None else 200)


# --- Safety plan --------------------------------------------------------------------------

@policy.signed_in
@require_GET
def index(request: CoveRequest) -> HttpResponse:
    plan = services.current_plan(request.vault)
    context = _plan_context(services.plan_parts(plan))
    context["plan"] = plan
    return render(request, "safety/index.html", context)


# The plan in six short steps (cove.core.steps), kept as a draft as the person goes.
PLAN_FLOW = steps.Flow(
    key="safety.plan",
    steps=tuple(steps.Step(title, tuple(part.key for part in parts))
                for title, parts in PLAN_STEPS),
    url_name="safety:edit",
    done_url_name="safety:index",
    template="safety/plan_steps.html",
    heading=_lazy("My plan"),
)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def edit(request: CoveRequest) -> HttpResponse:
    vault = request.vault
    return steps.run(
        request, PLAN_FLOW, PlanForm,
        stored=services.plan_parts(services.current_plan(vault)),
        version=services.plan_version(vault),
        finish=steps.Finish(lambda values, version: services.save_plan(vault, values,
                                                                       version=version)),
        add_example=lambda form, choice: form.with_example(choice)
        if isinstance(form, PartsForm) else None,
        context={"parts": ALL_PLAN_PARTS},
    )


@policy.signed_in
@require_GET
def calm(request: CoveRequest) -> HttpResponse:
    plan = services.current_plan(request.vault)
    context = {**_plan_context(services.plan_parts(plan)), **_crisis(request)}
    return render(request, "safety/calm.html", context)


@policy.signed_in
@require_GET
def print_view(request: CoveRequest) -> HttpResponse:
    plan = services.current_plan(request.vault)
    context = {**_plan_context(services.plan_parts(plan)), **_crisis(request), "plan": plan}
    return render(request, "safety/print.html", context)


@policy.signed_in
@require_GET
def versions(request: CoveRequest) -> HttpResponse:
    paginator = Paginator(services.plan_versions(request.vault), VERSIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "safety/versions.html", {"page": page})


@policy.signed_in
@require_GET
def version_detail(request: CoveRequest, version_id: str) -> HttpResponse:
    version = get_owned_or_404(SafetyPlanVersion, request.vault, version_id)
    context = _plan_context(services.plan_parts(version))
    context["version"] = version
    return render(request, "safety/version.html", context)


@policy.signed_in
@require_GET
def offline(request: CoveRequest) -> HttpResponse:
    return render(request, "safety/offline.html")


# --- Comfort box --------------------------------------------------------------------------

@policy.signed_in
@require_GET
def comfort(request: CoveRequest) -> HttpResponse:
    box = services.comfort_box(request.vault)
    items = services.comfort_items(box)
    ritual = services.opened_text(box.reset_ritual) if box is not None else ""
    return render(request, "safety/comfort.html", {
        "sections": [s for s in _sections(COMFORT_PARTS, items) if s["lines"]],
        "ritual": lines(ritual),
        "has_content": any(items.values()) or bool(ritual),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def comfort_edit(request: CoveRequest) -> HttpResponse:
    vault = request.vault
    box = services.comfort_box(vault)
    initial = {**services.comfort_items(box),
               RESET_RITUAL.key: services.opened_text(box.reset_ritual) if box is not None else "",
               "version": box.version if box is not None else 0}

    def save(form: PartsForm) -> object:
        data = form.parts_data()
        ritual = data.pop(RESET_RITUAL.key, "")
        return services.save_comfort_box(vault, data, ritual,
                                         version=form.cleaned_data["version"])

    return _edit_parts(
        request, ComfortForm, initial,
        {
            "heading": _("My comfort box"),
            "intro": _("Collect things that soothe you, so they are easy to find on a hard "
                       "day. Add only what feels right."),
            "groups": [(_("Things that soothe me"), COMFORT_PARTS),
                       (_("When something sets me off"), (RESET_RITUAL,))],
        },
        save,
        "safety:comfort",
    )


# --- First-session prep sheet -------------------------------------------------------------

@policy.signed_in
@require_GET
def prep(request: CoveRequest) -> HttpResponse:
    answers = services.prep_answers(services.session_prep(request.vault))
    return render(request, "safety/prep.html", {
        "sections": _sections(QUESTIONS, answers),
        "has_content": any(answers.values()),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def prep_edit(request: CoveRequest) -> HttpResponse:
    vault = request.vault
    prep_sheet = services.session_prep(vault)
    initial: dict[str, Any] = {**services.prep_answers(prep_sheet),
                               "version": prep_sheet.version if prep_sheet is not None else 0}
    return _edit_parts(
        request, PrepForm, initial,
        {
            "heading": _("Before a first session"),
            "intro": _("Notes to take with you when you meet a new professional. Only you "
                       "see them here. You choose what to share in the room."),
            "groups": [(None, QUESTIONS)],
        },
        lambda form: services.save_session_prep(vault, form.parts_data(),
                                                version=form.cleaned_data["version"]),
        "safety:prep",
    )
