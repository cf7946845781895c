"""Learn pages: public, no sign-in, no database queries, kept for use offline."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cove.core import policy
from cove.learn.topics import BY_SLUG, TOPICS


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "learn/index.html", {"topics": TOPICS})


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_GET
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    found = BY_SLUG.get(slug)
    if found is None:
        raise Http404
    position = TOPICS.index(found)
    return render(request, "learn/topic.html", {
        "topic": found,
        "next_topic": TOPICS[position + 1] if position + 1 < len(TOPICS) else None,
    })


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_GET
def pause(request: HttpRequest) -> HttpResponse:
    """Where "This is hard to read right now" leads: a calm stop with gentle next steps."""
    return render(request, "learn/pause.html")
