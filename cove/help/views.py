"""Public help pages: no sign-in, no database queries for anonymous visitors."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cove.core import policy
from cove.help import lines


@policy.public
def index(request: HttpRequest) -> HttpResponse:
    country = lines.country_for(request)
    response = render(
        request,
        "help/index.html",
        {
            "country": country,
            "entry": lines.lines_for(country),
            "countries": lines.countries(),
        },
    )
    if request.GET.get("country") and lines.normalise_country(request.GET["country"]):
        response.set_cookie(
            "cove_country", country, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    return response


@policy.public
def leaving(request: HttpRequest) -> HttpResponse:
    return render(request, "help/leaving.html")
