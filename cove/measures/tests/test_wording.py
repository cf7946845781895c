"""The published wording, typed a second time from the sources: any edit to a data file
that changes an item fails here. Reworded items are not valid instruments."""

from __future__ import annotations

from cove.measures import instruments

PHQ9 = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your "
    "family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — being "
    "so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
]
GAD7 = [
    "Feeling nervous, anxious or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid as if something awful might happen",
]
PCL5_FIRST_AND_LAST = [
    (1, "Repeated, disturbing, and unwanted memories of the stressful experience?"),
    (9, "Having strong negative beliefs about yourself, other people, or the world (for example, "
        "having thoughts such as: I am bad, there is something seriously wrong with me, no one "
        "can be trusted, the world is completely dangerous)?"),
    (17, "Being “superalert” or watchful or on guard?"),
    (20, "Trouble falling or staying asleep?"),
]


def texts(instrument_id: str) -> list[str]:
    found = instruments.get(instrument_id)
    assert found is not None
    return [item.text for item in found.items]


def test_phq9_items_are_the_published_wording():
    assert texts("phq9") == PHQ9
    phq9 = instruments.get("phq9")
    assert phq9 is not None
    assert [o.text for o in phq9.options] == [
        "Not at all", "Several days", "More than half the days", "Nearly every day"]
    assert [o.code for o in phq9.options] == ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]
    assert [i.code for i in phq9.items] == [
        "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
        "44260-8"]
    assert phq9.panel["code"] == "44249-1"
    assert phq9.total_code["code"] == "44261-6"
    difficulty = phq9.extra_item("difficulty")
    assert difficulty is not None
    assert difficulty.code == "69722-7"


def test_gad7_items_are_the_published_wording():
    assert texts("gad7") == GAD7
    gad7 = instruments.get("gad7")
    assert gad7 is not None
    assert gad7.total_code["code"] == "70274-6"


def test_pcl5_items_are_the_published_wording_in_both_versions():
    for instrument_id in ("pcl5", "pcl5-week"):
        items = texts(instrument_id)
        assert len(items) == 20
        for number, text in PCL5_FIRST_AND_LAST:
            assert items[number - 1] == text
    pcl5 = instruments.get("pcl5")
    assert pcl5 is not None
    assert [o.text for o in pcl5.options] == [
        "Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely"]


def test_every_instrument_names_its_sources_and_credit():
    for instrument in instruments.all_instruments():
        assert instrument.copyright
        assert len(instrument.sources) >= 2
        assert instrument.last_verified


def test_gad7_ends_with_the_forms_difficulty_question():
    gad7 = instruments.get("gad7")
    assert gad7 is not None
    difficulty = gad7.extra_item("difficulty")
    assert difficulty is not None
    assert difficulty.text == ("If you checked off any problems, how difficult have these made "
                               "it for you to do your work, take care of things at home, or get "
                               "along with other people?")
    assert [o.text for o in difficulty.options] == [
        "Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"]


def test_pcl5_past_month_instructions_follow_the_va_form():
    pcl5 = instruments.get("pcl5")
    assert pcl5 is not None
    assert "Please read each problem carefully and then" in pcl5.instructions
    assert pcl5.instructions.endswith("in the past month.")
