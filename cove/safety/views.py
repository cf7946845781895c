"""Safety plan, comfort box and first-session sheet pages. Thin: services do the work."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cove.core import policy
from cove.help.public import crisis_help
from cove.safety import services
from cove.safety.forms import ComfortForm, PartsForm, PlanForm, PrepForm
from cove.safety.models import SafetyPlanVersion
from cove.safety.parts import (
    CLOSENESS_PARTS,
    COMFORT_PARTS,
    PAUSE_PARTS,
    PLAN_PARTS,
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


def _crisis(request: HttpRequest) -> dict[str, Any]:
    return {"crisis": crisis_help(request)}


def _edit_parts(
    request: HttpRequest, form_class: type[PartsForm], initial: dict[str, str],
    template_context: dict[str, Any], on_save: Any, done_url: str,
) -> HttpResponse:
    """Shared GET/POST handling: save, or add a tapped example without saving."""
    if request.method == "POST":
        form = form_class(request.POST)
        choice = request.POST.get("add", "")
        if choice:
            values = form.with_example(choice)
            form = form_class(initial=values or {k: request.POST.get(k, "") for k in initial})
            messages.info(request, _("Added. Nothing is saved until you choose Save."))
        elif form.is_valid():
            try:
                on_save(form.cleaned_data)
            except services.PlanInputError as exc:
                form.add_errors(exc.errors)
            else:
                messages.success(request, _("Saved."))
                return redirect(done_url)
    else:
        form = form_class(initial=initial)
    return render(request, "safety/parts_form.html", {"form": form, "cancel_url": done_url,
                                                       **template_context})


# --- Safety plan --------------------------------------------------------------------------

@policy.signed_in
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    plan = services.current_plan(services.vault_of(request))
    context = _plan_context(services.plan_parts(plan))
    context["plan"] = plan
    return render(request, "safety/index.html", context)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest) -> HttpResponse:
    vault = services.vault_of(request)
    initial = services.plan_parts(services.current_plan(vault))
    return _edit_parts(
        request, PlanForm, initial,
        {
            "heading": _("My plan"),
            "intro": _("Write as much or as little as you like. Every part is optional, and "
                       "you can change it any time. Each time you save, Cove keeps the "
                       "earlier version too."),
            "groups": [
                (_("For a hard moment"), PLAN_PARTS),
                (_("My pause plan"), PAUSE_PARTS),
                (_("Closeness and care"), CLOSENESS_PARTS),
            ],
        },
        lambda data: services.save_plan(vault, data),
        "safety:index",
    )


@policy.signed_in
@require_GET
def calm(request: HttpRequest) -> HttpResponse:
    plan = services.current_plan(services.vault_of(request))
    context = {**_plan_context(services.plan_parts(plan)), **_crisis(request)}
    return render(request, "safety/calm.html", context)


@policy.signed_in
@require_GET
def print_view(request: HttpRequest) -> HttpResponse:
    plan = services.current_plan(services.vault_of(request))
    context = {**_plan_context(services.plan_parts(plan)), **_crisis(request), "plan": plan}
    return render(request, "safety/print.html", context)


@policy.signed_in
@require_GET
def versions(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(services.plan_versions(services.vault_of(request)), VERSIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "safety/versions.html", {"page": page})


@policy.signed_in
@require_GET
def version_detail(request: HttpRequest, version_id: str) -> HttpResponse:
    version = get_owned_or_404(SafetyPlanVersion, services.vault_of(request), version_id)
    context = _plan_context(services.plan_parts(version))
    context["version"] = version
    return render(request, "safety/version.html", context)


@policy.signed_in
@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    return render(request, "safety/offline.html")


# --- Comfort box --------------------------------------------------------------------------

@policy.signed_in
@require_GET
def comfort(request: HttpRequest) -> HttpResponse:
    box = services.comfort_box(services.vault_of(request))
    items = services.comfort_items(box)
    ritual = services.opened_text(box.reset_ritual) if box is not None else ""
    return render(request, "safety/comfort.html", {
        "sections": [s for s in _sections(COMFORT_PARTS, items) if s["lines"]],
        "ritual": lines(ritual),
        "has_content": any(items.values()) or bool(ritual),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def comfort_edit(request: HttpRequest) -> HttpResponse:
    vault = services.vault_of(request)
    box = services.comfort_box(vault)
    initial = {**services.comfort_items(box),
               RESET_RITUAL.key: services.opened_text(box.reset_ritual) if box is not None else ""}

    def save(data: dict[str, str]) -> None:
        ritual = data.pop(RESET_RITUAL.key, "")
        services.save_comfort_box(vault, data, ritual)

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
def prep(request: HttpRequest) -> HttpResponse:
    answers = services.prep_answers(services.session_prep(services.vault_of(request)))
    return render(request, "safety/prep.html", {
        "sections": _sections(QUESTIONS, answers),
        "has_content": any(answers.values()),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def prep_edit(request: HttpRequest) -> HttpResponse:
    vault = services.vault_of(request)
    initial = services.prep_answers(services.session_prep(vault))
    return _edit_parts(
        request, PrepForm, initial,
        {
            "heading": _("Before a first session"),
            "intro": _("Notes to take with you when you meet a new professional. Only you "
                       "see them here. You choose what to share in the room."),
            "groups": [(None, QUESTIONS)],
        },
        lambda data: services.save_session_prep(vault, data),
        "safety:prep",
    )
