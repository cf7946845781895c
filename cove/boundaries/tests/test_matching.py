"""The mutual-reveal rules for wishes: only shared yes/maybe, never a no, never who said no."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cove.boundaries.matching import mutual_reveal

KEYS = st.sampled_from([f"wish.{n}" for n in range(12)])
ANSWERS = st.sampled_from(["yes", "maybe", "no", "", "not_now", "YES", None, 3])
SIDES = st.dictionaries(KEYS, ANSWERS, max_size=12)
OPEN = {"yes", "maybe"}


def test_both_yes_or_maybe_is_revealed():
    mine = {"a": "yes", "b": "maybe", "c": "yes", "d": "maybe"}
    theirs = {"a": "yes", "b": "yes", "c": "maybe", "d": "maybe"}
    assert mutual_reveal(mine, theirs) == ["a", "b", "c", "d"]


def test_a_no_on_either_side_is_never_revealed():
    assert mutual_reveal({"a": "yes"}, {"a": "no"}) == []
    assert mutual_reveal({"a": "no"}, {"a": "yes"}) == []
    assert mutual_reveal({"a": "no"}, {"a": "no"}) == []


def test_one_sided_or_unanswered_is_not_revealed():
    assert mutual_reveal({"a": "yes"}, {}) == []
    assert mutual_reveal({}, {"a": "maybe"}) == []
    assert mutual_reveal({"a": "yes"}, {"a": ""}) == []


def test_unknown_answers_count_as_not_open():
    assert mutual_reveal({"a": "Yes"}, {"a": "yes"}) == []
    assert mutual_reveal({"a": "yes"}, {"a": None}) == []


@given(SIDES, SIDES)
def test_result_is_exactly_the_keys_both_left_open(mine, theirs):
    expected = sorted(k for k in mine if mine[k] in OPEN and theirs.get(k) in OPEN)
    assert mutual_reveal(mine, theirs) == expected


@given(SIDES, SIDES)
def test_reveal_is_symmetric(mine, theirs):
    assert mutual_reveal(mine, theirs) == mutual_reveal(theirs, mine)


@given(SIDES, SIDES, KEYS, st.sampled_from(["no", "", None]), st.sampled_from(["no", "", None]))
def test_a_no_looks_the_same_as_no_answer(mine, theirs, key, first, second):
    # Whatever the other person did with a closed answer, the result cannot tell them apart:
    # nobody learns whether the other side said no or simply never answered.
    a = dict(theirs, **{key: first})
    b = dict(theirs, **{key: second})
    assert mutual_reveal(mine, a) == mutual_reveal(mine, b)


@given(SIDES, SIDES, KEYS)
def test_removing_a_closed_answer_changes_nothing(mine, theirs, key):
    closed = dict(theirs, **{key: "no"})
    missing = {k: v for k, v in theirs.items() if k != key}
    assert mutual_reveal(mine, closed) == mutual_reveal(mine, missing)
    assert mutual_reveal(closed, mine) == mutual_reveal(missing, mine)


@given(SIDES, SIDES)
def test_result_never_contains_a_closed_answer(mine, theirs):
    for key in mutual_reveal(mine, theirs):
        assert mine[key] in OPEN
        assert theirs[key] in OPEN


@given(SIDES, SIDES)
def test_order_does_not_depend_on_how_the_answers_were_entered(mine, theirs):
    assert mutual_reveal(dict(reversed(mine.items())), dict(reversed(theirs.items()))) == \
        mutual_reveal(mine, theirs)
