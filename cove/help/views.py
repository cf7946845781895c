"""Public help pages: no sign-in, no database queries for anonymous visitors."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cove.core import policy
from cove.help import lines
from cove.help.guides import BY_SLUG, GUIDES, KINDS
from cove.help.public import crisis_help

# The choice of country is kept on this device only, as a bare country code.
COOKIE_MAX_AGE = 365 * 24 * 3600


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    asked = request.GET.get("country", "")
    forget = asked == "forget"
    chosen = None if forget else lines.normalise_country(asked)
    if forget:
        # Show what a first visit shows: the language's guess, or the question.
        request.COOKIES.pop(lines.COOKIE, None)
    help_ = crisis_help(request)
    response = render(request, "help/index.html", {
        "help": help_,
        "country": help_.country,
        "countries": lines.countries(),
        "not_listed": lines.NOT_LISTED,
        "remembered": bool(chosen) or (not forget and bool(
            lines.normalise_country(request.COOKIES.get(lines.COOKIE)))),
        "guides": GUIDES,
    })
    if chosen:
        response.set_cookie(lines.COOKIE, chosen, max_age=COOKIE_MAX_AGE, samesite="Lax",
                            httponly=True, secure=request.is_secure())
    elif forget:
        response.delete_cookie(lines.COOKIE, samesite="Lax")
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
