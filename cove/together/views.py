"""Together pages: the hub, shared agreements and the rituals (thin views)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.core import policy
from cove.core.forms import CoveForm, submit
from cove.core.http import CoveRequest
from cove.partners.public import Link, active_links, get_active_link_or_404, other_member
from cove.together import agreements, forms, rituals
from cove.together.choices import AgreementTopic, ChangeStatus, CheckInPart, NoteKind

PAGE_SIZE = 20


def link_context(request: CoveRequest, link_id: object) -> tuple[Link, dict[str, Any]]:
    """The person's active link by id (anyone else's is 404) and what every page shows."""
    link = get_active_link_or_404(request.person, link_id)
    partner = other_member(link, request.person)
    return link, {"link": link, "partner_name": partner.username, "partner_id": partner.pk}


def button(request: CoveRequest, action: Callable[[], object]) -> bool:
    """Run a one-button form's action through submit(); a refusal becomes a message."""
    form = CoveForm(request.POST)
    done = submit(form, lambda _data: action() or True)
    for error in form.non_field_errors():
        messages.error(request, str(error))
    return done is not None


def saved(action: Callable[..., None], *args: Any) -> bool:
    """For submit(): an action that returns nothing has succeeded when it did not raise."""
    action(*args)
    return True


@policy.signed_in
@require_GET
def index(request: CoveRequest) -> HttpResponse:
    links = [(link, other_member(link, request.person).username)
             for link in active_links(request.person)]
    if len(links) == 1:
        return redirect("together:hub", link_id=links[0][0].pk)
    return render(request, "together/index.html", {"links": links})


@policy.signed_in
@require_GET
def hub(request: CoveRequest, link_id: str) -> HttpResponse:
    _link, context = link_context(request, link_id)
    return render(request, "together/hub.html", context)


def _describe(change: Any, me: int, partner_name: str) -> list[tuple[str, str]]:
    rows = []
    for topic, value in (change.changes or {}).items():
        rows.append((str(AgreementTopic(topic).label), describe_value(topic, value, me, partner_name)))
    return rows


def describe_value(topic: str, value: Any, me: int, partner_name: str) -> str:
    if topic == AgreementTopic.SESSION_MINUTES:
        return (_("%(n)d minutes") % {"n": value}) if value else _("No length agreed")
    if topic == AgreementTopic.AFTER_PAUSE:
        parts = []
        for who, text in (value or {}).items():
            if who == "together":
                label = _("Together")
            elif who == str(me):
                label = _("You")
            else:
                label = partner_name
            parts.append(f"{label}: {text}")
        return "; ".join(parts) or _("Nothing written")
    return ", ".join(value or []) or _("None")


@policy.signed_in
@require_GET
def agreement(request: CoveRequest, link_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    me = request.person.pk
    terms = agreements.current_terms(request.vault, link)
    waiting = agreements.waiting_change(request.vault, link)
    page = Paginator(agreements.history(request.vault, link), PAGE_SIZE).get_page(
        request.GET.get("page"))
    history = [(row, row.owner_id == me, ChangeStatus(row.status).label,
                _describe(row, me, context["partner_name"])) for row in page.object_list]
    shown = [(str(t.label), describe_value(t.value, terms[t.value], me, context["partner_name"]))
             for t in AgreementTopic]
    return render(request, "together/agreement.html", {
        **context, "terms": shown, "waiting": waiting,
        "waiting_rows": _describe(waiting, me, context["partner_name"]) if waiting else [],
        "waiting_mine": waiting is not None and waiting.owner_id == me,
        "history": history, "page": page,
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def suggest(request: CoveRequest, link_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    me, other = request.person.pk, context["partner_id"]
    stored = agreements.agreement_of(request.vault, link)
    terms = agreements.current_terms(request.vault, link)
    waiting = agreements.waiting_change(request.vault, link)
    if waiting is not None and request.GET.get("from") == str(waiting.pk):
        terms = {**terms, **waiting.changes}  # "change it": start from the suggestion
    initial = forms.AgreementForm.initial_from(terms, me, other, stored.version if stored else None)
    form = forms.AgreementForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST":
        done = submit(form, lambda data: agreements.suggest(
            request.vault, link, form.terms(me, other), data.get("version")))
        if done is not None:
            if done.at_once:
                messages.success(request, _("Safer changes count straight away. Thank you."))
            if done.waiting is not None:
                messages.success(request, _("Your suggestion is saved. It counts once your "
                                            "partner agrees. There is no rush."))
            return redirect("together:agreement", link_id=link.pk)
    return render(request, "together/suggest.html", {**context, "form": form})


@policy.signed_in
@require_POST
def accept(request: CoveRequest, link_id: str, change_id: str) -> HttpResponse:
    link, _context = link_context(request, link_id)
    if button(request, lambda: agreements.accept(request.vault, link, change_id)):
        messages.success(request, _("You agreed. This is now part of your agreement."))
    return redirect("together:agreement", link_id=link.pk)


@policy.signed_in
@require_POST
def set_aside(request: CoveRequest, link_id: str, change_id: str) -> HttpResponse:
    link, _context = link_context(request, link_id)
    if button(request, lambda: agreements.set_aside(request.vault, link, change_id)):
        messages.success(request, _("Set aside. The agreement stays as it was."))
    return redirect("together:agreement", link_id=link.pk)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def checkin(request: CoveRequest, link_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    form = forms.CheckInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and submit(form, lambda data: rituals.add_checkin(
            request.vault, link, form.parts(), set(data["share"]))) is not None:
        messages.success(request, _("Thank you for taking this time."))
        return redirect("together:checkin", link_id=link.pk)
    me = request.person.pk
    page = Paginator(rituals.shared_checkins(request.vault, link), PAGE_SIZE).get_page(
        request.GET.get("page"))
    labels = {p.value: p.label for p in CheckInPart}
    shared = [(row, row.owner_id == me,
               [(labels[k], v) for k, v in row.parts.items() if k in labels])
              for row in page.object_list]
    own = [(row, [(labels[k], v) for k, v in row.parts.items() if k in labels])
           for row in rituals.own_checkins(request.vault, link)[:PAGE_SIZE]]
    return render(request, "together/checkin.html", {
        **context, "form": form, "shared": shared, "own": own, "page": page})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def notes(request: CoveRequest, link_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    form = forms.NoteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and submit(form, lambda data: rituals.add_note(
            request.vault, link, data["kind"], data["text"])) is not None:
        return redirect("together:notes", link_id=link.pk)
    page = Paginator(rituals.notes(request.vault, link), PAGE_SIZE).get_page(
        request.GET.get("page"))
    me = request.person.pk
    labels = {k.value: k.label for k in NoteKind}
    rows = [(note, note.owner_id == me, labels.get(note.kind, "")) for note in page.object_list]
    return render(request, "together/notes.html", {
        **context, "form": form, "rows": rows, "page": page})


@policy.signed_in
@require_POST
def delete_note(request: CoveRequest, link_id: str, note_id: str) -> HttpResponse:
    link, _context = link_context(request, link_id)
    button(request, lambda: rituals.delete_note(request.vault, link, note_id))
    return redirect("together:notes", link_id=link.pk)
