"""Public help pages: no sign-in, no database queries for anonymous visitors."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cove.core import policy
from cove.help import lines
from cove.help.guides import BY_SLUG, GUIDES, KINDS


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    country = lines.country_for(request)
    chosen = lines.normalise_country(request.GET.get("country"))
    guessed = not chosen and not lines.normalise_country(request.COOKIES.get("cove_country"))
    response = render(
        request,
        "help/index.html",
        {
            "country": country,
            "entry": lines.lines_for(country),
            "countries": lines.countries(),
            "guessed": guessed,
            "guides": GUIDES,
        },
    )
    if chosen:
        response.set_cookie(
            "cove_country", country, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    return response


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_GET
def leaving(request: HttpRequest) -> HttpResponse:
    return render(request, "help/leaving.html")


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_GET
def guide(request: HttpRequest, slug: str) -> HttpResponse:
    found = BY_SLUG.get(slug)
    if found is None:
        raise Http404
    return render(request, "help/guide.html", {"guide": found, "kinds": KINDS, "guides": GUIDES})
