"""Comfort list, situations map, wishes and consent phrases: thin views over services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.boundaries import catalogue, forms
from cove.boundaries import comfort as comfort_list
from cove.boundaries import phrases as phrase_library
from cove.boundaries import situations as situation_map
from cove.boundaries import wishes as wish_list
from cove.boundaries.models import ComfortGesture, Situation
from cove.core import policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.vault.records import get_owned_or_404

# ---------------------------------------------------------------------------- comfort list


@policy.signed_in
@require_http_methods(["GET", "POST"])
def comfort(request: CoveRequest) -> HttpResponse:
    form = forms.ComfortForm(request.POST or None)
    if request.method == "POST" and submit(
            form, lambda data: comfort_list.add_comfort(request.vault, data["text"])) is not None:
        messages.success(request, _("Added to your comfort list."))
        return redirect("boundaries:comfort")
    gestures = comfort_list.comfort_list(request.vault)
    return render(request, "boundaries/comfort.html", {
        "form": form, "gestures": gestures, "limit": catalogue.COMFORT_LIMIT,
        "full": len(gestures) >= catalogue.COMFORT_LIMIT, "ideas": catalogue.COMFORT_IDEAS,
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def comfort_edit(request: CoveRequest, gesture_id: str) -> HttpResponse:
    gesture = get_owned_or_404(ComfortGesture, request.vault, gesture_id)
    form = forms.ComfortEditForm(request.POST or None,
                                 initial={"text": gesture.text, "version": gesture.version})
    if request.method == "POST" and submit(form, lambda data: comfort_list.change_comfort(
            request.vault, gesture.pk, data["text"], version=data["version"])) is not None:
        messages.success(request, _("Saved."))
        return redirect("boundaries:comfort")
    return render(request, "boundaries/comfort_edit.html", {"form": form, "gesture": gesture},
                  status=409 if form.conflict is not None else 200)


@policy.signed_in
@require_POST
def comfort_delete(request: CoveRequest, gesture_id: str) -> HttpResponse:
    comfort_list.remove_comfort(request.vault, gesture_id)
    messages.success(request, _("Removed from your comfort list."))
    return redirect("boundaries:comfort")


# ---------------------------------------------------------------------------- situations


@policy.signed_in
@require_http_methods(["GET", "POST"])
def situations(request: CoveRequest) -> HttpResponse:
    form = forms.SituationForm(request.POST or None)
    if request.method == "POST" and submit(
            form, lambda data: situation_map.add_situation(request.vault, **data)) is not None:
        messages.success(request, _("Added to your map."))
        return redirect("boundaries:situations")
    return render(request, "boundaries/situations.html", {
        "form": form, "zones": situation_map.situation_map(request.vault),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def situation_edit(request: CoveRequest, situation_id: str) -> HttpResponse:
    situation = get_owned_or_404(Situation, request.vault, situation_id)
    form = forms.SituationEditForm(request.POST or None, initial={
        "title": situation.title, "zone": situation.zone, "notes": situation.notes,
        "version": situation.version})
    if request.method == "POST" and submit(form, lambda data: situation_map.change_situation(
            request.vault, situation.pk, **data)) is not None:
        messages.success(request, _("Saved."))
        return redirect("boundaries:situations")
    return render(request, "boundaries/situation_edit.html",
                  {"form": form, "situation": situation},
                  status=409 if form.conflict is not None else 200)


@policy.signed_in
@require_POST
def situation_delete(request: CoveRequest, situation_id: str) -> HttpResponse:
    situation_map.remove_situation(request.vault, situation_id)
    messages.success(request, _("Removed from your map, with its history."))
    return redirect("boundaries:situations")


@policy.signed_in
@require_GET
def situation_history(request: CoveRequest) -> HttpResponse:
    page = situation_map.situation_history(request.vault, request.GET.get("page"))
    return render(request, "boundaries/situation_history.html",
                  {"page": page, "zone_labels": catalogue.ZONE_LABELS})


# ---------------------------------------------------------------------------- wishes


@policy.signed_in
@require_http_methods(["GET", "POST"])
def wishes(request: CoveRequest) -> HttpResponse:
    form = forms.OwnWishForm(request.POST or None)
    if request.method == "POST" and submit(
            form, lambda data: wish_list.add_own_wish(request.vault, **data)) is not None:
        messages.success(request, _("Added to your wishes."))
        return redirect("boundaries:wishes")
    listed, own = wish_list.wish_rows(request.vault)
    return render(request, "boundaries/wishes.html", {
        "form": form, "listed": listed, "own": own,
        "answers": [(a, str(catalogue.WISH_LABELS[a])) for a in (*catalogue.WISH_ANSWERS, "")],
    })


@policy.signed_in
@require_POST
def wish_answer(request: CoveRequest) -> HttpResponse:
    """A quick answer (one choice replacing the last): saved as the person's latest word."""
    form = forms.WishAnswerForm(request.POST)
    wish_id = request.POST.get("wish", "")
    if wish_id:
        wish = submit(form, lambda data: wish_list.change_wish(request.vault, wish_id,
                                                               data["answer"]))
    else:
        key = request.POST.get("key", "")
        if key not in catalogue.WISH_BY_KEY:
            raise Http404
        wish = submit(form, lambda data: wish_list.answer_wish(request.vault, key,
                                                               data["answer"]))
    if wish is None:
        text = form.error_text()
        if request.htmx:
            return render(request, "boundaries/partials/saved_status.html", {"status_text": text})
        messages.error(request, text)
        return redirect("boundaries:wishes")
    text = _("Saved: %(wish)s — %(answer)s") % {
        "wish": wish.label, "answer": catalogue.WISH_LABELS[wish.answer]}
    if request.htmx:
        return render(request, "boundaries/partials/saved_status.html", {"status_text": text})
    messages.success(request, text)
    return redirect(reverse("boundaries:wishes") + (f"#w-{wish.pk}" if not wish.key else ""))


@policy.signed_in
@require_POST
def wish_delete(request: CoveRequest, wish_id: str) -> HttpResponse:
    wish_list.remove_own_wish(request.vault, wish_id)
    messages.success(request, _("Removed from your wishes."))
    return redirect("boundaries:wishes")


# ---------------------------------------------------------------------------- phrases


@policy.signed_in
@require_http_methods(["GET", "POST"])
def phrases(request: CoveRequest) -> HttpResponse:
    # One moment (asking, checking in, …) per part, so the page stays short on a phone; a
    # phrase added on a part is offered that part's moment first.
    part = _part_number(request.GET.get("part"), len(catalogue.MOMENTS))
    form = forms.OwnPhraseForm(request.POST or None,
                               initial={"moment": catalogue.MOMENTS[part - 1].slug})
    added = submit(form, lambda data: phrase_library.add_own_phrase(
        request.vault, **data)) if request.method == "POST" else None
    if added is not None:
        messages.success(request, _("Added to your phrases and your favourites."))
        return redirect(_phrases_url(added.moment))
    library = phrase_library.phrase_library(request.vault)
    if request.method == "POST":  # a refused phrase: show the part of the moment chosen
        part = _moment_part(str(form.data.get("moment", ""))) or part
    return render(request, "boundaries/phrases.html", {
        "form": form, "library": library[part - 1:part], "part": part, "parts": len(library),
        "moments": catalogue.MOMENTS,
    })


def _part_number(raw: Any, parts: int) -> int:
    try:
        return min(max(1, int(raw)), parts)
    except (TypeError, ValueError):
        return 1


def _moment_part(moment: str) -> int:
    slugs = [m.slug for m in catalogue.MOMENTS]
    return slugs.index(moment) + 1 if moment in slugs else 0


def _phrases_url(moment: str) -> str:
    """The part of the phrases page that shows this moment, at its heading."""
    part = _moment_part(moment)
    query = f"?part={part}" if part > 1 else ""
    return f"{reverse('boundaries:phrases')}{query}#m-{moment}"


@policy.signed_in
@require_POST
def phrase_favourite(request: CoveRequest) -> HttpResponse:
    """Star or unstar a phrase: a toggle whose latest press is the person's choice."""
    favourite = request.POST.get("favourite") == "1"
    own_id = request.POST.get("own", "")
    if own_id:
        choice = phrase_library.set_own_favourite(request.vault, own_id, favourite)
        key = ""
    else:
        key = request.POST.get("key", "")
        if key not in catalogue.PHRASE_BY_KEY:
            raise Http404
        choice = phrase_library.set_favourite(request.vault, key, favourite)
    row = phrase_library.PhraseRow(choice.wording, choice.moment, key, choice)
    if request.htmx:
        return render(request, "boundaries/partials/phrase_row.html", {"row": row, "oob": True})
    messages.success(request, _("Added to favourites.") if favourite
                     else _("Taken off favourites."))
    return redirect(_phrases_url(choice.moment))


@policy.signed_in
@require_POST
def phrase_delete(request: CoveRequest, choice_id: str) -> HttpResponse:
    phrase_library.remove_own_phrase(request.vault, choice_id)
    messages.success(request, _("Removed your phrase."))
    return redirect("boundaries:phrases")


@policy.signed_in
@require_GET
def rehearse(request: CoveRequest) -> HttpResponse:
    which = request.GET.get("set", "all")
    if which not in {"all", "favourites", *catalogue.MOMENT_BY_SLUG}:
        which = "all"
    texts = phrase_library.rehearsal_set(request.vault, which)
    try:
        position = max(0, int(request.GET.get("n", 0)))
    except (TypeError, ValueError):
        position = 0
    if texts:
        position = min(position, len(texts) - 1)
    moment = catalogue.MOMENT_BY_SLUG.get(which)
    return render(request, "boundaries/rehearse.html", {
        "texts": texts, "text": texts[position] if texts else None, "position": position,
        "which": which, "moments": catalogue.MOMENTS,
        "set_title": moment.title if moment else (
            _("Your favourites") if which == "favourites" else _("All phrases")),
        "previous": position - 1 if position > 0 else None,
        "next": position + 1 if position + 1 < len(texts) else None,
    })
