"""The load benchmark's two floors: the whole middleware stack and no page work.

Only routed when COVE_LOAD_FLOORS=1 (cove.loadbench sets it for its own server). Every
page is measured as a share of these: `floor` for pages anyone can see, `signed_in_floor`
(session, sign-in check and the unlocked vault, then a few bytes) for signed-in pages.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from cove.core import policy
from cove.core.http import CoveRequest


@policy.public
@require_GET
def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


@policy.signed_in
@require_GET
def signed_in_floor(request: CoveRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")
