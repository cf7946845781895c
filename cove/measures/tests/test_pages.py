"""Questionnaire pages through HTTP: the safety response, the content note, leaving."""

from __future__ import annotations

import re

import pytest

from cove.help import lines
from cove.measures.models import MeasureResponse
from cove.measures.public import measure_history


def form_data(answers, **extra):
    data = {f"q{n}": str(v) for n, v in enumerate(answers, 1)}
    data.update({k: str(v) for k, v in extra.items()})
    return data


def title_of(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found is not None
    return found.group(1)


def answer(person, slot, answers, language="en-US", **extra):
    return person.post(f"/questionnaires/{slot}/", form_data(answers, **extra),
                       HTTP_ACCEPT_LANGUAGE=language, follow=True)


def test_index_lists_questionnaires_with_neutral_links_and_title(survivor):
    response = survivor.client.get("/questionnaires/")
    assert response.status_code == 200
    html = response.content.decode()
    title = title_of(html)
    for word in ("PHQ", "GAD", "PCL", "PTSD", "trauma", "depress", "anxiety"):
        assert word.lower() not in title.lower()
    links = re.findall(r'href="(/questionnaires/[^"]*)"', html)
    assert {"/questionnaires/1/", "/questionnaires/2/", "/questionnaires/3/",
            "/questionnaires/4/"} <= set(links)
    for link in links:
        assert not re.search(r"phq|gad|pcl|ptsd|trauma|depress|anx", link, re.I)


def test_item9_above_zero_shows_the_safety_response_before_the_score(survivor):
    response = answer(survivor, "1", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="measure-safety"' in html
    us = lines.lines_for("US")
    assert us is not None
    for line in us.lines:
        if "suicide" in line.topics and line.call:
            assert line.call.display in html
    assert 'href="tel:911"' in html
    assert 'href="/plan/"' in html
    assert "talk about these thoughts with a doctor, therapist or counsellor" in html
    # Before the number, never only a number.
    assert html.index("measure-safety") < html.index("Your answers add up to 1 out of 27")


def shows_number(html: str, number: str) -> bool:
    """A number shown as such, not digits inside a random token on the page."""
    return re.search(rf"(?<![\w-]){re.escape(number)}(?![\w-])", html) is not None


def test_safety_response_uses_the_persons_country(survivor):
    response = answer(survivor, "1", [0] * 8 + [2], language="en-GB")
    html = response.content.decode()
    gb = lines.lines_for("GB")
    assert gb is not None
    assert "116 123" in html and 'href="tel:999"' in html
    assert not shows_number(html, "988")


def test_safety_response_never_shows_another_countrys_lines_when_unknown(survivor):
    html = answer(survivor, "1", [0] * 8 + [2], language="ja").content.decode()
    assert 'class="measure-safety"' in html
    assert not shows_number(html, "988") and not shows_number(html, "116 123")
    assert "Choose where you are" in html


def test_item9_zero_has_no_safety_response_but_help_stays_visible(survivor):
    html = answer(survivor, "1", [3, 3, 3, 3, 3, 3, 3, 3, 0]).content.decode()
    assert 'class="measure-safety"' not in html
    assert "Your answers add up to 24 out of 27" in html
    assert "“severe”" in html
    assert 'href="/help/"' in html
    assert 'href="/plan/"' in html
    assert "not a diagnosis" in html


def test_result_is_stored_and_page_explains_the_band_in_plain_words(survivor):
    html = answer(survivor, "1", [2, 2, 2, 2, 2, 2, 2, 1, 0]).content.decode()
    assert "a total from 15 to 19 is called “moderately severe”" in html
    assert MeasureResponse.objects.filter(owner=survivor.user).count() == 1


def test_pcl5_starts_with_a_content_note_that_can_be_skipped(survivor):
    html = survivor.client.get("/questionnaires/3/").content.decode()
    assert "asks about a very stressful experience" in html
    assert 'href="/questionnaires/3/?begin=1"' in html
    assert re.search(r'<a class="button button--quiet" href="/questionnaires/">Not now</a>', html)
    assert 'name="q1"' not in html
    form = survivor.client.get("/questionnaires/3/?begin=1").content.decode()
    assert form.count("<fieldset") == 20
    assert "In the past month, how much were you bothered by:" in form


def test_pcl5_pattern_is_a_pattern_worth_discussing_never_a_diagnosis(survivor):
    answers = [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0]
    html = answer(survivor, "3", answers).content.decode()
    assert "a pattern worth discussing with a professional" in html
    assert "Memories, dreams and reliving" in html
    assert "PTSD" not in title_of(html)


def test_pcl5_change_is_explained_against_the_previous_one(survivor):
    answer(survivor, "3", [2] * 20)
    html = answer(survivor, "3", [2] * 15 + [0] * 5).content.decode()
    assert "Last time your total was 40. This time it is 10 lower." in html
    assert "a change of 10 points or more, up or down" in html


def test_every_form_has_one_fieldset_and_legend_per_item_and_a_not_now(survivor):
    for slot, count in (("1", 9 + 1), ("2", 7 + 1), ("4", 20)):
        url = f"/questionnaires/{slot}/" + ("?begin=1" if slot == "4" else "")
        html = survivor.client.get(url).content.decode()
        assert html.count("<fieldset") == count
        assert html.count("<legend") == count
        assert '<a class="button button--quiet" href="/questionnaires/">Not now</a>' in html
        assert "<script>" not in html
        assert "style=" not in html


def test_a_missing_answer_is_asked_for_gently_and_nothing_is_saved(survivor):
    response = survivor.post("/questionnaires/1/", form_data([0] * 8))
    assert response.status_code == 200
    html = response.content.decode()
    assert "A few questions still need an answer." in html
    assert "Please choose an answer for question 9." in html
    assert 'checked' in html  # earlier answers are kept
    assert not MeasureResponse.objects.filter(owner=survivor.user).exists()


def test_a_kept_answer_is_checked_on_its_own_button_only(survivor):
    html = survivor.post("/questionnaires/1/", form_data([2] + [0] * 7)).content.decode()
    assert '<input type="radio" name="q1" value="2" id="id_q1_2" required checked>' in html
    assert '<input type="radio" name="q1" value="1" id="id_q1_1" required>' in html


def test_a_question_left_out_points_its_buttons_at_the_message(survivor):
    html = survivor.post("/questionnaires/1/", form_data([0] * 8)).content.decode()
    assert ('<input type="radio" name="q9" value="3" aria-invalid="true" '
            'aria-describedby="id_q9_errors" id="id_q9_3" required>') in html
    assert '<p class="errorlist" id="id_q9_errors">' in html


def test_the_optional_question_is_not_required(survivor):
    html = survivor.client.get("/questionnaires/1/").content.decode()
    assert '<input type="radio" name="difficulty" value="0" id="id_difficulty_0">' in html


def test_out_of_range_form_values_are_refused(survivor):
    response = survivor.post("/questionnaires/2/", form_data([0, 0, 0, 0, 0, 0, 7]))
    assert response.status_code == 200
    assert not MeasureResponse.objects.exists()


def test_unknown_slot_is_404(survivor):
    assert survivor.client.get("/questionnaires/9/").status_code == 404


def test_another_persons_result_page_is_404(survivor, other_survivor):
    answer(survivor, "2", [1] * 7)
    mine = MeasureResponse.objects.get(owner=survivor.user)
    assert survivor.client.get(f"/questionnaires/answers/{mine.pk}/").status_code == 200
    assert other_survivor.client.get(f"/questionnaires/answers/{mine.pk}/").status_code == 404


def test_signed_out_is_sent_to_sign_in(db, anonymous):
    response = anonymous.get("/questionnaires/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_past_answers_list_is_paginated_and_bounded(survivor, django_assert_max_num_queries):
    vault = survivor.vault()
    from cove.measures import instruments, services

    gad7 = instruments.get("gad7")
    assert gad7 is not None
    for _ in range(25):
        services.record_response(vault, gad7, [1] * 7)
    with django_assert_max_num_queries(12):
        response = survivor.client.get("/questionnaires/answers/")
    assert response.status_code == 200
    assert response.content.decode().count("7 of 21") == 20
    assert "Older" in response.content.decode()


def test_measure_history_is_oldest_first_with_titles(survivor):
    answer(survivor, "1", [1] * 8 + [0])
    answer(survivor, "2", [3] * 7)
    history = measure_history(survivor.vault())
    assert [(h.instrument, h.total, h.max_total, h.band) for h in history] == [
        ("phq9", 8, 27, "mild"), ("gad7", 21, 21, "severe")]
    assert history[0].title == "PHQ-9"
    assert measure_history(survivor.vault(), limit=0) == []


def test_a_high_pcl5_total_without_the_pattern_is_never_told_no_pattern_alone(survivor):
    answers = [3] * 5 + [0, 1] + [3] * 13
    html = answer(survivor, "3", answers).content.decode()
    assert "Your total of 55 is at or above 33" in html
    assert "worth talking over with a professional" in html
    assert "do not match the pattern this questionnaire looks for" not in html
    assert "A gentle next step" in html


def test_a_low_pcl5_total_without_the_pattern_names_the_cutpoint(survivor):
    html = answer(survivor, "3", [1] * 20).content.decode()
    assert "your total of 20 is below 33" in html
    assert "A gentle next step" not in html


def test_bands_are_shown_in_plain_words_not_as_codes(survivor):
    html = answer(survivor, "1", [0] * 9).content.decode()
    assert "“none to minimal”" in html
    assert "none-minimal" not in html


@pytest.mark.parametrize(("slot", "answers"), [
    ("1", [2, 2, 2, 2, 2, 0, 0, 0, 0]), ("2", [2, 2, 2, 1, 1, 1, 1]),
])
def test_a_total_of_ten_offers_a_gentle_next_step_with_the_help_guide(survivor, slot, answers):
    html = answer(survivor, slot, answers).content.decode()
    assert "A gentle next step" in html
    assert "A total of 10 or more is where the people who made this questionnaire" in html
    assert 'href="/help/guide/more-support/"' in html
    # Calm, never an alarm: the same quiet style as the rest of the page, and no gate.
    assert 'class="calm measure-next"' in html
    assert 'href="/questionnaires/"' in html


def test_a_lower_total_has_no_next_step_section(survivor):
    html = answer(survivor, "2", [1] * 7).content.decode()
    assert "A gentle next step" not in html


def test_no_internal_note_reaches_a_person(survivor):
    pages = [survivor.client.get(f"/questionnaires/{slot}/?begin=1").content.decode()
             for slot in ("1", "2", "3", "4")]
    pages.append(answer(survivor, "3", [0] * 20).content.decode())
    for instrument in ("phq9", "gad7", "pcl5", "pcl5-week"):
        pages.append(str(survivor.api("GET", f"/measures/{instrument}/questionnaire").json()))
    for text in pages:
        for note in ("to be confirmed", "before release", "verify", "still to be", "TODO"):
            assert note not in text


def test_an_older_stored_result_gets_the_cutpoint_when_read(survivor):
    from cove.measures import services

    answer(survivor, "3", [2] * 20)
    row = MeasureResponse.objects.owned_by(survivor.vault()).get()
    stored = row.stored_result
    for key in ("at_or_above_cutpoint", "cutpoint", "further_help_suggested"):
        stored.pop(key)
    row.result = stored
    row.save()
    again = MeasureResponse.objects.owned_by(survivor.vault()).get()
    result = services.score_of(again)
    assert (result.total, result.at_or_above_cutpoint, result.cutpoint) == (40, True, 33)
