"""The pure rules: which agreement changes count at once, and how wish answers match."""

from __future__ import annotations

from cove.together import rules
from cove.together.choices import AgreementTopic, Overlap


def terms(**changes):
    base = rules.empty_terms()
    base.update(changes)
    return base


def test_adding_a_stop_word_is_safer():
    assert rules.is_safer(AgreementTopic.STOP_WORDS, ["red"], ["red", "pause"])


def test_replacing_a_stop_word_waits():
    assert not rules.is_safer(AgreementTopic.STOP_WORDS, ["red"], ["blue"])


def test_removing_an_aftercare_item_waits():
    assert not rules.is_safer(AgreementTopic.AFTERCARE, ["tea", "blanket"], ["tea"])


def test_a_shorter_session_is_safer():
    assert rules.is_safer(AgreementTopic.SESSION_MINUTES, 30, 20)


def test_a_longer_session_waits():
    assert not rules.is_safer(AgreementTopic.SESSION_MINUTES, 20, 30)


def test_dropping_the_session_length_waits():
    assert not rules.is_safer(AgreementTopic.SESSION_MINUTES, 20, None)


def test_after_pause_always_waits():
    assert not rules.is_safer(AgreementTopic.AFTER_PAUSE, {}, {"together": "sit and breathe"})


def test_split_change_separates_safer_from_waiting():
    current = terms(stop_words=["red"], session_minutes=30)
    proposed = terms(stop_words=["red", "pause"], session_minutes=45)
    at_once, waiting = rules.split_change(current, proposed)
    assert (at_once, waiting) == ({"stop_words": ["red", "pause"]}, {"session_minutes": 45})


def test_clean_list_drops_repeats_ignoring_case():
    assert rules.clean_list([" Red ", "red", "", "pause"]) == ["Red", "pause"]


def test_no_not_now_and_unanswered_encode_the_same():
    key = rules.WISH_KEYS[0]
    assert {rules.encode_answers({key: "no"}), rules.encode_answers({key: "not_now"}),
            rules.encode_answers({})} == {rules.blank_codes()}


def test_codes_have_the_same_length_whatever_is_answered():
    every_yes = dict.fromkeys(rules.WISH_KEYS, "yes")
    assert len(rules.encode_answers(every_yes)) == len(rules.encode_answers({}))


def test_overlap_labels_both_yes_and_both_curious():
    a, b, c = rules.WISH_KEYS[:3]
    mine = rules.encode_answers({a: "yes", b: "curious", c: "yes"})
    theirs = rules.encode_answers({a: "yes", b: "yes", c: "no"})
    assert rules.overlap(mine, theirs) == [(a, Overlap.BOTH_YES), (b, Overlap.BOTH_CURIOUS)]


def test_decode_keeps_only_yes_and_curious():
    a, b = rules.WISH_KEYS[:2]
    assert rules.decode_answers(rules.encode_answers({a: "curious", b: "no"})) == {a: "curious"}
