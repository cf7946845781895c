"""Inventory, history, review and summary pages: thin views over cove.boundaries.services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.boundaries import catalogue, forms, sections, services
from cove.boundaries.models import BoundaryItem
from cove.core import policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_or_404


def state_choices() -> list[tuple[str, Any]]:
    # Plain strings, translated once: each section page renders these for every row.
    return [(s, str(catalogue.STATE_LABELS[s])) for s in (*catalogue.STATES, "")]


def _section_url(slug: str, anchor: str = "", part: int = 1) -> str:
    url = reverse("boundaries:section", args=[slug])
    if part > 1:
        url += f"?page={part}"
    return f"{url}#{anchor}" if anchor else url


def _row_url(vault: Vault, slug: str, row: services.Row) -> str:
    """The section's part that shows this row, at the row."""
    part = sections.part_holding(vault, slug, key=row.key,
                                 pk=str(row.record.pk) if row.record else "")
    return _section_url(slug, row.dom_id, part)


def _row_response(request: CoveRequest, row: services.Row, status_text: str,
                  error: str = "") -> HttpResponse:
    return render(request, "boundaries/partials/item_row.html",
                  {"row": row, "status_text": status_text, "error": error, "oob": True,
                   "states": state_choices()})


@policy.signed_in
@require_GET
def index(request: CoveRequest) -> HttpResponse:
    settings = services.review_settings(request.vault)
    return render(request, "boundaries/index.html", {
        "categories": catalogue.CATEGORIES,
        "recent": services.recent_changes(request.vault),
        "offer_review": services.offer_review(settings),
        "state_labels": catalogue.STATE_LABELS,
    })


@policy.signed_in
@require_GET
def section(request: CoveRequest, slug: str) -> HttpResponse:
    category = catalogue.CATEGORY_BY_SLUG.get(slug)
    if category is None:
        raise Http404
    page = sections.section_page(request.vault, slug, request.GET.get("page"))
    return render(request, "boundaries/section.html", {
        "category": category, "page": page, "categories": catalogue.CATEGORIES,
        "states": state_choices(),
    })


def _conflict_text(form: forms.AnswerForm) -> str:
    text = _("This changed somewhere else since you opened it. Here is what is saved now; "
             "choose again to keep yours.")
    typed = str(form.cleaned_data.get("condition") or "")
    if typed:
        text += " " + _("You had written: “%(text)s”") % {"text": typed}
    return text


def _refused(request: CoveRequest, form: forms.AnswerForm, row: services.Row,
             slug: str) -> HttpResponse:
    """An answer that could not be saved: the row says why (htmx), or the section does."""
    text = _conflict_text(form) if form.conflict is not None else form.error_text()
    if request.htmx:
        return _row_response(request, row, "", text)
    messages.error(request, text)
    return redirect(_row_url(request.vault, slug, row))


@policy.signed_in
@require_POST
def answer_new(request: CoveRequest) -> HttpResponse:
    key = request.POST.get("key", "")
    item = catalogue.ITEM_BY_KEY.get(key)
    if item is None:
        raise Http404
    form = forms.AnswerForm(request.POST)
    record = submit(form, lambda _data: services.answer_item(request.vault, key, **form.answer()))
    if record is None:
        return _refused(request, form, services.Row(key, item.title), item.category)
    row = services.Row(key, item.title, record)
    return _after_save(request, row, item.category)


@policy.signed_in
@require_POST
def answer_item(request: CoveRequest, item_id: str) -> HttpResponse:
    form = forms.AnswerForm(request.POST)
    saved = submit(form, lambda data: services.change_item(
        request.vault, item_id, **form.answer(), version=data["version"]))
    if saved is None:
        # What is stored now (a refused save changed nothing; a conflict means it moved on).
        current = get_owned_or_404(BoundaryItem, request.vault, item_id)
        row = services.Row(current.key, current.label, current)
        return _refused(request, form, row, current.category)
    row = services.Row(saved.key, saved.label, saved)
    return _after_save(request, row, saved.category)


def _after_save(request: CoveRequest, row: services.Row, slug: str) -> HttpResponse:
    text = _("Saved: %(item)s — %(state)s") % {
        "item": row.title, "state": catalogue.STATE_LABELS[row.state]}
    if request.htmx:
        return _row_response(request, row, text)
    messages.success(request, text)
    return redirect(_row_url(request.vault, slug, row))


@policy.signed_in
@require_http_methods(["GET", "POST"])
def add_item(request: CoveRequest) -> HttpResponse:
    initial = {"category": request.GET.get("group", "")}
    form = forms.OwnItemForm(request.POST or None, initial=initial)
    if request.method == "POST":
        record = submit(form, lambda data: services.add_own_item(request.vault, **data))
        if record is not None:
            messages.success(request, _("Added to your list."))
            return redirect(_row_url(request.vault, record.category,
                                     services.Row("", record.title, record)))
    return render(request, "boundaries/item_form.html", {"form": form, "adding": True})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def edit_item(request: CoveRequest, item_id: str) -> HttpResponse:
    record = get_owned_or_404(BoundaryItem, request.vault, item_id)
    if not record.is_custom:
        raise Http404
    form = forms.RenameItemForm(request.POST or None, initial={
        "title": record.title, "category": record.category, "version": record.version})
    if request.method == "POST":
        saved = submit(form, lambda data: services.rename_own_item(request.vault, record.pk,
                                                                   **data))
        if saved is not None:
            messages.success(request, _("Saved."))
            return redirect(_row_url(request.vault, saved.category,
                                     services.Row("", saved.title, saved)))
    return render(request, "boundaries/item_form.html",
                  {"form": form, "adding": False, "record": record},
                  status=409 if form.conflict is not None else 200)


@policy.signed_in
@require_POST
def delete_item(request: CoveRequest, item_id: str) -> HttpResponse:
    record = get_owned_or_404(BoundaryItem, request.vault, item_id)
    if not record.is_custom:
        raise Http404
    slug = services.delete_own_item(request.vault, record.pk)
    messages.success(request, _("Removed, with its history."))
    return redirect(_section_url(slug))


@policy.signed_in
@require_GET
def history(request: CoveRequest) -> HttpResponse:
    page = services.history_page(request.vault, request.GET.get("page"))
    return render(request, "boundaries/history.html",
                  {"page": page, "state_labels": catalogue.STATE_LABELS})


# ---------------------------------------------------------------------------- review


def _position(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


@policy.signed_in
@require_http_methods(["GET", "POST"])
def review(request: CoveRequest) -> HttpResponse:
    if request.method == "POST":
        return _review_step(request)
    position = _position(request.GET.get("n"))
    record = services.review_item(request.vault, position)
    return render(request, "boundaries/review.html", {
        "record": record, "position": position,
        "states": state_choices(),
    })


def _review_step(request: CoveRequest) -> HttpResponse:
    position = _position(request.POST.get("n"))
    action = request.POST.get("action", "keep")
    if action == "stop":
        services.mark_reviewed(request.vault)
        messages.success(request, _("Stopped for now. Everything you have is kept."))
        return redirect("boundaries:index")
    if action == "save":
        record = get_owned_or_404(BoundaryItem, request.vault, request.POST.get("item"))
        form = forms.AnswerForm(request.POST)
        if submit(form, lambda data: services.change_item(
                request.vault, record.pk, **form.answer(), version=data["version"])) is None:
            messages.error(request, _conflict_text(form) if form.conflict is not None
                           else form.error_text())
            return HttpResponseRedirect(f"{reverse('boundaries:review')}?n={position}")
    next_position = position + 1
    if services.review_item(request.vault, next_position) is None:
        services.mark_reviewed(request.vault)
    return HttpResponseRedirect(f"{reverse('boundaries:review')}?n={next_position}")


@policy.signed_in
@require_http_methods(["GET", "POST"])
def review_settings(request: CoveRequest) -> HttpResponse:
    current = services.review_settings(request.vault)
    form = forms.ReviewSettingsForm(request.POST or None, initial={
        "cadence_days": current.cadence_days if current else 0,
        "version": current.version if current else 0})
    if request.method == "POST" and submit(
            form, lambda data: services.set_review_cadence(
                request.vault, data["cadence_days"], version=data["version"])) is not None:
        messages.success(request, _("Saved. You can change this any time."))
        return redirect("boundaries:index")
    return render(request, "boundaries/review_settings.html", {"form": form},
                  status=409 if form.conflict is not None else 200)


@policy.signed_in
@require_POST
def review_later(request: CoveRequest) -> HttpResponse:
    services.review_not_now(request.vault)
    messages.success(request, _("Okay. Cove will not offer this again for a while."))
    return redirect("boundaries:index")


# ---------------------------------------------------------------------------- summary


@policy.signed_in
@require_GET
def summary(request: CoveRequest) -> HttpResponse:
    chosen = [s for s in request.GET.getlist("c") if s in catalogue.CATEGORY_BY_SLUG]
    return render(request, "boundaries/summary.html", {
        "categories": catalogue.CATEGORIES,
        "chosen": chosen,
        "sections": services.summary(request.vault, chosen) if chosen else [],
    })
