"""No typed word is left for the browser to keep: text boxes stay out of autofill, and
searches and answers are posted, never put in an address."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from cove.core.demo import populate_all

pytestmark = pytest.mark.django_db

TEXT_INPUT = re.compile(r"<input\b[^>]*>|<textarea\b[^>]*>", re.S)
TYPED = re.compile(r'type="(text|search|number|url|email)"')
# Filled in by Cove, not typed (the calendar feed address), or an address book entry the
# person may want their browser to offer (their own email for reminders).
ALLOWED = ('readonly', 'autocomplete="email"')


def plain_pages() -> list[str]:
    """Every page whose address takes no parameters."""

    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern) and not entry.pattern.converters:
                yield "/" + prefix + str(entry.pattern)

    return sorted({p for p in walk(get_resolver().url_patterns)
                   if not p.startswith(("/api/", "/static/")) and "^" not in p})


def remembered_boxes(html: str) -> list[str]:
    boxes = []
    for tag in TEXT_INPUT.findall(html):
        if tag.startswith("<input") and not TYPED.search(tag):
            continue
        if any(mark in tag for mark in ALLOWED):
            continue
        if 'autocomplete="off"' not in tag:
            boxes.append(tag)
    return boxes


def pages_with_ids(person) -> list[str]:
    """Forms behind an id: each kind of journal entry, a new step, editing a step."""
    from cove.journal.kinds import KINDS
    from cove.ladder.models import ComfortStep, Ladder

    ladder = Ladder.objects.filter(owner=person.user).first()
    step = ComfortStep.objects.filter(owner=person.user).first()
    assert ladder is not None and step is not None
    return [*(f"/journal/new/{kind.key}/" for kind in KINDS),
            f"/ladder/{ladder.pk}/steps/new/", f"/ladder/step/{step.pk}/edit/",
            f"/ladder/step/{step.pk}/smaller/"]


def test_no_text_box_on_any_page_is_left_to_autofill(survivor):
    populate_all(survivor.vault(), "survivor")
    found = {}
    checked = 0
    for client in (Client(), survivor.client):
        for path in plain_pages() + (pages_with_ids(survivor) if client is survivor.client else []):
            response = client.get(path)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            checked += 1
            boxes = remembered_boxes(response.content.decode())
            if boxes:
                found[path] = boxes
    assert checked > 40
    assert found == {}


def test_search_and_answers_post_their_words(survivor):
    for path in ("/journal/", "/grounding/box/"):
        html = survivor.client.get(path).content.decode()
        assert not re.search(r'<form[^>]*method="get"', html), path
