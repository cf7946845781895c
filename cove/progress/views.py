"""Check-in, progress, reminder and calendar-feed pages: thin views over services."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cove.core import policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.progress import emails, reminders, services
from cove.progress.choices import ProgressRange
from cove.progress.forms import (
    SHORT_LABELS,
    WEEKDAY_SHORT,
    WHAT_LABELS,
    CheckInForm,
    ReminderForm,
)
from cove.progress.models import QUESTIONS, Reminder
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_or_404


@policy.signed_in
@require_http_methods(["GET"])
def index(request: CoveRequest) -> HttpResponse:
    vault = request.vault
    range_key = request.GET.get("range", "month")
    if range_key not in ProgressRange.values:
        range_key = ProgressRange.MONTH
    trends = services.checkin_trends(vault, range_key)
    return render(request, "progress/index.html", {
        "trends": trends,
        "range_key": range_key,
        "ranges": ProgressRange.choices,
        "questions": [(name, SHORT_LABELS[name]) for name in QUESTIONS],
        "wins": services.small_wins(vault),
        "wins_scan": services.WINS_SCAN,
        "measures": services.measure_trends(vault),
        "measure_points": services.MEASURE_POINTS,
        "practices": services.practised_steps(vault),
        "checked_in": trends.checked_in_today,
        # One table at a time, on request ("checkins" or a questionnaire's id): the charts'
        # numbers are drawn only for the one the person asked to see.
        "numbers": request.GET.get("numbers", ""),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def checkin(request: CoveRequest) -> HttpResponse:
    vault = request.vault
    day = services.today()
    existing = services.checkin_for(vault, day)
    initial: dict[str, object] = {}
    if existing is not None:
        initial = {k: str(v) for k, v in existing.rating_map.items()}
        initial["note"] = existing.note
        initial["version"] = existing.version
    form = CheckInForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and submit(form, lambda data: services.save_checkin(
            vault, day, form.ratings(), data["note"].strip(), version=data["version"])) is not None:
        messages.success(request, _("Saved for today. Thank you for checking in."))
        return redirect("progress:index")
    return render(request, "progress/checkin.html", {
        "form": form, "existing": existing,
        "recent": [{"day": c.day, "values": [c.rating_map.get(n) for n in QUESTIONS]}
                   for c in services.recent_checkins(vault, 7)],
        "short": {n: SHORT_LABELS[n] for n in QUESTIONS},
    })


def _reminder_rows(vault: Vault) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for reminder in reminders.reminders_of(vault):
        days = reminder.weekdays
        if days == "0123456":
            when = _("every day")
        else:
            when = ", ".join(str(WEEKDAY_SHORT[d]) for d in days if d in WEEKDAY_SHORT)
        rows.append({"reminder": reminder, "what": WHAT_LABELS.get(str(reminder.what), ""),
                     "days": when})
    return rows


@policy.signed_in
@require_http_methods(["GET", "POST"])
def reminders_page(request: CoveRequest) -> HttpResponse:
    vault = request.vault
    email_possible = emails.email_possible()
    data = request.POST if request.method == "POST" else None
    form = ReminderForm(data, email_possible=email_possible,
                        initial={"weekdays": list("0123456"), "what": "something"})
    if request.method == "POST" and submit(form, lambda data: reminders.add_reminder(
            vault, data["what"], data["time_of_day"], data["weekdays"],
            bool(data.get("by_email")), data.get("timezone"))) is not None:
        messages.success(request, _("Reminder added."))
        return redirect("progress:reminders")
    return _show_reminders(request, form)


def _show_reminders(request: CoveRequest, form: ReminderForm,
                    feed_url: str | None = None) -> HttpResponse:
    return render(request, "progress/reminders.html", {
        "form": form, "rows": _reminder_rows(request.vault),
        "email_possible": emails.email_possible(), "has_email": bool(request.person.email),
        "has_feed": reminders.has_feed(request.person),
        "feed_url": feed_url,
    })


@policy.signed_in
@require_POST
def reminder_pause(request: CoveRequest, reminder_id: str) -> HttpResponse:
    reminder = reminders.set_paused(request.vault, reminder_id, request.POST.get("paused") == "1")
    messages.success(request, _("Paused.") if reminder.paused else _("Back on."))
    return redirect("progress:reminders")


@policy.signed_in
@require_POST
def reminder_delete(request: CoveRequest, reminder_id: str) -> HttpResponse:
    reminder = get_owned_or_404(Reminder, request.vault, reminder_id)
    reminders.remove_reminder(reminder)
    messages.success(request, _("Reminder removed."))
    return redirect("progress:reminders")


@policy.signed_in
@require_POST
def feed_new(request: CoveRequest) -> HttpResponse:
    token = reminders.new_feed_token(request.person)
    # Shown once, in this response only: the token is stored nowhere, only its hash.
    feed_url = request.build_absolute_uri(reverse("progress:feed", args=[token]))
    form = ReminderForm(email_possible=emails.email_possible(),
                        initial={"weekdays": list("0123456"), "what": "something"})
    return _show_reminders(request, form, feed_url)


@policy.signed_in
@require_POST
def feed_revoke(request: CoveRequest) -> HttpResponse:
    reminders.revoke_feed(request.person)
    messages.success(request, _("The calendar address is turned off. It no longer works."))
    return redirect("progress:reminders")


@policy.public
@require_http_methods(["GET", "HEAD"])
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar feed: authenticated by its secret token alone, never by a session."""
    owner_id = reminders.feed_owner(token)
    if owner_id is None:
        raise Http404
    response = HttpResponse(reminders.calendar_text(owner_id, request.get_host().split(":")[0]),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="moments.ics"'
    response["Cache-Control"] = "no-store"
    return response
