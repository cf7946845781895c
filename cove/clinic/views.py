"""Pages of the clinician third. Thin: services do the work.

Client pages (`/clinic/sharing/…`, `/clinic/join/`) are for anyone signed in; clinician
pages (`/clinic/`, `/clinic/clients/…`, `/clinic/invite/`) need an approved clinician.
"""

from __future__ import annotations

import json
from typing import Any, cast

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.clinic import briefs, homework, notes, reading, services
from cove.clinic.choices import BriefPart, ShareEnd
from cove.clinic.forms import (
    AnswerForm,
    BriefForm,
    CodeForm,
    JoinForm,
    LinkForm,
    NoteForm,
    ProfileForm,
    SuggestForm,
)
from cove.clinic.models import ClinicLink, Homework
from cove.core import invite_codes, policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.vault.records import get_owned_or_404


def _choice(data: dict[str, Any]) -> services.ShareChoice:
    return services.ShareChoice(areas=list(data["areas"]), end=data["end"], until=data["until"],
                                next_session=data["next_session"], flags=list(data["flags"]))


def _share_initial(link: ClinicLink) -> dict[str, Any]:
    ends = services.share_end(link.owner_id, link.clinician_id)
    end = ShareEnd.AFTER_SESSION if link.until_after_session else (
        ShareEnd.DATE if ends else ShareEnd.NONE)
    return {"areas": services.live_areas(link.owner_id, link.clinician_id), "end": end,
            "until": (ends.date() if ends and end == ShareEnd.DATE else None),
            "next_session": link.next_session or None, "flags": link.flags or [],
            "version": link.version}


# ---- The client's side ---------------------------------------------------------------


@require_GET
@policy.signed_in
def sharing(request: CoveRequest) -> HttpResponse:
    links = services.my_links(request.vault)
    rows = [{"link": link, "name": services.display_name(link.clinician),
             "paused": not services.is_approved(link.clinician),
             "areas": [services.areas.LABELS[a]
                       for a in services.live_areas(link.owner_id, link.clinician_id)],
             "ends": services.share_end(link.owner_id, link.clinician_id)} for link in links]
    return render(request, "clinic/sharing.html", {"rows": rows, "code_form": CodeForm()})


@require_http_methods(["GET", "POST"])
@policy.signed_in
@transaction.non_atomic_requests
def join(request: CoveRequest) -> HttpResponse:
    """Step 1: the code. Step 2: who it is and what to share (the code rides along and is
    checked again, so step 2 is throttled like step 1)."""
    if request.method != "POST":
        return render(request, "clinic/join.html", {"code_form": CodeForm()})
    code_form = CodeForm({"code": request.POST.get("code", "")})
    invite = submit(code_form, lambda d: services.open_invite(request.person, d["code"]))
    if invite is None:
        return render(request, "clinic/join.html", {"code_form": code_form}, status=400)
    if "areas" not in request.POST and "end" not in request.POST:
        form = JoinForm(initial={"code": code_form.cleaned_data["code"], "end": ShareEnd.NONE})
        return _join_page(request, form, invite)
    form = JoinForm(request.POST)
    link = submit(form, lambda d: services.join(request.vault, invite, _choice(d)))
    if link is None:
        return _join_page(request, form, invite, status=400)
    messages.success(request, _("You are now sharing what you chose."))
    return redirect("clinic:manage", link_id=link.pk)


def _join_page(request: CoveRequest, form: JoinForm, invite: Any, status: int = 200
               ) -> HttpResponse:
    profile = services.profile_of(invite.clinician)
    return render(request, "clinic/join_share.html", {"form": form, "profile": profile},
                  status=status)


@require_http_methods(["GET", "POST"])
@policy.signed_in
def manage(request: CoveRequest, link_id: str) -> HttpResponse:
    link = services.my_link(request.vault, link_id)
    form = LinkForm(request.POST or None, initial=_share_initial(link))
    if request.method == "POST" and submit(form, lambda d: services.change_sharing(
            request.vault, link, _choice(d), d.get("version"))) is not None:
        messages.success(request, _("Saved. Your clinician sees only what you chose."))
        return redirect("clinic:manage", link_id=link.pk)
    items = homework.for_client(request.vault, link)
    return render(request, "clinic/manage.html", {
        "link": link, "name": services.display_name(link.clinician),
        "profile": services.profile_of(link.clinician), "form": form,
        "paused": not services.is_approved(link.clinician),
        "homework": [(item, AnswerForm(initial={"answer": item.answer or None,
                                                "my_version": item.my_version,
                                                "how_it_went": item.how_it_went,
                                                "version": item.version}))
                     for item in items],
        "brief": briefs.draft_of(request.vault, link),
        "shared_brief": briefs.shared_for(request.vault, link),
    }, status=409 if form.conflict else 400 if form.errors else 200)


@require_POST
@policy.signed_in
def stop(request: CoveRequest, link_id: str) -> HttpResponse:
    link = services.my_link(request.vault, link_id)
    services.stop_sharing(request.vault, link)
    messages.success(request, _("Sharing has stopped. Your clinician can no longer see anything."))
    return redirect("clinic:sharing")


@require_GET
@policy.signed_in
def preview(request: CoveRequest, link_id: str) -> HttpResponse:
    """Exactly the clinician's page for this client, built from the client's own vault."""
    link = services.my_link(request.vault, link_id)
    return render(request, "clinic/client.html", _client_context(request, link, preview=True))


@require_POST
@policy.signed_in
def answer(request: CoveRequest, link_id: str, homework_id: str) -> HttpResponse:
    link = services.my_link(request.vault, link_id)
    item = get_owned_or_404(Homework, request.vault, homework_id)
    if item.link_id != link.pk:
        raise services.Http404
    form = AnswerForm(request.POST)
    if submit(form, lambda d: homework.answer(request.vault, item.pk, d["answer"],
                                              d["my_version"], d["how_it_went"], d["version"])):
        messages.success(request, _("Thank you. Your answer is saved."))
        return redirect("clinic:manage", link_id=link.pk)
    return render(request, "clinic/answer.html", {"link": link, "item": item, "form": form},
                  status=400)


@require_http_methods(["GET", "POST"])
@policy.signed_in
def brief(request: CoveRequest, link_id: str) -> HttpResponse:
    link = services.my_link(request.vault, link_id)
    draft = briefs.draft_of(request.vault, link)
    initial: dict[str, Any] = {}
    if draft is not None:
        initial = {"session_date": draft.session_date, "hidden": draft.hidden or [],
                   **cast(dict[str, Any], draft.parts or {})}
    elif link.next_session:
        initial = {"session_date": link.next_session}
    form = BriefForm(request.POST or None, initial=initial)
    if request.method == "POST":
        action = request.POST.get("action", "save")
        saved = submit(form, lambda d: briefs.save_draft(
            request.vault, link, d["session_date"], {k: d[k] for k in BriefPart.values},
            list(d["hidden"])))
        if saved is not None:
            if action == "share":
                briefs.share(request.vault, link)
                messages.success(request, _("Shared for this session only."))
            return redirect("clinic:brief", link_id=link.pk)
    kept = briefs.labelled(briefs.kept_parts(draft)) if draft is not None else []
    return render(request, "clinic/brief.html", {
        "link": link, "form": form, "draft": draft, "kept": kept,
        "shared": briefs.shared_for(request.vault, link),
        "name": services.display_name(link.clinician)}, status=400 if form.errors else 200)


@require_POST
@policy.signed_in
def unshare_brief(request: CoveRequest, link_id: str) -> HttpResponse:
    link = services.my_link(request.vault, link_id)
    briefs.unshare(request.vault, link)
    messages.success(request, _("Your brief is no longer shared."))
    return redirect("clinic:brief", link_id=link.pk)


# ---- The clinician's side -------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@policy.signed_in
def profile(request: CoveRequest) -> HttpResponse:
    current = services.profile_of(request.person)
    form = ProfileForm(request.POST or None, initial={
        "name": current.name, "practice": current.practice, "note": current.note}
        if current else None)
    if request.method == "POST" and submit(form, lambda d: services.save_profile(
            request.person, d["name"], d["practice"], d["note"])) is not None:
        messages.success(request, _("Saved."))
        return redirect("clinic:profile")
    return render(request, "clinic/profile.html", {
        "form": form, "profile": current, "open": services.mode() == services.OPEN,
        "has_clients": current is not None and services.has_clients(request.person)},
        status=400 if form.errors else 200)


@require_GET
@policy.clinician
def caseload(request: CoveRequest) -> HttpResponse:
    rows = []
    links = services.caseload_links(request.vault)
    changed = reading.last_changed(request.person.pk, [link.owner_id for link in links])
    for link in links:
        view = reading.ClientView(request.vault, link)
        rows.append({"link": link, "client": link.owner.username,
                     "areas": view.area_labels(),
                     "changed": changed[link.owner_id],
                     "next_session": link.next_session,
                     "ends": services.share_end(link.owner_id, link.clinician_id),
                     "flags": view.flags()})
    return render(request, "clinic/caseload.html", {"rows": rows})


@require_POST
@policy.clinician
def invite(request: CoveRequest) -> HttpResponse:
    made = services.new_invite(request.person)
    join_url = request.build_absolute_uri("/clinic/join/") + "#" + made.code
    return render(request, "clinic/invite.html", {
        "code": made.code, "expires_at": made.expires_at,
        "qr": invite_codes.qr_svg(join_url, _("A code to share with me in Cove"))})


def _client_context(request: CoveRequest, link: ClinicLink, preview: bool) -> dict[str, Any]:
    view = reading.ClientView(request.vault, link)
    view.read_all()  # every shared area at once: one page view, one access receipt
    shared_brief = briefs.shared_for(request.vault, link)
    return {
        "link": link, "preview": preview, "client": link.owner.username,
        "areas": view.area_labels(), "measures": view.measures(),
        "practices": view.practice_curves(), "others": view.other_areas(),
        "homework": homework.for_client(request.vault, link),
        "brief": (briefs.labelled(cast(dict[str, str], shared_brief.parts or {}))
                  if shared_brief else []),
        "brief_date": shared_brief.session_date if shared_brief else "",
        "next_session": link.next_session, "flags": view.flags(),
        "sources": reading.change.sources(),
    }


@require_GET
@policy.clinician
def client(request: CoveRequest, link_id: str) -> HttpResponse:
    link = services.client_link(request.vault, link_id)
    context = _client_context(request, link, preview=False)
    context.update({"suggest_form": SuggestForm(), "note_form": NoteForm(),
                    "notes": notes.notes_about(request.vault, link)})
    return render(request, "clinic/client.html", context)


@require_POST
@policy.clinician
def suggest(request: CoveRequest, link_id: str) -> HttpResponse:
    link = services.client_link(request.vault, link_id)
    form = SuggestForm(request.POST)
    if submit(form, lambda d: homework.suggest(request.vault, link, d["kind"], d["title"],
                                               d["detail"])):
        messages.success(request, _("Suggestion sent. Your client may accept, change or "
                                    "decline it."))
        return redirect("clinic:client", link_id=link.pk)
    return render(request, "clinic/form_page.html", {
        "form": form, "title": _("Suggest something"), "link": link}, status=400)


@require_POST
@policy.clinician
def add_note(request: CoveRequest, link_id: str) -> HttpResponse:
    link = services.client_link(request.vault, link_id)
    form = NoteForm(request.POST)
    if submit(form, lambda d: notes.add_note(request.vault, link, d["body"])):
        messages.success(request, _("Note saved."))
        return redirect("clinic:client", link_id=link.pk)
    return render(request, "clinic/form_page.html", {
        "form": form, "title": _("Private note"), "link": link}, status=400)


@require_GET
@policy.clinician
def fhir(request: CoveRequest, link_id: str) -> HttpResponse:
    link = services.client_link(request.vault, link_id)
    view = reading.ClientView(request.vault, link)
    response = HttpResponse(json.dumps(view.fhir_bundle(), indent=1),
                            content_type="application/fhir+json")
    response["Content-Disposition"] = 'attachment; filename="questionnaires.json"'
    response["Cache-Control"] = "no-store"
    return response
