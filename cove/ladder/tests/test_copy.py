"""Copy review as a test: no pressure words, and plain reading level (principles.md)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import textstat
from textstat.backend.counts import _count_syllables

from cove.ladder.tests.helpers import make_ladder, steps

APP = Path(__file__).resolve().parent.parent
PRESSURE = re.compile(
    r"\b(should|must|failed|failure|fail|streak|streaks|overdue|fix|hurry|you missed|"
    r"deadline|behind|lazy)\b",
    re.IGNORECASE,
)


def _visible(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    html = re.sub(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def _template_text() -> dict[str, str]:
    texts = {}
    for path in (APP / "templates").rglob("*.html"):
        raw = path.read_text()
        translated = re.findall(r'{% translate "(.*?)" %}', raw)
        blocks = re.findall(
            r"{% blocktranslate[^%]*%}(.*?){% (?:plural|endblocktranslate)", raw, re.S)
        texts[path.name] = " ".join(translated + blocks + [_visible(raw)])
    return texts


def _python_strings() -> dict[str, str]:
    texts = {}
    for path in APP.glob("*.py"):
        found = re.findall(r'_\(\s*"((?:[^"\\]|\\.)*)"', path.read_text())
        found += re.findall(r'"((?:[^"\\]|\\.)*)"\s*(?:\)|,)\s*$', path.read_text(), re.M)
        texts[path.name] = " ".join(found)
    return texts


COPY = sorted({**_template_text(), **_python_strings()}.items())


@pytest.mark.parametrize(("name", "text"), COPY)
def test_no_pressure_words_in_our_copy(name, text):
    assert not PRESSURE.findall(text), f"{name}: {sorted(set(PRESSURE.findall(text)))}"


def test_templates_read_at_grade_eight_or_lower():
    text = " ".join(
        sentence for t in _template_text().values()
        for sentence in re.findall(r"[A-Z][^.!?]{3,}[.!?]", t)
    )
    # textstat would download the CMU dictionary through nltk; tests make no network calls,
    # so syllables come from pyphen's bundled hyphenation patterns (textstat's fallback).
    _count_syllables.get_cmudict = lambda lang: None
    grade = float(textstat.flesch_kincaid_grade(text))
    assert len(text) > 2000
    assert grade <= 8, grade


@pytest.mark.django_db
def test_no_pressure_words_on_any_rendered_page(survivor):
    ladder = make_ladder(survivor, "touch-stages")
    step = steps(survivor, ladder)[0]
    pages = ["/ladder/", "/ladder/new/", "/ladder/words/", f"/ladder/{ladder.pk}/",
             f"/ladder/{ladder.pk}/edit/", f"/ladder/{ladder.pk}/steps/new/",
             f"/ladder/step/{step.pk}/", f"/ladder/step/{step.pk}/edit/",
             f"/ladder/step/{step.pk}/smaller/", f"/ladder/step/{step.pk}/progress/",
             f"/ladder/step/{step.pk}/begin/", f"/ladder/pause/?step={step.pk}"]
    html = [survivor.client.get(p).content.decode() for p in pages]
    html += [survivor.post(f"/ladder/step/{step.pk}/begin/", {"answer": a}).content.decode()
             for a in ("not_sure", "no")]
    survivor.post(f"/ladder/step/{step.pk}/begin/", {"answer": "yes"})
    from cove.ladder.models import PracticeSession

    session = PracticeSession.objects.get()
    where = f"/ladder/practice/{session.pk}/"
    html.append(survivor.client.get(where).content.decode())
    survivor.post(where + "before/", {"expected": "30", "now": "10", "checkin_every": "2"})
    html.append(survivor.client.get(where).content.decode())
    survivor.post(where + "pause/")
    html.append(survivor.client.get(where).content.decode())
    survivor.post(where + "resume/")
    survivor.post(where + "during/", {"answer": "finished"})
    html.append(survivor.client.get(where).content.decode())
    survivor.post(where + "end/")
    html.append(survivor.client.get(where).content.decode())
    for page in html:
        main = page.split('<main', 1)[1].split("</main>", 1)[0]
        text = _visible(main)
        assert not PRESSURE.findall(text), (PRESSURE.findall(text), text[:300])
