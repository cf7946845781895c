"""Scoring with hand-computed vectors: every band boundary, item 9, the PCL-5 rules."""

from __future__ import annotations

import pytest

from cove.core.errors import InputError
from cove.measures import instruments
from cove.measures.instruments import InstrumentError, parse
from cove.measures.scoring import change_since, score, thresholds


def inst(instrument_id: str) -> instruments.Instrument:
    found = instruments.get(instrument_id)
    assert found is not None
    return found


# (answers, hand-computed total, band)
PHQ9_VECTORS = [
    ([0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "none-minimal"),
    ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "none-minimal"),
    ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild"),
    ([2, 2, 2, 1, 1, 1, 0, 0, 0], 9, "mild"),
    ([2, 2, 2, 2, 1, 1, 0, 0, 0], 10, "moderate"),
    ([2, 2, 2, 2, 2, 2, 2, 0, 0], 14, "moderate"),
    ([2, 2, 2, 2, 2, 2, 2, 1, 0], 15, "moderately severe"),
    ([3, 3, 3, 3, 3, 2, 2, 0, 0], 19, "moderately severe"),
    ([3, 3, 3, 3, 3, 3, 2, 0, 0], 20, "severe"),
    ([3, 3, 3, 3, 3, 3, 3, 3, 3], 27, "severe"),
]

GAD7_VECTORS = [
    ([0, 0, 0, 0, 0, 0, 0], 0, "minimal"),
    ([1, 1, 1, 1, 0, 0, 0], 4, "minimal"),
    ([1, 1, 1, 1, 1, 0, 0], 5, "mild"),
    ([2, 2, 2, 1, 1, 1, 0], 9, "mild"),
    ([2, 2, 2, 2, 1, 1, 0], 10, "moderate"),
    ([2, 2, 2, 2, 2, 2, 2], 14, "moderate"),
    ([3, 2, 2, 2, 2, 2, 2], 15, "severe"),
    ([3, 3, 3, 3, 3, 3, 3], 21, "severe"),
]


@pytest.mark.parametrize(("answers", "total", "band"), PHQ9_VECTORS)
def test_phq9_total_and_band_at_every_boundary(answers, total, band):
    result = score(inst("phq9"), answers)
    assert (result.total, result.band, result.max_total) == (total, band, 27)


@pytest.mark.parametrize(("answers", "total", "band"), GAD7_VECTORS)
def test_gad7_total_and_band_at_every_boundary(answers, total, band):
    result = score(inst("gad7"), answers)
    assert (result.total, result.band, result.max_total) == (total, band, 21)


def test_phq9_bands_cover_every_total_exactly_once():
    phq9 = inst("phq9")
    names = [b.name for b in phq9.bands]
    assert names == ["none-minimal", "mild", "moderate", "moderately severe", "severe"]
    assert [(b.min, b.max) for b in phq9.bands] == [(0, 4), (5, 9), (10, 14), (15, 19), (20, 27)]


def test_gad7_cut_points_are_5_10_15():
    assert [(b.min, b.max) for b in inst("gad7").bands] == [(0, 4), (5, 9), (10, 14), (15, 21)]


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_phq9_item9_above_zero_calls_for_the_safety_response(item9):
    result = score(inst("phq9"), [0, 0, 0, 0, 0, 0, 0, 0, item9])
    assert result.safety_response is True
    assert result.total == item9
    assert result.band == "none-minimal"  # a low total never hides the safety response


def test_phq9_item9_zero_gives_no_safety_flag_even_when_severe():
    result = score(inst("phq9"), [3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert (result.total, result.band, result.safety_response) == (24, "severe", False)


def test_only_phq9_has_a_safety_rule():
    assert score(inst("gad7"), [3] * 7).safety_response is None
    assert score(inst("pcl5"), [4] * 20).safety_response is None


# PCL-5: B = items 1-5, C = 6-7, D = 8-14, E = 15-20; endorsed = answer >= 2.
def test_pcl5_clusters_total_and_pattern_hand_computed():
    answers = [1, 2, 3, 4, 0, 2, 1, 0, 1, 2, 3, 4, 0, 1, 2, 2, 1, 0, 3, 4]
    result = score(inst("pcl5"), answers)
    assert result.total == 36
    assert result.clusters == {"B": 10, "C": 3, "D": 11, "E": 12}
    assert result.provisional_pattern is True
    assert result.band is None


def minimal_pattern() -> list[int]:
    """Exactly the least that meets the rule: 1 B, 1 C, 2 D, 2 E items at 2."""
    answers = [0] * 20
    for item in (1, 6, 8, 9, 15, 16):
        answers[item - 1] = 2
    return answers


def test_pcl5_minimal_pattern_meets_the_rule_with_a_low_total():
    result = score(inst("pcl5"), minimal_pattern())
    assert result.total == 12
    assert result.clusters == {"B": 2, "C": 2, "D": 4, "E": 4}
    assert result.provisional_pattern is True


@pytest.mark.parametrize(("item", "cluster"), [(1, "B"), (6, "C"), (8, "D"), (15, "E")])
def test_pcl5_one_endorsed_item_too_few_breaks_the_pattern(item, cluster):
    answers = minimal_pattern()
    answers[item - 1] = 1  # 1 ("A little bit") is not endorsed
    assert score(inst("pcl5"), answers).provisional_pattern is False


def test_pcl5_ones_everywhere_endorse_nothing():
    result = score(inst("pcl5"), [1] * 20)
    assert (result.total, result.provisional_pattern) == (20, False)
    assert result.clusters == {"B": 5, "C": 2, "D": 7, "E": 6}


def test_pcl5_endorsement_in_the_wrong_cluster_does_not_count():
    # Plenty of D endorsements, but C (items 6-7) has none.
    answers = [2, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 2, 2, 0, 0, 0, 0]
    result = score(inst("pcl5"), answers)
    assert result.total == 34
    assert result.provisional_pattern is False


def test_pcl5_maximum():
    result = score(inst("pcl5"), [4] * 20)
    assert result.total == 80
    assert result.clusters == {"B": 20, "C": 8, "D": 28, "E": 24}
    assert result.provisional_pattern is True


def test_pcl5_past_week_scores_the_same_way():
    week, month = inst("pcl5-week"), inst("pcl5")
    answers = [1, 2, 3, 4, 0, 2, 1, 0, 1, 2, 3, 4, 0, 1, 2, 2, 1, 0, 3, 4]
    assert score(week, answers).clusters == score(month, answers).clusters
    assert week.stem == "In the past week, how much were you bothered by:"


@pytest.mark.parametrize(("previous", "now", "response", "meaningful"), [
    (40, 36, False, False),  # 4 points: neither
    (41, 36, True, False),   # 5 points: a response
    (45, 36, True, False),   # 9 points
    (46, 36, True, True),    # 10 points: clinically meaningful
    (26, 36, True, True),    # 10 points higher counts too, in the other direction
    (36, 36, False, False),
])
def test_pcl5_change_markers(previous, now, response, meaningful):
    change = change_since(inst("pcl5"), now, previous)
    assert change is not None
    assert change.difference == now - previous
    assert (change.response, change.clinically_meaningful) == (response, meaningful)


def test_change_without_thresholds_only_reports_the_difference():
    change = change_since(inst("phq9"), 8, 12)
    assert change is not None
    assert (change.previous_total, change.difference) == (12, -4)
    assert change.response is None
    assert change.clinically_meaningful is None


def test_no_previous_no_change():
    assert change_since(inst("pcl5"), 30, None) is None


@pytest.mark.parametrize("answers", [
    [0] * 8, [0] * 10, [], [0] * 8 + [4], [0] * 8 + [-1], [0] * 8 + [True],
    [0] * 8 + [1.0], [0] * 8 + ["1"], [0] * 8 + [None], "000000000", None,
])
def test_phq9_rejects_answers_that_do_not_fit(answers):
    with pytest.raises(InputError):
        score(inst("phq9"), answers)


def test_pcl5_accepts_4_and_rejects_5():
    assert score(inst("pcl5"), [4] * 20).total == 80
    with pytest.raises(InputError):
        score(inst("pcl5"), [4] * 19 + [5])


def test_instrument_with_a_band_gap_is_refused():
    import json

    data = json.loads((instruments.DATA_DIR / "gad7.json").read_text(encoding="utf-8"))
    data["scoring"]["bands"][1]["min"] = 6
    with pytest.raises(InstrumentError):
        parse(data)


def test_instrument_with_a_cluster_outside_the_items_is_refused():
    import json

    data = json.loads((instruments.DATA_DIR / "pcl5.json").read_text(encoding="utf-8"))
    data["scoring"]["clusters"]["E"] = [15, 21]
    with pytest.raises(InstrumentError):
        parse(data)


@pytest.mark.parametrize(("total", "above"), [(32, False), (33, True), (80, True), (0, False)])
def test_pcl5_cutpoint_is_33_by_default(total, above):
    flags = thresholds(inst("pcl5"), total)
    assert (flags.at_or_above_cutpoint, flags.cutpoint) == (above, 33)
    assert flags.further_help_suggested is above


def test_pcl5_cutpoint_follows_the_operators_choice(settings):
    settings.COVE_PCL5_CUT_POINT = 31
    assert thresholds(inst("pcl5"), 31).at_or_above_cutpoint is True
    assert thresholds(inst("pcl5-week"), 30).at_or_above_cutpoint is False


@pytest.mark.parametrize("chosen", [30, 34])
def test_a_cutpoint_outside_31_to_33_stops_the_app(settings, chosen):
    from django.core.exceptions import ImproperlyConfigured

    settings.COVE_PCL5_CUT_POINT = chosen
    with pytest.raises(ImproperlyConfigured):
        instruments.check_cut_points()


def test_high_pcl5_total_without_the_pattern_is_flagged_by_the_cutpoint():
    result = score(inst("pcl5"), [3] * 5 + [0, 1] + [3] * 13)
    assert (result.total, result.provisional_pattern, result.at_or_above_cutpoint) == (
        55, False, True)


@pytest.mark.parametrize(("instrument_id", "total", "further"), [
    ("phq9", 9, False), ("phq9", 10, True), ("gad7", 9, False), ("gad7", 10, True)])
def test_phq9_and_gad7_suggest_further_help_from_ten(instrument_id, total, further):
    flags = thresholds(inst(instrument_id), total)
    assert flags.further_help_suggested is further
    assert flags.at_or_above_cutpoint is None


def test_an_instrument_with_an_unknown_band_name_is_refused():
    import json

    data = json.loads((instruments.DATA_DIR / "gad7.json").read_text(encoding="utf-8"))
    data["scoring"]["bands"][0]["name"] = "none\u2013minimal"  # an en dash, as in print
    with pytest.raises(InstrumentError):
        parse(data)
