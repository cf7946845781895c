"""The access receipts page: who looked at what someone shares, and when."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cove.audit import receipts
from cove.core import policy
from cove.core.http import CoveRequest

PER_PAGE = 25
AREAS = ("safety", "boundaries", "ladder", "journal_shared", "measures", "checkins")


@require_GET
@policy.signed_in
def access(request: CoveRequest) -> HttpResponse:
    readers = receipts.readers_of(request.person)
    reader_id = None
    raw = request.GET.get("who", "")
    if raw.isdigit() and int(raw) in {i for i, _name in readers}:
        reader_id = int(raw)
    area = request.GET.get("what", "")
    area = area if area in AREAS else ""
    paginator = Paginator(receipts.reads_of(request.person, reader_id, area or None), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    query = "&".join(part for part in (f"who={reader_id}" if reader_id else "",
                                       f"what={area}" if area else "") if part)
    return render(request, "audit/access.html", {
        "page": page, "rows": receipts.as_receipts(list(page.object_list)),
        "readers": readers, "reader_id": reader_id, "area": area,
        "areas": [(a, receipts.area_words(a)) for a in AREAS], "query": query})
