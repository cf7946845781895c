# ruff: noqa: RUF001 - typographic apostrophes and dashes are intended in what people read
"""Grounding pages: public, no sign-in, no database queries for anonymous visitors."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cove.core import policy
from cove.core.http import CoveRequest
from cove.grounding import services
from cove.grounding.exercises import (
    BY_SLUG,
    EXERCISES,
    FEELING_LABELS,
    FEELING_REPLIES,
    FEELINGS,
    Exercise,
)


def _exercise_or_404(slug: str) -> Exercise:
    exercise = BY_SLUG.get(slug)
    if exercise is None:
        raise Http404
    return exercise


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "grounding/index.html", {"exercises": EXERCISES})


def _exercise_page(request: HttpRequest, chosen: Exercise, answer: str = "",
                   kept: bool = False) -> HttpResponse:
    answer = answer if answer in FEELING_LABELS else ""
    return render(request, "grounding/exercise.html", {
        "exercise": chosen,
        "client_data": chosen.client_data(),
        "feelings": FEELINGS,
        "answer": answer,
        "answer_label": FEELING_LABELS.get(answer, ""),
        "reply": FEELING_REPLIES.get(answer, ""),
        "kept": kept,
        "others": [e for e in EXERCISES if e.slug != chosen.slug][:3],
    })


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_GET
def exercise(request: HttpRequest, slug: str) -> HttpResponse:
    return _exercise_page(request, _exercise_or_404(slug))


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_POST
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    """Answer "how are you now?" without keeping it; posted, so it never enters an address.

    With JavaScript the reply is shown in the page and nothing is sent at all.
    """
    return _exercise_page(request, _exercise_or_404(slug), request.POST.get("now", ""))


@policy.signed_in
@require_POST
def keep_after(request: CoveRequest, slug: str) -> HttpResponse:
    """Answer "how are you now?" as a signed-in person; kept only if they ticked "keep"."""
    chosen = _exercise_or_404(slug)
    feeling = request.POST.get("now", "")
    if feeling not in FEELING_LABELS:
        messages.info(request, _("Nothing was chosen, so nothing was kept. That’s fine."))
        return _exercise_page(request, chosen)
    keep = request.POST.get("keep") == "on"
    if keep:
        services.keep_feeling(request.vault, chosen.slug, feeling)
    # Shown straight away rather than through a redirect: the answer stays out of addresses.
    return _exercise_page(request, chosen, feeling, kept=keep)


@policy.signed_in
@require_http_methods(["GET", "POST"])
def notes(request: CoveRequest) -> HttpResponse:
    if request.method == "POST" and request.POST.get("forget") == "all":
        services.forget_feelings(request.vault)
        messages.success(request, _("Your kept answers are deleted."))
        return redirect("grounding:notes")
    kept = []
    for record in services.recent_feelings(request.vault):
        slug, feeling = str(record.exercise), str(record.feeling)
        kept.append({"when": record.created_at,
                     "exercise": BY_SLUG[slug].title if slug in BY_SLUG else "",
                     "feeling": FEELING_LABELS.get(feeling, "")})
    return render(request, "grounding/notes.html", {
        "kept": kept, "confirm_delete": request.GET.get("delete") == "ask" and kept,
    })


# --- Service worker -----------------------------------------------------------------------

# Public pages the worker keeps for use without a network. They are fetched without
# cookies, so the kept copy is always the signed-out page, whoever is signed in. To add
# pages, add a URL name to OFFLINE_PAGE_NAMES, or a function listing several addresses to
# OFFLINE_PAGE_LISTS, and their styles and scripts to OFFLINE_ASSETS.
OFFLINE_PAGE_NAMES = ("help:index", "help:leaving", "grounding:index", "ladder:pause")


def _guide_pages() -> list[str]:
    from cove.help.guides import GUIDES

    return [reverse("help:guide", args=[guide.slug]) for guide in GUIDES]


def _exercise_pages() -> list[str]:
    return [reverse("grounding:exercise", args=[e.slug]) for e in EXERCISES]


def learn_pages() -> list[str]:
    """The Learn library, readable offline after a first visit (issue 15)."""
    from cove.learn.topics import TOPICS

    pages = [reverse("learn:index"), reverse("learn:pause")]
    return pages + [reverse("learn:topic", args=[topic.slug]) for topic in TOPICS]


OFFLINE_PAGE_LISTS: tuple[Callable[[], list[str]], ...] = (
    _guide_pages, _exercise_pages, learn_pages,
)


def offline_pages() -> list[str]:
    pages = [reverse(name) for name in OFFLINE_PAGE_NAMES]
    for more in OFFLINE_PAGE_LISTS:
        pages += more()
    return pages


OFFLINE_ASSETS = (
    "cove/cove.css", "cove/quick-exit.js", "cove/nav.js", "cove/icon.svg", "cove/icons.svg",
    "help/help.css", "grounding/grounding.css", "grounding/grounding.js", "grounding/offline.js",
    "grounding/answer.js", "safety/safety.css", "safety/safety.js",
    "learn/learn.css",
    "ladder/ladder.css", "ladder/pause-plan.js",
)

# A Pause pressed in a practice with no network gets the kept pause screen instead.
_SESSION_ID = "00000000-0000-0000-0000-000000000000"


def _pause_posts_pattern() -> str:
    example = reverse("ladder:pause_practice", args=[_SESSION_ID])
    return "^" + re.escape(example).replace(re.escape(_SESSION_ID), "[0-9a-f-]{36}") + "$"


@cache
def _service_worker_body() -> str:
    pages = offline_pages()
    assets = [static(name) for name in OFFLINE_ASSETS]
    # A new version whenever the list changes (hashed asset names change on each deploy).
    digest = hashlib.sha256("\n".join(pages + assets).encode())
    for name in OFFLINE_ASSETS:  # in development names are not hashed: use the contents
        found = finders.find(name)
        if isinstance(found, str):
            digest.update(Path(found).read_bytes())
    version = digest.hexdigest()[:12]
    return render_to_string("grounding/sw.js", {
        "pages": mark_safe(json.dumps(pages)),  # noqa: S308 - our own URLs, JSON-encoded
        "assets": mark_safe(json.dumps(assets)),  # noqa: S308
        "version": version,
        "plan_url": mark_safe(json.dumps(reverse("safety:calm"))),  # noqa: S308
        "pause_url": mark_safe(json.dumps(reverse("ladder:pause"))),  # noqa: S308
        "pause_posts": mark_safe(json.dumps(_pause_posts_pattern())),  # noqa: S308
    })


@policy.public
@transaction.non_atomic_requests  # no database work, so no transaction
@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(_service_worker_body(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
