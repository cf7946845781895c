"""Journal pages: thin views over cove.journal.services."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat, formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cove.core import policy
from cove.core.forms import submit
from cove.core.http import CoveRequest
from cove.journal import kinds, services
from cove.journal.forms import EntryForm, SearchForm
from cove.journal.models import JournalEntry
from cove.vault.records import get_owned_or_404

# One entry of the list, drawn here rather than in the template: a page has 20 (a search up
# to 100), and the template's lookups for each were most of what a row cost. format_html
# escapes every value; the tags are buttons (_tag_buttons). One format_html per entry: the
# parts an entry may lack (the "might share" note, the first words, the tags) are left out
# of its pattern rather than filled with empty strings (_entry_pattern).
_ENTRY_HEAD = '<li class="card"><a href="{}">{}</a> <span class="muted"> · <time datetime="{}">{}</time>'
_PREVIEW = '<p class="entry-list__preview">{}</p>'
_TAGS = '<ul class="tags" aria-label="{}">{}</ul>'
_TAG = ('<li><button type="submit" form="tag-search" name="q" value="{0}" '
        'class="tag-button">{0}</button></li>')


def _entry_pattern(shared: bool, preview: bool, tags: bool) -> str:
    return (_ENTRY_HEAD + ("{}" if shared else "") + "</span>"
            + (_PREVIEW if preview else "") + (_TAGS if tags else "") + "</li>")


_ENTRY = {(shared, preview, tags): _entry_pattern(shared, preview, tags)
          for shared in (False, True) for preview in (False, True) for tags in (False, True)}

# Every entry's address differs from this one only in its id: one reverse() for the list.
_ANY_ENTRY = "00000000-0000-0000-0000-000000000000"


def _entry_items(entries: list[JournalEntry]) -> SafeString:
    """The list's <li>s, newest first: each entry's kind, date, first words and tags."""
    address = reverse("journal:entry", args=[_ANY_ENTRY])
    date_format = formats.get_format("SHORT_DATE_FORMAT")
    here = timezone.get_current_timezone()
    shared = format_html(" · {}", _("might share"))
    tags_label = format_html("{}", _("Tags"))
    labels: dict[str, SafeString] = {}  # each kind's name, translated and escaped once
    dates: dict[date, SafeString] = {}  # each day formatted once (often several entries a day)

    def html(e: JournalEntry) -> SafeString:
        key = str(e.kind)
        if key not in labels:
            kind = kinds.get_kind(key)
            labels[key] = format_html("{}", kind.label if kind else _("Entry"))
        when = e.created_at.astimezone(here)
        day = when.date()
        if day not in dates:
            dates[day] = format_html("{}", dateformat.format(day, date_format))
        preview = services.preview(e)
        tags = e.tag_list
        values: list[object] = [address.replace(_ANY_ENTRY, str(e.pk)), labels[key],
                                when.isoformat(), dates[day]]
        if e.shareable:
            values.append(shared)
        if preview:
            values.append(preview)
        if tags:
            values += (tags_label, _tag_buttons(tags))
        return format_html(_ENTRY[e.shareable, bool(preview), bool(tags)], *values)

    return format_html_join("", "{}", ((html(e),) for e in entries))


def _tag_buttons(tags: list[str]) -> SafeString:
    """Each tag as a button that sends the page's one tag form (includes/tag_form.html)."""
    return format_html_join("", _TAG, ((tag,) for tag in tags))


@policy.signed_in
@require_http_methods(["GET"])
def index(request: CoveRequest) -> HttpResponse:
    page = services.entries_page(request.vault, request.GET.get("page"))
    return render(request, "journal/index.html", {
        "search": SearchForm(), "scan_limit": services.SCAN_LIMIT,
        "page": page, "entries": _entry_items(list(page.object_list)),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def search(request: CoveRequest) -> HttpResponse:
    """Search by POST, so the words never reach an address, the history or a server log."""
    if request.method == "GET":
        return redirect("journal:index")
    form = SearchForm(request.POST)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    if not query:
        return redirect("journal:index")
    result = services.search(request.vault, query)
    return render(request, "journal/index.html", {
        "search": form, "scan_limit": services.SCAN_LIMIT, "query": query, "result": result,
        "entries": _entry_items(result.entries),
    })


@policy.signed_in
@require_http_methods(["GET"])
def choose_kind(request: CoveRequest) -> HttpResponse:
    return render(request, "journal/choose.html", {"kinds": kinds.KINDS})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def write(request: CoveRequest, kind: str) -> HttpResponse:
    found = kinds.get_kind(kind)
    if found is None:
        raise Http404
    form = EntryForm(found, request.POST if request.method == "POST" else None)
    entry = None
    if request.method == "POST":
        entry = submit(form, lambda data: services.write_entry(
            request.vault, found.key, form.answers(), data["tags"], data["shareable"]))
    if entry is not None:
        messages.success(request, _("Saved to your journal."))
        return redirect("journal:entry", entry_id=entry.pk)
    return render(request, "journal/write.html", {"kind": found, "form": form, "entry": None})


@policy.signed_in
@require_http_methods(["GET"])
def entry(request: CoveRequest, entry_id: str) -> HttpResponse:
    item = get_owned_or_404(JournalEntry, request.vault, entry_id)
    return render(request, "journal/entry.html", {
        "entry": item, "kind": services.kind_of(item),
        "answers": services.readable_answers(item), "tags": _tag_buttons(item.tag_list),
    })


@policy.signed_in
@require_http_methods(["GET", "POST"])
def edit(request: CoveRequest, entry_id: str) -> HttpResponse:
    item = get_owned_or_404(JournalEntry, request.vault, entry_id)
    kind = services.kind_of(item)
    if kind is None:
        raise Http404
    form = EntryForm(kind, request.POST if request.method == "POST" else None,
                     initial=EntryForm.initial_for(item))
    saved = None
    if request.method == "POST":
        saved = submit(form, lambda data: services.update_entry(
            request.vault, item.pk, form.answers(), data["tags"], data["shareable"],
            version=data["version"]))
    if saved is not None:
        messages.success(request, _("Your changes are saved."))
        return redirect("journal:entry", entry_id=item.pk)
    return render(request, "journal/write.html", {"kind": kind, "form": form, "entry": item})


@policy.signed_in
@require_http_methods(["GET", "POST"])
def delete(request: CoveRequest, entry_id: str) -> HttpResponse:
    item = get_owned_or_404(JournalEntry, request.vault, entry_id)
    if request.method == "POST":
        services.delete_entry(item)
        messages.success(request, _("The entry is deleted."))
        return redirect("journal:index")
    return render(request, "journal/delete.html", {"entry": item,
                                                   "kind": services.kind_of(item)})


@policy.signed_in
@require_POST
def share(request: CoveRequest, entry_id: str) -> HttpResponse:
    item = get_owned_or_404(JournalEntry, request.vault, entry_id)
    item = services.set_shareable(request.vault, item.pk, request.POST.get("shareable") == "1")
    if item.shareable:
        messages.success(request, _("Marked as an entry you might share."))
    else:
        messages.success(request, _("This entry is private again."))
    return redirect("journal:entry", entry_id=item.pk)


@policy.signed_in
@require_http_methods(["GET"])
def patterns(request: CoveRequest) -> HttpResponse:
    show = request.GET.get("show") == "1"
    found = services.patterns(request.vault) if show else None
    return render(request, "journal/patterns.html", {
        "show": show, "patterns": found, "scan_limit": services.SCAN_LIMIT,
    })
