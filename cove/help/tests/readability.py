"""Flesch-Kincaid grade with textstat, counting syllables by hyphenation rules only.

textstat prefers the CMU pronouncing dictionary, which it would download through nltk at
test time; Cove's tests make no network calls, so syllables come from pyphen's bundled
English hyphenation patterns instead (textstat's own fallback for words not in the
dictionary).
"""

from __future__ import annotations

import textstat
from textstat.backend.counts import _count_syllables

MAX_GRADE = 8


def _no_dictionary(lang: str) -> None:
    return None


def grade(text: str) -> float:
    _count_syllables.get_cmudict = _no_dictionary
    return float(textstat.flesch_kincaid_grade(text))
