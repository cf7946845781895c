"""Partner pages. Thin: services do the work; every view has one policy."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.accounts.errors import Throttled
from cove.core import invite_codes, policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.partners import services, sharing, sources
from cove.partners.forms import RedeemForm, ShareForm
from cove.partners.models import Link
from cove.partners.public import active_links, get_active_link_or_404, other_member


def _partner_rows(request: CoveRequest) -> list[dict[str, Any]]:
    me = request.person
    return [
        {"link": link, "partner": other_member(link, me),
         "parts": services.parts_shared_with(me.pk, link.other_id(me.pk))}
        for link in active_links(me)
    ]


@policy.signed_in
@require_GET
def index(request: CoveRequest) -> HttpResponse:
    # The owner's own request: bring snapshots up to date (only those whose sources changed).
    services.publish_all(request.vault, only_stale=True)
    me = request.person
    pending = [
        {"link": link, "partner": other_member(link, me), "mine_confirmed": link.confirmed_by(me.pk)}
        for link in services.pending_links(me)
    ]
    return render(request, "partners/index.html", {
        "partners": _partner_rows(request),
        "pending": pending,
        "invitations": services.open_invitations(me),
        "redeem_form": RedeemForm(),
    })


@policy.signed_in
@require_POST
def invite(request: CoveRequest) -> HttpResponse:
    made = services.create_invitation(request.person)
    join_url = request.build_absolute_uri(reverse("partners:join")) + "#" + made.code
    return render(request, "partners/invite.html", {
        "code": made.code,
        "expires_at": made.invitation.expires_at,
        "join_url": join_url,
        "qr": invite_codes.qr_svg(join_url, _("A code to link with me in Cove")),
    })


@policy.signed_in
@require_POST
def cancel_invitation(request: CoveRequest, invitation_id: Any) -> HttpResponse:
    services.cancel_invitation(request.person, invitation_id)
    messages.success(request, _("That code will not work any more."))
    return redirect("partners:index")


@policy.signed_in
@transaction.non_atomic_requests  # a wrong code's counted try must outlive the refusal
@require_http_methods(["GET", "POST"])
def join(request: CoveRequest) -> HttpResponse:
    form = RedeemForm(request.POST or None)
    if request.method == "POST":
        def count(_data: dict[str, Any]) -> bool:
            services.reserve_redeem_try(request.person)
            return True

        counted = submit(form, count)
        link = counted and submit(
            form, lambda d: services.redeem_reserved_try(request.person, d["code"]))
        if link:
            messages.success(request, _("The code worked. Check the name below, then confirm."))
            return redirect("partners:index")
    status = 429 if isinstance(form.input_error, Throttled) else 200
    return render(request, "partners/join.html", {"form": form}, status=status)


@policy.signed_in
@require_POST
def confirm(request: CoveRequest, link_id: Any) -> HttpResponse:
    link = services.confirm_link(request.person, link_id)
    if link.is_active:
        messages.success(request, _("You are linked. Nothing is shared until you choose."))
    else:
        messages.success(request, _("Confirmed. The link starts when you have both confirmed."))
    return redirect("partners:index")


@policy.signed_in
@require_http_methods(["GET", "POST"])
def leave(request: CoveRequest, link_id: Any) -> HttpResponse:
    link = Link.objects.of(request.person.pk).filter(pk=link_id).first()
    if link is None:
        from django.http import Http404

        raise Http404
    if request.method == "POST":
        services.unlink(request.vault, link.pk)
        messages.success(request, _("Done. You are no longer linked. They were not told."))
        return redirect("partners:index")
    return render(request, "partners/leave.html",
                  {"link": link, "partner": other_member(link, request.person)})


def _share_form(request: CoveRequest, link: Link, data: Any = None) -> ShareForm:
    vault = request.vault
    row = sharing.choices_row(vault)
    options = sharing.options_of(vault)
    titles = sources.plan_part_titles()
    initial = {
        "parts": [p.value for p in services.parts_shared_with(vault.user.pk,
                                                              link.other_id(vault.user.pk))],
        "history": sharing.part_options(options, sharing.SharePart.BOUNDARIES).get("history"),
        "steps": sharing.part_options(options, sharing.SharePart.LADDER).get("steps", []),
        "plan_parts": sharing.part_options(options, sharing.SharePart.SAFETY).get("parts", []),
        "contacts": sharing.part_options(options, sharing.SharePart.SAFETY).get("contacts", []),
        "version": row.version if row is not None else None,
    }
    return ShareForm(
        data, initial=initial,
        steps=sources.ladder_steps(vault),
        plan_parts=[(k, titles[k]) for k in sources.PARTNER_SAFE_PLAN_PARTS],
        contacts=sources.contact_lines(vault),
    )


@policy.signed_in
@require_http_methods(["GET", "POST"])
def share(request: CoveRequest, link_id: Any) -> HttpResponse:
    link = get_active_link_or_404(request.person, link_id)
    partner = other_member(link, request.person)
    form = _share_form(request, link, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        def save(data: dict[str, Any]) -> bool:
            services.save_options(request.vault, {
                "history": data["history"], "steps": data["steps"],
                "plan_parts": data["plan_parts"], "contacts": data["contacts"],
            }, version=data.get("version"))
            services.set_parts_for(request.vault, link, data["parts"])
            return True

        if submit(form, save):
            messages.success(request, _("Saved. This is exactly what they see now."))
            return redirect("partners:preview", link_id=link.pk)
    return render(request, "partners/share.html",
                  {"form": form, "link": link, "partner": partner})


@policy.signed_in
@require_GET
def preview(request: CoveRequest, link_id: Any) -> HttpResponse:
    link = get_active_link_or_404(request.person, link_id)
    return render(request, "partners/preview.html", {
        "link": link, "partner": other_member(link, request.person),
        "snapshots": services.preview_for(request.vault, link),
    })


@policy.signed_in
@require_GET
def shared_with_me(request: CoveRequest, link_id: Any) -> HttpResponse:
    link = get_active_link_or_404(request.person, link_id)
    return render(request, "partners/shared_with_me.html", {
        "link": link, "partner": other_member(link, request.person),
        "snapshots": services.read_from(request.vault, link),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def safety_check(request: CoveRequest) -> HttpResponse:
    if request.method == "POST":
        receipt = services.run_safety_check(request.vault, request.session.session_key)
        from cove.accounts.views import calendar_url

        return render(request, "partners/safety_check_done.html", {
            "receipt": receipt, "calendar_url": calendar_url(request, receipt.calendar_token),
        })
    return render(request, "partners/safety_check.html", {})
