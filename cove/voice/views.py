"""Voice-note pages: thin views over cove.voice.services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cove.core import policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.journal.models import JournalEntry
from cove.ladder.models import PracticeSession
from cove.vault.records import get_owned_or_404
from cove.voice import media, responses, services, uploads
from cove.voice.forms import DescribeForm, RecordForm

# The recording page is the only page allowed to ask for the microphone; every other page
# keeps the site-wide "microphone=()".
RECORDING_PERMISSIONS = ("camera=(), microphone=(self), geolocation=(), interest-cohort=(), "
                         "browsing-topics=()")


def _limits() -> dict[str, Any]:
    return {"max_mb": services.max_mb(), "max_minutes": services.max_minutes(),
            "max_seconds": services.max_minutes() * 60,
            "available": media.available()}


@policy.signed_in
@require_http_methods(["GET"])
def index(request: CoveRequest) -> HttpResponse:
    page = services.notes_page(request.vault, request.GET.get("page"))
    return render(request, "voice/index.html", {"page": page, **_limits()})


@policy.signed_in
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def record(request: CoveRequest) -> HttpResponse:
    """Record or upload. Cleaning the sound is slow, so it runs outside a transaction."""
    entry_id = request.GET.get("entry") or request.POST.get("journal_entry") or ""
    entry = get_owned_or_404(JournalEntry, request.vault, entry_id) if entry_id else None
    practice_id = request.GET.get("practice") or request.POST.get("practice") or ""
    practice = (get_owned_or_404(PracticeSession, request.vault, practice_id)
                if practice_id and entry is None else None)
    posted = request.method == "POST"
    form = RecordForm(request.POST if posted else None, request.FILES if posted else None,
                      initial={"journal_entry": entry.pk if entry else "",
                               "practice": practice.pk if practice else ""})
    if request.method == "POST":
        note = submit(form, lambda data: services.keep_recording(
            request.vault, data["audio"],
            services.NewNote(title=data["title"], transcript=data["transcript"],
                             journal_entry=data["journal_entry"] or None,
                             practice=data["practice"] or None),
            too_large=uploads.too_large(request)))
        if note is not None:
            messages.success(request, _("Your voice note is kept. Only you can play it."))
            return redirect("voice:note", note_id=note.pk)
    response = render(request, "voice/record.html", {"form": form, "entry": entry,
                                                     "practice": practice, **_limits()},
                      status=422 if form.errors else 200)
    response["Permissions-Policy"] = RECORDING_PERMISSIONS
    return response


@policy.signed_in
@require_http_methods(["GET", "POST"])
def note(request: CoveRequest, note_id: str) -> HttpResponse:
    item = services.get_note(request.vault, note_id)
    form = DescribeForm(request.POST if request.method == "POST" else None, initial={
        "title": item.title, "transcript": item.transcript, "version": item.version})
    status = 200
    if request.method == "POST":
        saved = submit(form, lambda data: services.describe(
            request.vault, item.pk, title=data["title"], transcript=data["transcript"],
            version=data["version"]))
        if saved is not None:
            messages.success(request, _("Your changes are saved."))
            return redirect("voice:note", note_id=item.pk)
        status = 409 if form.conflict else 422
    return render(request, "voice/note.html", {"note": item, "form": form}, status=status)


@policy.signed_in
@require_http_methods(["GET"])
def audio(request: CoveRequest, note_id: str) -> HttpResponseBase:
    """The sound, opened chunk by chunk as it is sent; never cached anywhere."""
    return responses.audio(request, services.get_note(request.vault, note_id))


@policy.grantee("any")
@require_http_methods(["GET"])
def shared_audio(request: CoveRequest, username: str, area: str,
                 note_id: str) -> HttpResponseBase:
    """A note someone shares with you (through the area it belongs to); the read is logged
    for them."""
    return responses.audio(request,
                           services.shared_note(request.vault, username, area, note_id))


@policy.signed_in
@require_http_methods(["GET"])
def download_all(request: CoveRequest) -> StreamingHttpResponse:
    """Every voice note as one zip, beside the export (written as it is sent)."""
    return responses.zip_of_all(request.vault)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def delete(request: CoveRequest, note_id: str) -> HttpResponse:
    item = services.get_note(request.vault, note_id)
    if request.method == "POST":
        services.delete_note(request.vault, item.pk)
        messages.success(request, _("The voice note is deleted."))
        return redirect("voice:index")
    return render(request, "voice/delete.html", {"note": item})
