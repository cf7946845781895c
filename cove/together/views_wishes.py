"""Wish rounds: answer privately, the starter sees the overlap first, shares what they choose.

The other person's pages read only the round's state, their own answers and what was
shared, so they are the same whatever the starter answered or held back.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.boundaries.catalogue import WISH_BY_KEY
from cove.core import policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.together import forms, wishes
from cove.together.choices import Overlap, RoundState
from cove.together.views import link_context, saved

# A starter whose every yes or curious matched, with at least this many, is told gently
# that their partner may have said yes to everything (docs/security.md).
YES_FLOOD_MIN = 5


def labelled(items: list[list[str]] | list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for key, label in items:
        wish = WISH_BY_KEY.get(key)
        if wish is not None:
            out.append((str(wish.title), str(Overlap(label).label)))
    return out


@policy.signed_in
@require_GET
def wishes_page(request: CoveRequest, link_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    latest = wishes.latest_round(request.vault, link)
    is_open = latest is not None and latest.state == RoundState.OPEN
    when = None if is_open else wishes.next_start(request.vault, link)
    return render(request, "together/wishes.html", {
        **context,
        "round": latest if is_open else None,
        "starter": is_open and latest is not None and wishes.is_starter(request.vault, latest),
        "can_start": when is not None and when <= timezone.now(),
        "start_after": when if when is not None and when > timezone.now() else None,
        "start_form": forms.StartRoundForm(),
        "past": [(r, labelled(r.released)) for r in wishes.shared_rounds(request.vault, link)],
    })


@policy.signed_in
@require_POST
def start(request: CoveRequest, link_id: str) -> HttpResponse:
    link, _context = link_context(request, link_id)
    form = forms.StartRoundForm(request.POST)
    started = submit(form, lambda data: wishes.start_round(request.vault, link,
                                                           data["cooldown_days"]))
    if started is None:
        for error in [*form.non_field_errors(), *form.errors.get("cooldown_days", [])]:
            messages.error(request, error)
        return redirect("together:wishes", link_id=link.pk)
    return redirect("together:answer", link_id=link.pk, round_id=started.pk)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def answer(request: CoveRequest, link_id: str, round_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    wish_round = wishes.open_round(request.vault, link, round_id)
    form = forms.AnswersForm(request.POST if request.method == "POST" else None,
                             initial=forms.AnswersForm.initial_from(
                                 wishes.my_answers(request.vault, wish_round)))
    if request.method == "POST" and submit(form, lambda _data: saved(
            wishes.save_answers, request.vault, link, wish_round.pk, form.answers())):
        messages.success(request, _("Saved. Only you can see your answers."))
        return redirect("together:wishes", link_id=link.pk)
    return render(request, "together/answer.html", {**context, "form": form,
                                                    "round": wish_round})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def overlap(request: CoveRequest, link_id: str, round_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    wish_round = wishes.open_round(request.vault, link, round_id)
    if not wishes.is_starter(request.vault, wish_round):
        raise Http404
    found = wishes.overlap(request.vault, link, wish_round)
    form = forms.ReleaseForm(request.POST if request.method == "POST" else None, overlap=found,
                             initial={"keep": [key for key, _label in found]})
    if request.method == "POST" and submit(form, lambda data: wishes.release(
            request.vault, link, wish_round.pk, data["keep"])) is not None:
        messages.success(request, _("Done. Your partner now sees only what you chose."))
        return redirect("together:wishes", link_id=link.pk)
    mine = wishes.my_answers(request.vault, wish_round)
    rows = [(key, title, label, f"keep-{n}")
            for n, ((key, _lbl), (title, label)) in enumerate(
                zip(found, labelled(found), strict=True), start=1)]
    return render(request, "together/overlap.html", {
        **context, "form": form, "round": wish_round, "rows": rows,
        "all_matched": len(found) >= YES_FLOOD_MIN and len(found) == len(mine),
    })
