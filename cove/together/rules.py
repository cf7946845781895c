"""The rules of agreements and wish rounds, as pure functions (tested on their own).

Agreements: a change that makes things safer counts at once; anything else waits for the
other person. Safer means: a stop word, a signal, an aftercare item or a "leave out for
now" item added (none taken away), or a shorter longest session. What to do after a pause
always waits, because only the two people can judge it.

Wishes: an answer set becomes a fixed-length string, one character per catalogue wish:
"y" (yes), "c" (curious) or "-" for everything else. "No", "not now" and "unanswered" are
the same "-" from the moment they arrive, so nothing stored, compared or sent can tell
them apart, and the sealed value has the same size whatever was answered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from cove.boundaries.catalogue import WISHES
from cove.together.choices import AgreementTopic, Overlap, PartnerWishAnswer

LIST_TOPICS = (AgreementTopic.STOP_WORDS, AgreementTopic.SIGNALS, AgreementTopic.AFTERCARE,
               AgreementTopic.LIMITS)
LIST_MAX_ITEMS = 12
ITEM_MAX = 120
TEXT_MAX = 1000
MINUTES_MIN, MINUTES_MAX = 5, 240


def empty_terms() -> dict[str, Any]:
    return {
        AgreementTopic.STOP_WORDS.value: [],
        AgreementTopic.SIGNALS.value: [],
        AgreementTopic.AFTERCARE.value: [],
        AgreementTopic.LIMITS.value: [],
        AgreementTopic.SESSION_MINUTES.value: None,
        AgreementTopic.AFTER_PAUSE.value: {},
    }


def clean_list(items: Iterable[object]) -> list[str]:
    """Trimmed, non-empty, without repeats (ignoring case), in the order given."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        text = " ".join(str(item).split())[:ITEM_MAX]
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out[:LIST_MAX_ITEMS]


def clean_pause(parts: Mapping[str, object]) -> dict[str, str]:
    """After a pause: {"together": …, "<member id>": …}, empty parts dropped."""
    out = {}
    for key, value in parts.items():
        text = str(value or "").strip()[:TEXT_MAX]
        if text:
            out[str(key)] = text
    return out


def clean_terms(raw: Mapping[str, Any]) -> dict[str, Any]:
    terms = empty_terms()
    for topic in LIST_TOPICS:
        terms[topic.value] = clean_list(raw.get(topic.value) or [])
    minutes = raw.get(AgreementTopic.SESSION_MINUTES.value)
    terms[AgreementTopic.SESSION_MINUTES.value] = int(minutes) if minutes not in (None, "") else None
    terms[AgreementTopic.AFTER_PAUSE.value] = clean_pause(raw.get(AgreementTopic.AFTER_PAUSE.value) or {})
    return terms


def _folded(items: Iterable[str]) -> set[str]:
    return {item.casefold() for item in items}


def is_safer(topic: str, before: Any, after: Any) -> bool:
    """Whether changing `topic` from `before` to `after` only makes things safer."""
    if before == after:
        return False
    if topic in LIST_TOPICS:
        return _folded(after or []) >= _folded(before or [])
    if topic == AgreementTopic.SESSION_MINUTES:
        return after is not None and (before is None or after < before)
    return False


def changed_topics(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    return [t.value for t in AgreementTopic if before.get(t.value) != after.get(t.value)]


def split_change(current: Mapping[str, Any], proposed: Mapping[str, Any]
                 ) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what counts at once, what waits for the other person), each {topic: new value}."""
    at_once: dict[str, Any] = {}
    waiting: dict[str, Any] = {}
    for topic in changed_topics(current, proposed):
        target = at_once if is_safer(topic, current.get(topic), proposed[topic]) else waiting
        target[topic] = proposed[topic]
    return at_once, waiting


# Wishes ---------------------------------------------------------------------------------

WISH_KEYS: tuple[str, ...] = tuple(w.key for w in WISHES)
_CODE = {PartnerWishAnswer.YES.value: "y", PartnerWishAnswer.CURIOUS.value: "c"}
_ANSWER = {"y": PartnerWishAnswer.YES.value, "c": PartnerWishAnswer.CURIOUS.value}
BLANK = "-"


def encode_answers(answers: Mapping[str, object]) -> str:
    """One character per catalogue wish; no, not now, unknown and missing are all "-"."""
    return "".join(_CODE.get(str(answers.get(key, "")), BLANK) for key in WISH_KEYS)


def decode_answers(codes: str) -> dict[str, str]:
    """The yes and curious answers a code string holds (nothing else was ever kept)."""
    return {key: _ANSWER[c] for key, c in zip(WISH_KEYS, codes, strict=False) if c in _ANSWER}


def overlap(mine: str, theirs: str) -> list[tuple[str, str]]:
    """[(wish key, Overlap)] in catalogue order for wishes both answered yes or curious.

    Both yes is "both yes"; any other pair of yes and curious is "both curious".
    """
    found = []
    for key, a, b in zip(WISH_KEYS, mine, theirs, strict=False):
        if a in _ANSWER and b in _ANSWER:
            label = Overlap.BOTH_YES if a == b == "y" else Overlap.BOTH_CURIOUS
            found.append((key, label.value))
    return found


def blank_codes() -> str:
    return BLANK * len(WISH_KEYS)
