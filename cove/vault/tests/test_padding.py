"""Padding: from the database alone, ciphertext lengths do not tell closed choices apart.

Every value of every closed-choice sealed field is written, and every stored value of a
field must have the same length (issue 11, finding 3).
"""

from __future__ import annotations

import datetime
import itertools
from collections import defaultdict
from typing import Any

import pytest

from cove.boundaries import catalogue
from cove.boundaries.models import BoundaryChange, BoundaryItem, PhraseChoice, ReviewSettings, Situation, Wish
from cove.grounding import exercises
from cove.grounding.models import FeelingAfterExercise
from cove.journal import kinds
from cove.journal.models import JournalEntry
from cove.ladder import models as ladder
from cove.measures import instruments
from cove.measures import services as measures
from cove.measures.models import MeasureResponse
from cove.progress.models import QUESTIONS, CheckIn
from cove.vault import crypto
from cove.vault.testing import ciphertext_of

pytestmark = pytest.mark.django_db

STATES = (*catalogue.STATES, "")
SNAPSHOTS = [None, *({"state": s, "condition": "", "ask_first": a}
                     for s, a in itertools.product(STATES, (False, True)))]
RATINGS = [{}, *(dict.fromkeys(QUESTIONS[:n], v) for n in range(1, len(QUESTIONS) + 1)
                 for v in (0, 10))]

# (model, field, every value it can hold, other fields the row needs)
CLOSED = [
    (BoundaryItem, "state", STATES),
    (BoundaryItem, "ask_first", (False, True)),
    (BoundaryChange, "before", SNAPSHOTS),
    (BoundaryChange, "after", SNAPSHOTS[1:]),
    (Wish, "answer", (*catalogue.WISH_ANSWERS, "")),
    (Situation, "zone", catalogue.ZONES),
    (PhraseChoice, "moment", tuple(m.slug for m in catalogue.MOMENTS)),
    (PhraseChoice, "favourite", (False, True)),
    (ReviewSettings, "cadence_days", (0, *catalogue.REVIEW_DAYS)),
    (FeelingAfterExercise, "exercise", tuple(e.slug for e in exercises.EXERCISES)),
    (FeelingAfterExercise, "feeling", tuple(key for key, *_ in exercises.FEELINGS)),
    (JournalEntry, "kind", tuple(kind.key for kind in kinds.KINDS)),
    (CheckIn, "ratings", RATINGS),
    (ladder.ComfortStep, "status", tuple(ladder.StepStatus.values)),
    (ladder.ComfortStep, "with_whom", tuple(ladder.WithWhom.values)),
    (ladder.ComfortStep, "expected_distress", (None, *ladder.SCALE_POINTS)),
    (ladder.PracticeSession, "phase", ladder.PHASES),
    (ladder.PracticeSession, "outcome",
     ("", ladder.FINISHED, ladder.ENDED_FOR_TODAY, ladder.MADE_SMALLER)),
    (ladder.PracticeSession, "distress_peak", (None, *range(0, 101))),
    (ladder.PracticeSession, "small_win", (False, True)),
]


_days = itertools.count(1)


def make(model: Any, **fields: Any) -> Any:
    return model(**fields)


def _new(model, vault, step):
    if model is BoundaryChange:
        item = make(BoundaryItem, vault=vault, key="", title="mine")
        item.save()
        return make(model, vault=vault, item=item)
    if model is CheckIn:
        return make(model, vault=vault, day=datetime.date(2026, 1, 1) + datetime.timedelta(next(_days)))
    if model is ladder.ComfortStep:
        return make(model, vault=vault, ladder=step.ladder)
    if model is ladder.PracticeSession:
        return make(model, vault=vault, step=step)
    return make(model, vault=vault)


@pytest.fixture
def a_step(survivor):
    vault = survivor.vault()
    line = make(ladder.Ladder, vault=vault, title="Closer")
    line.save()
    step = make(ladder.ComfortStep, vault=vault, ladder=line, title="Hold hands")
    step.save()
    return step


@pytest.mark.parametrize(("model", "field", "values"), CLOSED,
                         ids=[f"{m.__name__}.{f}" for m, f, _ in CLOSED])
def test_every_value_of_a_closed_choice_seals_to_the_same_length(survivor, a_step, model,
                                                                  field, values):
    vault = survivor.vault()
    lengths = set()
    for value in values:
        record = _new(model, vault, a_step)
        setattr(record, field, value)
        record.save()
        lengths.add(len(ciphertext_of(record, field)))
    assert len(lengths) == 1, lengths


def _answers(instrument, value):
    return [value] * len(instrument.items)


def test_questionnaire_responses_of_every_instrument_are_the_same_length(survivor):
    """PHQ-9, GAD-7 and PCL-5, lowest and highest answers, first and repeated (with a
    change), PHQ-9 item 9 at 0 and above: every column has one length."""
    vault = survivor.vault()
    lengths: dict[str, set[int]] = defaultdict(set)
    for instrument in instruments.all_instruments():
        for value in (instrument.min_answer, instrument.max_answer, instrument.min_answer):
            answers = _answers(instrument, value)
            extras = {extra.key: extra.options[-1].value for extra in instrument.extra_items}
            for chosen in ({}, extras):
                response = measures.record_response(vault, instrument, answers, chosen).response
                for name in ("instrument", "answers", "extras", "result"):
                    lengths[name].add(len(ciphertext_of(response, name)))
    assert MeasureResponse.objects.count() >= 18
    assert {name: len(found) for name, found in lengths.items()} == {
        "instrument": 1, "answers": 1, "extras": 1, "result": 1}, lengths


def test_a_short_free_text_is_as_long_as_an_empty_one(survivor, a_step):
    vault = survivor.vault()
    empty = make(ladder.ComfortStep, vault=vault, ladder=a_step.ladder, title="")
    empty.save()
    word = make(ladder.ComfortStep, vault=vault, ladder=a_step.ladder, title="Kiss")
    word.save()
    assert len(ciphertext_of(empty, "title")) == len(ciphertext_of(word, "title"))


def test_padding_grows_slowly_for_long_text():
    assert crypto.padded_length(0) == crypto.PAD_MINIMUM
    assert crypto.padded_length(10_000) <= 10_000 * 1.12
    assert all(crypto.unpad(crypto.pad(b"x" * n)) == b"x" * n for n in (0, 1, 63, 64, 5000))
