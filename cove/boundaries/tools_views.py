"""Comfort list, situations map, wishes and consent phrases: thin views over services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.boundaries import catalogue, forms, services
from cove.boundaries.models import ComfortGesture, PhraseChoice, Situation, Wish
from cove.boundaries.typing import VaultRequest
from cove.boundaries.views import error_text
from cove.core import policy
from cove.vault.records import get_owned_or_404

# ---------------------------------------------------------------------------- comfort list


@policy.signed_in
@require_http_methods(["GET", "POST"])
def comfort(request: VaultRequest) -> HttpResponse:
    form = forms.ComfortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_comfort(request.vault, form.cleaned_data["text"])
        except ValidationError as exc:
            form.add_errors(exc.message_dict)
        else:
            messages.success(request, _("Added to your comfort list."))
            return redirect("boundaries:comfort")
    gestures = services.comfort_list(request.vault)
    return render(request, "boundaries/comfort.html", {
        "form": form, "gestures": gestures, "limit": catalogue.COMFORT_LIMIT,
        "full": len(gestures) >= catalogue.COMFORT_LIMIT, "ideas": catalogue.COMFORT_IDEAS,
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def comfort_edit(request: VaultRequest, gesture_id: str) -> HttpResponse:
    gesture = get_owned_or_404(ComfortGesture, request.vault, gesture_id)
    form = forms.ComfortForm(request.POST or None, initial={"text": gesture.text})
    if request.method == "POST" and form.is_valid():
        services.change_comfort(gesture, form.cleaned_data["text"])
        messages.success(request, _("Saved."))
        return redirect("boundaries:comfort")
    return render(request, "boundaries/comfort_edit.html", {"form": form, "gesture": gesture})


@policy.signed_in
@require_POST
def comfort_delete(request: VaultRequest, gesture_id: str) -> HttpResponse:
    get_owned_or_404(ComfortGesture, request.vault, gesture_id).delete()
    messages.success(request, _("Removed from your comfort list."))
    return redirect("boundaries:comfort")


# ---------------------------------------------------------------------------- situations


@policy.signed_in
@require_http_methods(["GET", "POST"])
def situations(request: VaultRequest) -> HttpResponse:
    form = forms.SituationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_situation(request.vault, **form.cleaned_data)
        messages.success(request, _("Added to your map."))
        return redirect("boundaries:situations")
    return render(request, "boundaries/situations.html", {
        "form": form, "zones": services.situation_map(request.vault),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def situation_edit(request: VaultRequest, situation_id: str) -> HttpResponse:
    situation = get_owned_or_404(Situation, request.vault, situation_id)
    form = forms.SituationForm(request.POST or None, initial={
        "title": situation.title, "zone": situation.zone, "notes": situation.notes})
    if request.method == "POST" and form.is_valid():
        services.change_situation(situation, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("boundaries:situations")
    return render(request, "boundaries/situation_edit.html",
                  {"form": form, "situation": situation})


@policy.signed_in
@require_POST
def situation_delete(request: VaultRequest, situation_id: str) -> HttpResponse:
    get_owned_or_404(Situation, request.vault, situation_id).delete()
    messages.success(request, _("Removed from your map, with its history."))
    return redirect("boundaries:situations")


@policy.signed_in
@require_GET
def situation_history(request: VaultRequest) -> HttpResponse:
    page = services.situation_history(request.vault, request.GET.get("page"))
    return render(request, "boundaries/situation_history.html",
                  {"page": page, "zone_labels": catalogue.ZONE_LABELS})


# ---------------------------------------------------------------------------- wishes


@policy.signed_in
@require_http_methods(["GET", "POST"])
def wishes(request: VaultRequest) -> HttpResponse:
    form = forms.OwnWishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_own_wish(request.vault, **form.cleaned_data)
        messages.success(request, _("Added to your wishes."))
        return redirect("boundaries:wishes")
    listed, own = services.wish_rows(request.vault)
    return render(request, "boundaries/wishes.html", {
        "form": form, "listed": listed, "own": own,
        "answers": [(a, str(catalogue.WISH_LABELS[a])) for a in (*catalogue.WISH_ANSWERS, "")],
    })


@policy.signed_in
@require_POST
def wish_answer(request: VaultRequest) -> HttpResponse:
    answer = request.POST.get("answer", "")
    wish_id = request.POST.get("wish", "")
    try:
        if wish_id:
            wish = services.change_wish(get_owned_or_404(Wish, request.vault, wish_id), answer)
        else:
            key = request.POST.get("key", "")
            if key not in catalogue.WISH_BY_KEY:
                raise Http404
            wish = services.answer_wish(request.vault, key, answer)
    except ValidationError as exc:
        if request.htmx:
            return render(request, "boundaries/partials/saved_status.html",
                          {"status_text": error_text(exc)})
        messages.error(request, error_text(exc))
        return redirect("boundaries:wishes")
    text = _("Saved: %(wish)s — %(answer)s") % {
        "wish": wish.label, "answer": catalogue.WISH_LABELS[wish.answer]}
    if request.htmx:
        return render(request, "boundaries/partials/saved_status.html", {"status_text": text})
    messages.success(request, text)
    return redirect(reverse("boundaries:wishes") + (f"#w-{wish.pk}" if not wish.key else ""))


@policy.signed_in
@require_POST
def wish_delete(request: VaultRequest, wish_id: str) -> HttpResponse:
    wish = get_owned_or_404(Wish, request.vault, wish_id)
    if wish.key:
        raise Http404
    wish.delete()
    messages.success(request, _("Removed from your wishes."))
    return redirect("boundaries:wishes")


# ---------------------------------------------------------------------------- phrases


@policy.signed_in
@require_http_methods(["GET", "POST"])
def phrases(request: VaultRequest) -> HttpResponse:
    form = forms.OwnPhraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_own_phrase(request.vault, **form.cleaned_data)
        messages.success(request, _("Added to your phrases and your favourites."))
        return redirect("boundaries:phrases")
    return render(request, "boundaries/phrases.html", {
        "form": form, "library": services.phrase_library(request.vault),
        "moments": catalogue.MOMENTS,
    })


@policy.signed_in
@require_POST
def phrase_favourite(request: VaultRequest) -> HttpResponse:
    favourite = request.POST.get("favourite") == "1"
    own_id = request.POST.get("own", "")
    if own_id:
        choice = services.set_own_favourite(
            get_owned_or_404(PhraseChoice, request.vault, own_id), favourite)
        key = ""
    else:
        key = request.POST.get("key", "")
        if key not in catalogue.PHRASE_BY_KEY:
            raise Http404
        choice = services.set_favourite(request.vault, key, favourite)
    row = services.PhraseRow(choice.wording, choice.moment, key, choice)
    if request.htmx:
        return render(request, "boundaries/partials/phrase_row.html", {"row": row, "oob": True})
    messages.success(request, _("Added to favourites.") if favourite
                     else _("Taken off favourites."))
    return redirect(reverse("boundaries:phrases") + f"#m-{choice.moment}")


@policy.signed_in
@require_POST
def phrase_delete(request: VaultRequest, choice_id: str) -> HttpResponse:
    choice = get_owned_or_404(PhraseChoice, request.vault, choice_id)
    if choice.key:
        raise Http404
    choice.delete()
    messages.success(request, _("Removed your phrase."))
    return redirect("boundaries:phrases")


@policy.signed_in
@require_GET
def rehearse(request: VaultRequest) -> HttpResponse:
    which = request.GET.get("set", "all")
    if which not in {"all", "favourites", *catalogue.MOMENT_BY_SLUG}:
        which = "all"
    texts = services.rehearsal_set(request.vault, which)
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
