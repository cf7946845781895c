"""The progress page: small wins, practices, check-in trends and questionnaire totals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cove.journal import services as journal
from cove.ladder.public import PracticeFact, PracticeWin, StepPeaks
from cove.measures.public import MeasureResult
from cove.progress import services

pytestmark = pytest.mark.django_db

STEP_ID = "6f1c2a4e-8d0b-4c1e-9f5a-3b7d2e1c0a9f"


def practice(day: int, before: int, peak: int, after: int, **extra: object) -> PracticeFact:
    values: dict[str, object] = {
        "step_id": STEP_ID, "step_title": "Holding hands", "ladder_title": "Closeness",
        "started_at": datetime(2026, 3, day, 18, tzinfo=UTC), "distress_before": before,
        "distress_peak": peak, "distress_after": after, "small_win": False,
        "ended_early": False, "what_helped": ["breathing"],
    }
    values.update(extra)
    return PracticeFact(**values)  # type: ignore[arg-type]


def pcl5(day: int, total: int) -> MeasureResult:
    return MeasureResult("pcl5", "PTSD checklist", datetime(2026, 2, day, tzinfo=UTC), total,
                         80, None)


@pytest.fixture
def practices_and_measures(monkeypatch):
    facts = [practice(1, 40, 60, 30), practice(8, 35, 50, 20, small_win=True),
             practice(15, 30, 45, 15, ended_early=True)]
    results = [pcl5(1, 52), pcl5(15, 46), pcl5(28, 38)]
    monkeypatch.setattr("cove.ladder.public.recent_practices",
                        lambda vault, limit=200, steps=None: facts)
    monkeypatch.setattr("cove.ladder.public.recent_step_peaks",
                        lambda vault, steps=6, limit=200: [
                            StepPeaks(STEP_ID, "Holding hands", "Closeness", 3, (60, 50, 45))])
    monkeypatch.setattr("cove.ladder.public.recent_practice_wins",
                        lambda vault, limit=12, scan=200, since=None: [
                            PracticeWin(f.step_title, f.started_at) for f in facts
                            if f.small_win])
    monkeypatch.setattr("cove.measures.public.measure_history", lambda vault, limit=200: results)


def test_empty_progress_page_is_calm(survivor):
    html = survivor.client.get("/progress/").content.decode()
    assert html.count('class="calm"') >= 3
    main = html.split("<main", 1)[1].split("</main>", 1)[0]  # the top bar has icons
    assert "<svg" not in main


def test_check_in_trends_are_charts_with_titles_and_a_table(survivor):
    vault = survivor.vault()
    for back in range(10):
        services.save_checkin(vault, services.today() - timedelta(days=back),
                              {"mood": back % 11, "stress": 5}, "")
    html = survivor.client.get("/progress/").content.decode()
    assert html.count('role="img"') == 5
    assert '<title id="trend-mood-title">Mood</title>' in html
    assert "most recent 0" in html  # the desc reads the data out
    assert 'href="?range=month&amp;numbers=checkins#numbers-checkins"' in html
    assert "<table>" not in html  # drawn only when asked for


def test_check_in_numbers_are_a_table_when_asked_for(survivor):
    services.save_checkin(survivor.vault(), services.today(), {"mood": 7}, "")
    html = survivor.client.get("/progress/", {"numbers": "checkins"}).content.decode()
    assert html.count("<table>") == 1
    assert '<td class="num">7</td>' in html  # a day's answer, not "7.0"


def test_a_weeks_numbers_are_averages_to_a_tenth(survivor):
    vault = survivor.vault()
    today = services.today()
    monday = today - timedelta(days=today.weekday() + 7)  # last week's, so both days have been
    for day, mood in ((monday, 6), (monday + timedelta(days=1), 7)):
        services.save_checkin(vault, day, {"mood": mood}, "")
    html = survivor.client.get("/progress/", {"range": "quarter", "numbers": "checkins"})
    assert '<td class="num">6.5</td>' in html.content.decode()


@pytest.mark.parametrize("range_key", ["month", "quarter", "year", "nonsense"])
def test_each_range_works(survivor, range_key):
    services.save_checkin(survivor.vault(), services.today(), {"mood": 4}, "")
    response = survivor.client.get("/progress/", {"range": range_key})
    assert response.status_code == 200
    if range_key in ("quarter", "year"):
        assert "the average of a week" in response.content.decode()


def test_practices_measures_and_wins_are_shown_neutrally(survivor, practices_and_measures):
    journal.write_entry(survivor.vault(), "win", {"what": "Said what I wanted"}, [])
    html = survivor.client.get("/progress/").content.decode()
    assert "Holding hands" in html
    assert "Peak distress was 60 the first time and 45 the most recent time." in html
    assert "Said what I wanted" in html
    assert "A practice: Holding hands" in html  # small win from a practice
    assert "PTSD checklist" in html
    assert "The first total was 52 and the latest is 38" in html
    assert "a change of 10 points or more" in html  # 52 -> 38 since the first
    assert "a change of 5 points or more" in html  # 46 -> 38
    assert "\u2212" not in html  # no minus sign: a change is told in words
    assert "failed" not in html.lower()


def test_each_practised_step_links_to_its_own_chart(survivor, practices_and_measures):
    html = survivor.client.get("/progress/").content.decode()
    assert f'href="/ladder/step/{STEP_ID}/progress/"' in html
    assert html.count('role="img"') == 1  # the questionnaire's chart; none per step


def test_pcl5_change_markers_follow_the_thresholds():
    assert services._change_marker("pcl5", -4) == ""
    assert services._change_marker("pcl5", -5) == "a change of 5 points or more"
    assert services._change_marker("pcl5", 9) == "a change of 5 points or more"
    assert services._change_marker("pcl5-week", -10) == "a change of 10 points or more"
    assert services._change_marker("phq9", -10) == ""


def test_progress_needs_sign_in(anonymous):
    assert anonymous.get("/progress/").status_code == 302


def test_questionnaires_chart_the_newest_answers_and_link_to_all(survivor):
    from cove.measures import instruments
    from cove.measures import services as measures

    phq9 = instruments.registry()["phq9"]
    for _ in range(services.MEASURE_POINTS + 2):
        measures.record_response(survivor.vault(), phq9, [1] * len(phq9.items))
    html = survivor.client.get("/progress/").content.decode()
    assert f"{services.MEASURE_POINTS} answers." in html
    assert f"{services.MEASURE_POINTS + 2} answers." not in html
    assert 'href="/questionnaires/answers/"' in html


def test_a_practice_win_newer_than_twelve_journal_wins_is_shown(survivor):
    from django.utils import timezone

    from cove.journal.models import JournalEntry
    from cove.ladder.bulk import fill_ladder

    vault = survivor.vault()
    fill_ladder(vault, steps=3, practices=10, days=10)  # small wins 10 and 5 days ago
    for n in range(12):
        entry = journal.write_entry(vault, "win", {"what": f"Win number {n}"}, [])
        JournalEntry.objects.filter(pk=entry.pk).update(
            created_at=timezone.now() - timedelta(days=2 * n))
    html = survivor.client.get("/progress/").content.decode()
    assert "A practice: Step 1: sit close and talk" in html  # 10 days ago
    assert "Win number 4" in html  # 8 days ago
    assert "Win number 11" not in html  # 22 days ago: twelve newer wins come first


def test_a_practised_step_is_summarised_from_its_peaks(survivor):
    from django.db import transaction

    from cove.ladder import services as ladder

    vault = survivor.vault()
    steps = ladder.create_ladder(vault, "Closeness")
    step = ladder.add_step(vault, steps, title="Holding hands", with_whom="partner",
                           minutes=10, expected_distress=30, notes="")
    for peak in (60, 50, 45):
        with transaction.atomic():
            session = ladder.start_practice(vault, step, ladder.YES)
            assert session is not None
            ladder.record_before(session, expected=50, now=30, minutes=10)
            ladder.finish_during(session)
            ladder.record_after(session, peak=peak, after=20, aftercare_done=[],
                                felt_ok="", small_win=False)
    html = survivor.client.get("/progress/").content.decode()
    assert f'href="/ladder/step/{step.pk}/progress/"' in html
    assert "3 practices. Peak distress was 60 the first time and 45 the most recent time." in html


def test_check_in_chart_labels_days_with_the_month_in_words(survivor):
    from django.utils.dateformat import format as date_format

    services.save_checkin(survivor.vault(), services.today(), {"mood": 4}, "")
    html = survivor.client.get("/progress/").content.decode()
    assert f'text-anchor="end">{date_format(services.today(), "j M")}</text>' in html


def test_the_check_in_link_goes_once_today_is_saved(survivor):
    assert "Check in today, if you like" in survivor.client.get("/progress/").content.decode()
    services.save_checkin(survivor.vault(), services.today(), {"mood": 6}, "")
    assert "Check in today" not in survivor.client.get("/progress/").content.decode()


def test_the_check_in_link_goes_when_today_has_only_a_note(survivor):
    services.save_checkin(survivor.vault(), services.today(), {}, "Tired, but here.")
    assert "Check in today" not in survivor.client.get("/progress/").content.decode()


def test_a_questionnaires_numbers_show_the_size_of_each_change_when_asked_for(
        survivor, practices_and_measures):
    html = survivor.client.get("/progress/", {"numbers": "pcl5"}).content.decode()
    assert html.count("<table>") == 1
    assert "<td>a change of 5 points or more</td>" in html  # 46 -> 38
    assert '<td class="num">-8</td>' in html


def test_an_unknown_table_shows_none(survivor, practices_and_measures):
    response = survivor.client.get("/progress/", {"numbers": "<nothing>"})
    assert response.status_code == 200
    assert "<table>" not in response.content.decode()
