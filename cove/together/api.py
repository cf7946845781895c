"""Together operations as JSON (tag "partners"), on the same services as the pages.

Every operation takes the link id first; a link that is not the person's, or no longer
active, is the same 404 as one that never existed.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.security import django_auth

from cove.boundaries.catalogue import WISH_BY_KEY
from cove.core import policy
from cove.core.http import CoveRequest
from cove.core.paging import Paging
from cove.partners.public import Link, active_links, get_active_link_or_404, other_member
from cove.safety.public import get_pause_plan
from cove.together import agreements, practice, rituals, rules, steps, wishes
from cove.together import schemas as s
from cove.together.choices import PracticeState, RoundState
from cove.together.models import AgreementChange, SharedPractice, WishRound

PREFIX = "/together/"
router = Router(auth=django_auth, tags=["partners"])
NOT_FOUND = {404: dict}


def _link(request: CoveRequest, link_id: str) -> Link:
    return get_active_link_or_404(request.person, link_id)


# Shapes -----------------------------------------------------------------------------------

def _terms_out(terms: dict[str, Any], me: int, other: int) -> dict[str, Any]:
    pause = terms.get("after_pause") or {}
    return {**{k: v for k, v in terms.items() if k != "after_pause"},
            "after_pause": {"together": pause.get("together", ""),
                            "mine": pause.get(str(me), ""), "theirs": pause.get(str(other), "")}}


def _terms_in(payload: s.Terms, me: int, other: int) -> dict[str, Any]:
    data = payload.dict()
    pause = data.pop("after_pause")
    return {**{k: v for k, v in data.items() if k != "version"},
            "after_pause": {"together": pause["together"], str(me): pause["mine"],
                            str(other): pause["theirs"]}}


def _change_out(change: AgreementChange, me: int, other: int) -> dict[str, Any]:
    return {"id": change.pk, "by_me": change.owner_id == me, "status": change.status,
            "topics": list(change.changes),
            "changes": _terms_out({**rules.empty_terms(), **change.changes}, me, other),
            "created_at": change.created_at, "decided_at": change.decided_at}


def _ids(request: CoveRequest, link: Link) -> tuple[int, int]:
    return request.person.pk, link.other_id(request.person.pk)


def _items(pairs: list[Any]) -> list[dict[str, str]]:
    return [{"key": key, "title": str(WISH_BY_KEY[key].title), "overlap": label}
            for key, label in pairs if key in WISH_BY_KEY]


def _practice_out(request: CoveRequest, link: Link, shared: SharedPractice) -> dict[str, Any]:
    pause = None
    if shared.state == PracticeState.PAUSED:
        after = agreements.current_terms(request.vault, link)["after_pause"]
        own = get_pause_plan(request.vault)
        pause = {"together": after.get("together", ""),
                 "mine": after.get(str(request.person.pk), ""),
                 "from_my_plan": own.after_pause if own else ""}
    return {"id": shared.pk, "state": shared.state, "version": shared.version,
            "step_title": shared.step_title, "minutes": shared.minutes,
            "started_by_me": shared.owner_id == request.person.pk,
            "aftercare_done": shared.aftercare_done or [], "pause": pause}


# Links and agreements ---------------------------------------------------------------------

@router.get("/links", response=list[s.TogetherLinkOut], summary="People you are linked with")
@policy.signed_in
def list_links(request: CoveRequest) -> Any:
    return [{"id": link.pk, "partner": other_member(link, request.person).username}
            for link in active_links(request.person)]


@router.get("/{link_id}/agreement", response={200: s.AgreementOut, **NOT_FOUND},
            summary="Your shared agreement and any suggestion waiting")
@policy.signed_in
def get_agreement(request: CoveRequest, link_id: str) -> Any:
    link = _link(request, link_id)
    me, other = _ids(request, link)
    stored = agreements.agreement_of(request.vault, link)
    waiting = agreements.waiting_change(request.vault, link)
    return {"terms": _terms_out(agreements.current_terms(request.vault, link), me, other),
            "version": stored.version if stored else None,
            "waiting": _change_out(waiting, me, other) if waiting else None}


@router.post("/{link_id}/agreement/suggestions",
             response={200: s.SuggestedOut, 409: dict, 422: dict, **NOT_FOUND},
             summary="Suggest the whole agreement; safer parts count at once")
@policy.signed_in
def suggest(request: CoveRequest, link_id: str, payload: s.TermsIn) -> Any:
    link = _link(request, link_id)
    me, other = _ids(request, link)
    done = agreements.suggest(request.vault, link, _terms_in(payload, me, other),
                              payload.version)
    return {"at_once": done.at_once,
            "waiting": _change_out(done.waiting, me, other) if done.waiting else None}


@router.get("/{link_id}/agreement/history", response={200: list[s.AgreementChangeOut], **NOT_FOUND},
            summary="Every suggestion and what became of it, newest first")
@policy.signed_in
def history(request: CoveRequest, link_id: str, paging: Query[Paging]) -> Any:
    link = _link(request, link_id)
    me, other = _ids(request, link)
    return [_change_out(c, me, other)
            for c in paging.slice(agreements.history(request.vault, link))]


@router.post("/{link_id}/agreement/suggestions/{change_id}/agree",
             response={204: None, 422: dict, **NOT_FOUND},
             summary="Agree to your partner's waiting suggestion")
@policy.signed_in
def agree(request: CoveRequest, link_id: str, change_id: str) -> Any:
    agreements.accept(request.vault, _link(request, link_id), change_id)
    return Status(204, None)


@router.post("/{link_id}/agreement/suggestions/{change_id}/set-aside",
             response={204: None, 422: dict, **NOT_FOUND},
             summary="Set a waiting suggestion aside")
@policy.signed_in
def set_aside(request: CoveRequest, link_id: str, change_id: str) -> Any:
    agreements.set_aside(request.vault, _link(request, link_id), change_id)
    return Status(204, None)


# Wishes -----------------------------------------------------------------------------------

@router.get("/{link_id}/wishes", response={200: s.WishesOut, **NOT_FOUND},
            summary="The open round, if any, and what earlier rounds shared")
@policy.signed_in
def get_wishes(request: CoveRequest, link_id: str) -> Any:
    link = _link(request, link_id)
    latest = wishes.latest_round(request.vault, link)
    is_open = latest is not None and latest.state == RoundState.OPEN
    when = None if is_open else wishes.next_start(request.vault, link)
    now = timezone.now()
    return {
        "open_round": {"id": latest.pk, "started_by_me": wishes.is_starter(request.vault, latest)}
        if is_open and latest is not None else None,
        "can_start": when is not None and when <= now,
        "start_after": when if when is not None and when > now else None,
        "shared": [{"id": r.pk, "closed_at": r.closed_at, "items": _items(r.released)}
                   for r in wishes.shared_rounds(request.vault, link)],
    }


@router.post("/{link_id}/wishes/rounds", response={201: s.OpenRound, 422: dict, **NOT_FOUND},
             summary="Start a round (the pace-holder only, after the chosen wait)")
@policy.signed_in
def start_round(request: CoveRequest, link_id: str, payload: s.StartIn) -> Any:
    started = wishes.start_round(request.vault, _link(request, link_id), payload.cooldown_days)
    return Status(201, {"id": started.pk, "started_by_me": True})


def _round(request: CoveRequest, link: Link, round_id: str) -> WishRound:
    return wishes.open_round(request.vault, link, round_id)


@router.get("/{link_id}/wishes/rounds/{round_id}/answers",
            response={200: s.AnswersOut, **NOT_FOUND}, summary="Your own kept answers")
@policy.signed_in
def my_answers(request: CoveRequest, link_id: str, round_id: str) -> Any:
    link = _link(request, link_id)
    return {"answers": wishes.my_answers(request.vault, _round(request, link, round_id))}


@router.put("/{link_id}/wishes/rounds/{round_id}/answers",
            response={204: None, 422: dict, **NOT_FOUND},
            summary="Answer privately; only yes and curious are kept")
@policy.signed_in
def put_answers(request: CoveRequest, link_id: str, round_id: str, payload: s.AnswersIn) -> Any:
    link = _link(request, link_id)
    wishes.save_answers(request.vault, link, round_id,
                        {k: str(v) for k, v in payload.answers.items()})
    return Status(204, None)


@router.get("/{link_id}/wishes/rounds/{round_id}/overlap",
            response={200: list[s.WishItem], **NOT_FOUND},
            summary="What you both chose (the round's starter only, before sharing)")
@policy.signed_in
def get_overlap(request: CoveRequest, link_id: str, round_id: str) -> Any:
    link = _link(request, link_id)
    return _items(wishes.overlap(request.vault, link, _round(request, link, round_id)))


@router.post("/{link_id}/wishes/rounds/{round_id}/release",
             response={200: s.SharedRound, 422: dict, **NOT_FOUND},
             summary="Share the items you keep and end the round (the starter only)")
@policy.signed_in
def release(request: CoveRequest, link_id: str, round_id: str, payload: s.ReleaseIn) -> Any:
    link = _link(request, link_id)
    if not wishes.is_starter(request.vault, _round(request, link, round_id)):
        raise Http404
    ended = wishes.release(request.vault, link, round_id, payload.keep)
    return {"id": ended.pk, "closed_at": ended.closed_at, "items": _items(ended.released)}


# Practice ---------------------------------------------------------------------------------

@router.get("/{link_id}/practice", response={200: s.PracticeHome, **NOT_FOUND},
            summary="The practice going on, or your own steps to start one from")
@policy.signed_in
def practice_home(request: CoveRequest, link_id: str) -> Any:
    link = _link(request, link_id)
    going = practice.current(request.vault, link)
    return {"current": _practice_out(request, link, going) if going else None,
            "steps": [] if going else [
                {"id": st.id, "title": st.title, "ladder_title": st.ladder_title,
                 "minutes": st.minutes} for st in steps.own_steps(request.vault)]}


@router.post("/{link_id}/practice", response={201: s.SharedPracticeOut, 422: dict, **NOT_FOUND},
             summary="Start practising one of your own steps together")
@policy.signed_in
def start_practice(request: CoveRequest, link_id: str, payload: s.PracticeStartIn) -> Any:
    link = _link(request, link_id)
    return Status(201, _practice_out(request, link,
                                     practice.start(request.vault, link, payload.step_id)))


@router.get("/{link_id}/practice/{practice_id}", response={200: s.SharedPracticeOut, **NOT_FOUND},
            summary="The shared practice screen's state (poll it once a second)")
@policy.signed_in
def get_practice(request: CoveRequest, link_id: str, practice_id: str) -> Any:
    link = _link(request, link_id)
    return _practice_out(request, link, practice.get(request.vault, link, practice_id))


def _move(request: CoveRequest, link_id: str, practice_id: str, action: str) -> Any:
    link = _link(request, link_id)
    return _practice_out(request, link, practice.move(request.vault, link, practice_id, action))


@router.post("/{link_id}/practice/{practice_id}/pause",
             response={200: s.SharedPracticeOut, 422: dict, **NOT_FOUND}, summary="Pause, at once")
@policy.signed_in
def pause(request: CoveRequest, link_id: str, practice_id: str) -> Any:
    return _move(request, link_id, practice_id, "pause")


@router.post("/{link_id}/practice/{practice_id}/resume",
             response={200: s.SharedPracticeOut, 422: dict, **NOT_FOUND}, summary="Carry on")
@policy.signed_in
def resume(request: CoveRequest, link_id: str, practice_id: str) -> Any:
    return _move(request, link_id, practice_id, "resume")


@router.post("/{link_id}/practice/{practice_id}/end",
             response={200: s.SharedPracticeOut, 422: dict, **NOT_FOUND}, summary="End for today")
@policy.signed_in
def end(request: CoveRequest, link_id: str, practice_id: str) -> Any:
    return _move(request, link_id, practice_id, "end")


@router.put("/{link_id}/practice/{practice_id}/aftercare",
            response={200: s.SharedPracticeOut, 422: dict, **NOT_FOUND},
            summary="Tick the agreed aftercare you have done")
@policy.signed_in
def put_aftercare(request: CoveRequest, link_id: str, practice_id: str,
                  payload: s.AftercareIn) -> Any:
    link = _link(request, link_id)
    practice.tick_aftercare(request.vault, link, practice_id, payload.done)
    return _practice_out(request, link, practice.get(request.vault, link, practice_id))


@router.post("/{link_id}/practice/{practice_id}/debrief",
             response={204: None, 422: dict, **NOT_FOUND},
             summary="A private debrief, and a part to share if you write one")
@policy.signed_in
def debrief(request: CoveRequest, link_id: str, practice_id: str, payload: s.DebriefIn) -> Any:
    practice.write_debrief(request.vault, _link(request, link_id), practice_id,
                           payload.private_text, payload.shared_text)
    return Status(204, None)


@router.get("/{link_id}/practice/{practice_id}/shared",
            response={200: list[s.SharedText], **NOT_FOUND},
            summary="What each of you chose to share after this practice")
@policy.signed_in
def practice_shared(request: CoveRequest, link_id: str, practice_id: str) -> Any:
    link = _link(request, link_id)
    shared = practice.get(request.vault, link, practice_id)
    return [{"id": n.pk, "by_me": n.owner_id == request.person.pk, "text": n.text,
             "created_at": n.created_at}
            for n in practice.shared_notes(request.vault, link, shared)]


# Rituals ----------------------------------------------------------------------------------

@router.post("/{link_id}/check-ins", response={201: s.KeptOut, 422: dict, **NOT_FOUND},
             summary="A weekly check-in; only the parts in `share` go to your partner")
@policy.signed_in
def add_checkin(request: CoveRequest, link_id: str, payload: s.TrustCheckInIn) -> Any:
    kept = rituals.add_checkin(request.vault, _link(request, link_id),
                               {str(k): v for k, v in payload.parts.items()},
                               {str(p) for p in payload.share})
    return Status(201, {"kept": kept})


@router.get("/{link_id}/check-ins", response={200: list[s.TrustCheckInOut], **NOT_FOUND},
            summary="Check-in parts either of you shared, newest first")
@policy.signed_in
def shared_checkins(request: CoveRequest, link_id: str, paging: Query[Paging]) -> Any:
    link = _link(request, link_id)
    return [{"id": c.pk, "by_me": c.owner_id == request.person.pk, "parts": c.parts,
             "created_at": c.created_at}
            for c in paging.slice(rituals.shared_checkins(request.vault, link))]


@router.get("/{link_id}/check-ins/mine", response={200: list[s.TrustCheckInOut], **NOT_FOUND},
            summary="The check-in parts you kept to yourself, newest first")
@policy.signed_in
def own_checkins(request: CoveRequest, link_id: str, paging: Query[Paging]) -> Any:
    link = _link(request, link_id)
    return [{"id": c.pk, "by_me": True, "parts": c.parts, "created_at": c.created_at}
            for c in paging.slice(rituals.own_checkins(request.vault, link))]


@router.get("/{link_id}/notes", response={200: list[s.TogetherNoteOut], **NOT_FOUND},
            summary="The shared list of thanks and small wins, newest first")
@policy.signed_in
def list_notes(request: CoveRequest, link_id: str, paging: Query[Paging]) -> Any:
    link = _link(request, link_id)
    return [{"id": n.pk, "by_me": n.owner_id == request.person.pk, "kind": n.kind,
             "text": n.text, "created_at": n.created_at}
            for n in paging.slice(rituals.notes(request.vault, link))]


@router.post("/{link_id}/notes", response={201: s.TogetherNoteOut, 422: dict, **NOT_FOUND},
             summary="Add a thank-you or a small win to the shared list")
@policy.signed_in
def add_note(request: CoveRequest, link_id: str, payload: s.TogetherNoteIn) -> Any:
    note = rituals.add_note(request.vault, _link(request, link_id), payload.kind, payload.text)
    return Status(201, {"id": note.pk, "by_me": True, "kind": note.kind, "text": note.text,
                        "created_at": note.created_at})


@router.delete("/{link_id}/notes/{note_id}", response={204: None, 422: dict, **NOT_FOUND},
               summary="Take back one of your own notes")
@policy.signed_in
def delete_note(request: CoveRequest, link_id: str, note_id: str) -> Any:
    rituals.delete_note(request.vault, _link(request, link_id), note_id)
    return Status(204, None)
