"""Wish rounds: answer privately, the starter sees the overlap first, shares what they choose.

The other person's pages read only the round's state, their own answers and what was
shared, so they are the same whatever the starter answered or held back.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.boundaries.catalogue import WISH_BY_KEY, WISHES
from cove.core import policy, steps
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.together import forms, wishes
from cove.together.choices import Overlap, PartnerWishAnswer, RoundState
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


def _wish_steps() -> tuple[steps.Step, ...]:
    """The wishes four at a time, in the catalogue's order."""
    names = [f"w{n}" for n in range(1, len(WISHES) + 1)]
    return tuple(
        steps.Step(format_lazy(_lazy("Wishes {first} to {last}"), first=start + 1,
                               last=min(start + WISHES_PER_STEP, len(names))),
                   tuple(names[start:start + WISHES_PER_STEP]))
        for start in range(0, len(names), WISHES_PER_STEP))


WISHES_PER_STEP = 4
ANSWERS_FLOW = steps.Flow(
    key="together.wishes", steps=_wish_steps(), url_name="together:answer",
    done_url_name="together:wishes", done_kwargs=("link_id",),
    template="together/answer_steps.html", heading=_lazy("My answers"),
)
# Only yes and curious are ever stored, in a draft as in the answers themselves.
STORED_ANSWERS = {PartnerWishAnswer.YES.value, PartnerWishAnswer.CURIOUS.value}


def _keepable(changes: dict[str, object]) -> dict[str, object]:
    return {name: value if value in STORED_ANSWERS else "" for name, value in changes.items()}


@policy.signed_in
@require_http_methods(["GET", "POST"])
def answer(request: CoveRequest, link_id: str, round_id: str) -> HttpResponse:
    link, context = link_context(request, link_id)
    wish_round = wishes.open_round(request.vault, link, round_id)

    def finish(values: dict[str, object], _version: int | None) -> bool:
        answers = {w.key: str(values.get(f"w{n}") or "") for n, w in enumerate(WISHES, start=1)}
        return saved(wishes.save_answers, request.vault, link, wish_round.pk, answers)

    return steps.run(
        request, ANSWERS_FLOW, forms.AnswersForm,
        stored=forms.AnswersForm.initial_from(wishes.my_answers(request.vault, wish_round)),
        version=0,
        finish=steps.Finish(finish, _lazy("Saved. Only you can see your answers.")),
        keepable=_keepable,
        url_kwargs={"link_id": link.pk, "round_id": wish_round.pk},
        draft_key=f"together.wishes.{wish_round.pk}",
        context={**context, "round": wish_round, "finish_label": _("Save privately")},
    )


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
