"""Every page stays within 60 KB on the wire, with its CSS and JS, at full size.

Bytes, never time: the HTML as the server sends it to a browser that accepts gzip, plus
each stylesheet and script the page loads, gzipped as WhiteNoise serves them (brotli, used
when the browser accepts it, is smaller still). Each page is filled to the size the load
benchmark uses: 100 ladder steps, 500 boundary items, two years of history.
"""

from __future__ import annotations

import gzip
import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.staticfiles import finders

from cove.boundaries.testing import seed_many
from cove.journal.bulk import fill_journal
from cove.ladder.bulk import fill_ladder
from cove.measures import instruments
from cove.measures import services as measures
from cove.progress.bulk import fill_checkins

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024
ASSET = re.compile(r'(?:href|src)="/static/([^"]+\.(?:css|js))"')


def wire_bytes(client: Any, path: str) -> tuple[int, list[str]]:
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200, path
    assert response["Content-Encoding"] == "gzip", path
    html = gzip.decompress(response.content).decode()
    total = len(response.content)
    assets = sorted(set(ASSET.findall(html)))
    for name in assets:
        found = finders.find(name)
        assert found, name
        with open(found, "rb") as handle:
            total += len(gzip.compress(handle.read(), compresslevel=9))
    return total, assets


def _questionnaires(vault: Any) -> None:
    rng = random.Random(3)
    known = list(instruments.registry().values())
    for n in range(52):
        instrument = known[n % len(known)]
        measures.record_response(vault, instrument, [
            rng.randint(instrument.min_answer, instrument.max_answer) for _ in instrument.items])


def _progress(vault: Any) -> str:
    fill_checkins(vault, 730)
    fill_journal(vault, 730)
    fill_ladder(vault, steps=100, practices=200)
    _questionnaires(vault)
    return "/progress/?range=year"


def _journal(vault: Any) -> str:
    fill_journal(vault, 730)
    return "/journal/"


def _boundaries(path: str) -> Callable[[Any], str]:
    def fill(vault: Any) -> str:
        seed_many(vault)
        return path

    return fill


def _nothing(path: str) -> Callable[[Any], str]:
    return lambda vault: path


PAGES: dict[str, Callable[[Any], str]] = {
    "home": _nothing("/"),
    "journal": _journal,
    "ladder with 100 steps": lambda vault: f"/ladder/{fill_ladder(vault, steps=100)}/",
    "progress with two years": _progress,
    "boundaries with 500 items": _boundaries("/boundaries/"),
    "boundaries section": _boundaries("/boundaries/s/touch/"),
    "boundaries history": _boundaries("/boundaries/changes/"),
    "questionnaire": _nothing("/questionnaires/3/?begin=1"),
    "grounding": _nothing("/grounding/"),
}


@pytest.mark.parametrize("page", PAGES)
def test_signed_in_page_is_within_60_kb_on_the_wire(survivor, page):
    path = PAGES[page](survivor.vault())
    total, assets = wire_bytes(survivor.client, path)
    assert total <= BUDGET, f"{path}: {total} bytes with {assets}"


@pytest.mark.parametrize("path", ["/", "/help/", "/grounding/", "/learn/", "/account/login/"])
def test_public_page_is_within_60_kb_on_the_wire(client, path):
    total, assets = wire_bytes(client, path)
    assert total <= BUDGET, f"{path}: {total} bytes with {assets}"
