"""Long forms in short steps: one page per small group of fields, kept as a draft as you go.

A feature view describes its form as a `Flow` (its steps, each a few field names) and hands
the request to `run()`, with what is saved now and how to finish. `run()` is the whole
page: the start page when a draft waits ("carry on / start again / throw it away"), one
step at a time, and the plain POST of each step:

- `go=next` / `go=back` / `go=leave`: keep this step's answers in the draft
  (`cove.core.drafts.keep`) and move on, back, or out (the draft remembers the step);
- `go=finish`: save everything through the app's own service, with the version the
  draft was based on (a change made elsewhere is a Conflict, shown on the step), then
  throw the draft away;
- `go=restart` / `go=discard`: throw the draft away, and start again or leave;
- `add=<choice>`: an app's "tap to add" example, kept in the draft.

Every answer travels in the POST body; the URL only ever holds the step's number. With
htmx the form swaps only `#steps` (static/cove/steps.js).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from cove.core import drafts
from cove.core.forms import CoveForm, submit
from cove.core.http import CoveRequest
from cove.core.models import Draft

GOES = ("next", "back", "leave", "finish", "restart", "discard")


@dataclass(frozen=True)
class Step:
    title: str | Promise
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Flow:
    key: str  # names the draft: "<app>.<form>", never shown
    steps: tuple[Step, ...]
    url_name: str  # the view that runs this flow
    done_url_name: str  # where leaving and finishing go
    template: str  # renders one step; extends the app's base and includes cove/includes/steps.html
    heading: str | Promise = ""
    done_kwargs: tuple[str, ...] = ()  # which of the URL's arguments the done page takes

    def step_of(self, field_name: str) -> int:
        return next((n for n, s in enumerate(self.steps) if field_name in s.fields), 0)


@dataclass
class Finish:
    """How the app saves the whole form: `save(values, version)` calls its service."""

    save: Callable[[dict[str, Any], int | None], object]
    saved_text: str | Promise = ""


def _number(value: Any, flow: Flow) -> int:
    """A 1-based step number from the URL or the form, as a 0-based index within bounds."""
    try:
        return min(max(int(value) - 1, 0), len(flow.steps) - 1)
    except (TypeError, ValueError):
        return 0


def _to(request: CoveRequest, url: str) -> HttpResponse:
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return HttpResponseRedirect(url)


@dataclass
class Place:
    """Where one run of a flow lives: its URL's arguments and its draft's name."""

    draft_key: str
    url: str
    done_url: str

    def step_url(self, index: int) -> str:
        return f"{self.url}?part={index + 1}"


def _place(flow: Flow, url_kwargs: dict[str, Any] | None, draft_key: str) -> Place:
    kwargs = url_kwargs or {}
    done_kwargs = {k: v for k, v in kwargs.items() if k in flow.done_kwargs}
    return Place(draft_key or flow.key, reverse(flow.url_name, kwargs=kwargs),
                 reverse(flow.done_url_name, kwargs=done_kwargs))


def run(request: CoveRequest, flow: Flow, form_class: type[CoveForm], *,
        stored: dict[str, Any], version: int, finish: Finish,
        add_example: Callable[[CoveForm, str], dict[str, Any] | None] | None = None,
        keepable: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        url_kwargs: dict[str, Any] | None = None, draft_key: str = "",
        context: dict[str, Any] | None = None) -> HttpResponse:
    """The stepped form: `stored` is what is saved now (every field), `version` its version.

    `keepable(changes)` trims what a draft may hold (an app that never stores some answers
    keeps them out of its drafts too); `url_kwargs` and `draft_key` place a flow whose URL
    has arguments (one draft per wish round)."""
    vault = request.vault
    place = _place(flow, url_kwargs, draft_key)
    draft = drafts.find(vault, place.draft_key)
    extra = {**(context or {}), "place": place}

    def keep(step: int, changes: dict[str, Any], based_on: int | None) -> None:
        drafts.keep(vault, place.draft_key, step=step,
                    changes=keepable(changes) if keepable is not None else changes,
                    based_on=based_on)
    if request.method != "POST":
        if draft is not None and "part" not in request.GET:
            return render(request, "cove/draft_start.html", {
                "flow": flow, "draft": draft, "step_number": (draft.step or 0) + 1,
                "carry_on_url": place.step_url(draft.step or 0), **extra})
        index = _number(request.GET.get("part", 1), flow)
        values = {**stored, **drafts.answers(draft), "version": version}
        if draft is not None and draft.based_on is not None:
            values["version"] = draft.based_on
        return _page(request, flow, form_class(initial=values), index, draft, extra)

    go = request.POST.get("go", "next")
    if go in ("restart", "discard"):
        drafts.throw_away(vault, place.draft_key)
        if go == "restart":
            return _to(request, place.step_url(0))
        messages.success(request, _("Your draft is gone. What you saved before is as it was."))
        return _to(request, place.done_url)
    # A POST without a step number is the whole form at once (an API-like client, or an
    # older page): it finishes unless it says otherwise.
    whole = "part" not in request.POST
    index = _number(request.POST.get("part"), flow)
    own = tuple(n for n in form_class().fields if n != "version") if whole \
        else flow.steps[index].fields
    go = request.POST.get("go", "finish" if whole else "next")
    posted = {name: request.POST.get(name, "") for name in own}
    data = {**stored, **drafts.answers(draft), **posted,
            "version": request.POST.get("version", "")}
    form = form_class(data)
    based_on = _version(form)
    choice = request.POST.get("add", "")
    if choice and add_example is not None:
        added = add_example(form, choice)
        if added is not None:
            if whole:
                index = flow.step_of(choice.partition(":")[0])
            posted = {name: added.get(name, value) for name, value in posted.items()}
            keep(index, posted, based_on)
            messages.info(request, _("Added. It is kept in your draft until you choose Save."))
            form = form_class(initial={**data, **posted})
        return _page(request, flow, form, index, draft, extra)
    if go == "finish":
        saved = submit(form, lambda cleaned: finish.save(
            {name: cleaned.get(name) for name in form.fields if name != "version"},
            cleaned.get("version")))
        if saved is not None:
            drafts.throw_away(vault, place.draft_key)
            messages.success(request, str(finish.saved_text or _("Saved.")))
            return _to(request, place.done_url)
        wrong = sorted(flow.step_of(name) for name in form.errors if name in form.fields)
        shown = index if not wrong or index in wrong else wrong[0]
        if form.conflict is not None:
            # Changed elsewhere: keep these words in the draft too, in case they leave.
            # Based on what they had seen, so coming back shows the change again.
            keep(shown, posted, based_on)
        status = 409 if form.conflict is not None else 200
        return _page(request, flow, form, shown, draft, extra, status=status)
    if not form.is_valid() and any(name in form.errors for name in own):
        return _page(request, flow, form, index, draft, extra)
    target = {"next": index + 1, "back": index - 1}.get(go, index)
    target = min(max(target, 0), len(flow.steps) - 1)
    keep(target, posted, based_on)
    if go == "leave":
        messages.success(request, _("Kept for later. You can carry on from this part "
                                    "whenever you like."))
        return _to(request, place.done_url)
    return HttpResponseRedirect(place.step_url(target))


def _version(form: CoveForm) -> int | None:
    value = str(form.data.get("version") or "")
    return int(value) if value.isdigit() else None


def _page(request: CoveRequest, flow: Flow, form: CoveForm, index: int,
          draft: Draft | None, extra: dict[str, Any], status: int = 200) -> HttpResponse:
    step = flow.steps[index]
    return render(request, flow.template, {
        "flow": flow, "form": form, "step": step, "step_index": index,
        "step_number": index + 1, "step_total": len(flow.steps),
        "step_fields": [form[name] for name in step.fields],
        "first_step": index == 0, "last_step": index == len(flow.steps) - 1,
        "has_draft": draft is not None, "action_url": extra["place"].step_url(index), **extra,
    }, status=status)
