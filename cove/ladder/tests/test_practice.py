"""Practice sessions through HTTP: consent, phases, pause, interruption, encryption."""

from __future__ import annotations

import pytest

from cove.ladder import models as m
from cove.ladder import public, services
from cove.ladder.models import PracticeSession
from cove.ladder.tests.helpers import make_ladder, steps
from cove.safety.public import PausePlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def step(survivor):
    return steps(survivor, make_ladder(survivor))[1]


def start(person, step) -> PracticeSession:
    response = person.post(f"/ladder/step/{step.pk}/begin/", {"answer": "yes"})
    assert response.status_code == 302
    return PracticeSession.objects.owned_by(person.vault()).get()


def session_of(person, session) -> PracticeSession:
    return PracticeSession.objects.owned_by(person.vault()).get(pk=session.pk)


BEFORE = {"expected": "40", "now": "20", "minutes": "10", "checkin_every": "5",
          "fear": "that I will freeze"}
AFTER = {"peak": "45", "now": "15", "felt_ok": "his warm hand", "was_hard": "the start",
         "compared_to_fear": "I did not freeze", "would_change": "sit closer to the lamp",
         "small_win": "on"}


def test_check_in_asks_first_and_stores_nothing(survivor, step):
    page = survivor.client.get(f"/ladder/step/{step.pk}/begin/").content.decode()
    assert "Do I feel safe and willing right now?" in page
    for answer in ("yes", "not_sure", "no"):
        assert f'value="{answer}"' in page
    assert not PracticeSession.objects.exists()


@pytest.mark.parametrize("answer", ["not_sure", "no"])
def test_not_sure_and_no_are_answered_kindly_and_start_nothing(survivor, step, answer):
    response = survivor.post(f"/ladder/step/{step.pk}/begin/", {"answer": answer})
    assert response.status_code == 200
    assert not PracticeSession.objects.exists()


@pytest.mark.parametrize("answer", ["", "maybe", "YES"])
def test_an_answer_that_is_not_one_of_the_three_is_asked_again_and_starts_nothing(
        survivor, step, answer):
    response = survivor.post(f"/ladder/step/{step.pk}/begin/", {"answer": answer})
    assert response.status_code == 400
    assert b"Please choose one of the three answers" in response.content
    assert not PracticeSession.objects.exists()


def test_not_sure_offers_three_equal_choices(survivor, step):
    page = survivor.post(f"/ladder/step/{step.pk}/begin/", {"answer": "not_sure"}).content.decode()
    assert f"/ladder/step/{step.pk}/smaller/" in page
    assert "/grounding/" in page
    assert "Stop for today" in page


def test_no_ends_kindly(survivor, step):
    page = survivor.post(f"/ladder/step/{step.pk}/begin/", {"answer": "no"}).content.decode()
    assert "Nothing has been recorded" in page


def test_a_whole_practice_records_every_phase(survivor, step, monkeypatch):
    monkeypatch.setattr("cove.ladder.practice.get_aftercare_wishes",
                        lambda vault: ["a warm drink", "a blanket"])
    session = start(survivor, step)
    page = survivor.client.get(f"/ladder/practice/{session.pk}/").content.decode()
    assert "Before you begin" in page
    assert "Pause" in page
    assert survivor.post(f"/ladder/practice/{session.pk}/before/", BEFORE).status_code == 302
    page = survivor.client.get(f"/ladder/practice/{session.pk}/").content.decode()
    assert "Still OK?" in page
    assert 'role="timer"' in page
    survivor.post(f"/ladder/practice/{session.pk}/during/", {"answer": "slow"})
    survivor.post(f"/ladder/practice/{session.pk}/during/", {"answer": "continue"})
    survivor.post(f"/ladder/practice/{session.pk}/during/", {"answer": "finished"})
    page = survivor.client.get(f"/ladder/practice/{session.pk}/").content.decode()
    assert "a warm drink" in page
    assert "that I will freeze" in page
    response = survivor.post(f"/ladder/practice/{session.pk}/after/",
                    {**AFTER, "aftercare": ["a warm drink"]})
    assert response.status_code == 302
    done = session_of(survivor, session)
    assert done.phase == m.ENDED
    assert done.outcome == m.FINISHED
    assert (done.distress_expected, done.distress_before, done.distress_peak,
            done.distress_after) == (40, 20, 45, 15)
    assert done.planned_minutes == 10
    assert done.checkin_every == 5
    assert [c["answer"] for c in done.checkins] == ["slow", "continue"]
    assert done.aftercare_done == ["a warm drink"]
    assert done.small_win is True
    assert done.compared_to_fear == "I did not freeze"
    page = survivor.client.get(f"/ladder/practice/{session.pk}/").content.decode()
    assert "small win" in page
    assert "I did not freeze" in page


def test_skipping_ratings_records_none(survivor, step):
    session = start(survivor, step)
    survivor.post(f"/ladder/practice/{session.pk}/before/", {**BEFORE, "skip_ratings": "on"})
    done = session_of(survivor, session)
    assert done.distress_before is None
    assert done.distress_expected is None
    assert done.phase == m.DURING


@pytest.mark.parametrize("phase", [m.BEFORE, m.DURING, m.AFTER])
def test_pause_works_from_every_phase_without_confirmation(survivor, step, phase, monkeypatch):
    plan = PausePlan(stop_word="harbour", signal="two taps on the arm", after_pause="tea")
    monkeypatch.setattr("cove.ladder.practice.get_pause_plan", lambda vault: plan)
    session = start(survivor, step)
    if phase in (m.DURING, m.AFTER):
        survivor.post(f"/ladder/practice/{session.pk}/before/", BEFORE)
    if phase == m.AFTER:
        survivor.post(f"/ladder/practice/{session.pk}/during/", {"answer": "finished"})
    assert session_of(survivor, session).phase == phase
    page = survivor.client.get(f"/ladder/practice/{session.pk}/").content.decode()
    assert f'action="/ladder/practice/{session.pk}/pause/"' in page
    assert survivor.post(f"/ladder/practice/{session.pk}/pause/").status_code == 302
    paused = session_of(survivor, session)
    assert paused.phase == m.PAUSED
    assert paused.pauses[-1]["phase"] == phase
    page = survivor.client.get(f"/ladder/practice/{session.pk}/").content.decode()
    assert "harbour" in page
    assert "two taps on the arm" in page
    assert "/grounding/" in page
    survivor.post(f"/ladder/practice/{session.pk}/resume/")
    assert session_of(survivor, session).phase == phase


def test_pause_from_the_check_in_needs_no_practice(survivor, step):
    page = survivor.client.get(f"/ladder/step/{step.pk}/begin/").content.decode()
    assert f"/ladder/pause/?step={step.pk}" in page
    page = survivor.client.get(f"/ladder/pause/?step={step.pk}").content.decode()
    assert "pause plan" in page
    assert "/grounding/" in page
    assert not PracticeSession.objects.exists()


def test_gentle_check_in_pause_answer_pauses(survivor, step):
    session = start(survivor, step)
    survivor.post(f"/ladder/practice/{session.pk}/before/", BEFORE)
    survivor.post(f"/ladder/practice/{session.pk}/during/", {"answer": "pause"})
    assert session_of(survivor, session).phase == m.PAUSED


def test_pause_then_make_it_smaller_ends_kindly_and_opens_the_split(survivor, step):
    session = start(survivor, step)
    survivor.post(f"/ladder/practice/{session.pk}/pause/")
    response = survivor.post(f"/ladder/practice/{session.pk}/smaller/")
    assert response["Location"] == f"/ladder/step/{step.pk}/smaller/"
    ended = session_of(survivor, session)
    assert ended.phase == m.ENDED
    assert ended.outcome == m.MADE_SMALLER


def test_end_for_today_keeps_what_was_saved(survivor, step):
    session = start(survivor, step)
    survivor.post(f"/ladder/practice/{session.pk}/before/", BEFORE)
    survivor.post(f"/ladder/practice/{session.pk}/pause/")
    survivor.post(f"/ladder/practice/{session.pk}/end/")
    ended = session_of(survivor, session)
    assert ended.outcome == m.ENDED_FOR_TODAY
    assert ended.distress_before == 20
    page = survivor.client.get(f"/ladder/practice/{session.pk}/").content.decode()
    assert "You ended for today" in page
    assert "nothing counts against you" in page


def test_an_interrupted_practice_is_kept_as_it_was_and_can_be_resumed(survivor, step):
    session = start(survivor, step)
    survivor.post(f"/ladder/practice/{session.pk}/before/", BEFORE)
    # The tab closes here: a fresh client (new device, after "Leave quickly") comes back.
    kept = session_of(survivor, session)
    assert kept.phase == m.DURING
    assert kept.distress_before == 20
    assert kept.fear
    page = survivor.client.get(f"/ladder/step/{step.pk}/").content.decode()
    assert "Unfinished, kept as it was" in page
    assert "fail" not in page.lower()
    page = survivor.client.get(f"/ladder/practice/{session.pk}/").content.decode()
    assert "Still OK?" in page
    fact = public.recent_practices(survivor.vault())[0]
    assert fact.ended_early is True
    assert fact.distress_before == 20


def test_out_of_order_posts_go_back_to_the_current_phase(survivor, step):
    session = start(survivor, step)
    response = survivor.post(f"/ladder/practice/{session.pk}/after/", AFTER)
    assert response.status_code == 302
    assert session_of(survivor, session).phase == m.BEFORE
    survivor.post(f"/ladder/practice/{session.pk}/before/", BEFORE)
    response = survivor.post(f"/ladder/practice/{session.pk}/before/", {**BEFORE, "now": "90"})
    assert session_of(survivor, session).distress_before == 20


def test_bad_ratings_get_a_clear_message(survivor, step):
    session = start(survivor, step)
    response = survivor.post(f"/ladder/practice/{session.pk}/before/",
                    {**BEFORE, "now": "250", "minutes": "abc"})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert session_of(survivor, session).phase == m.BEFORE


def test_distress_and_notes_are_stored_encrypted(survivor, step):
    session = start(survivor, step)
    survivor.post(f"/ladder/practice/{session.pk}/before/", {**BEFORE, "now": "73",
                                                             "fear": "zebra-quiet-lantern"})
    row = PracticeSession._base_manager.filter(pk=session.pk).values().get()  # raw columns
    sealed = {k: bytes(v) for k, v in row.items() if k.endswith("_sealed") and v}  # type: ignore[call-overload]
    assert len(sealed) >= 8
    raw = b"".join(sealed.values())
    assert b"zebra-quiet-lantern" not in raw
    assert bytes(row["distress_before_sealed"]) not in (b"73", b"")
    assert len(bytes(row["distress_before_sealed"])) > 16
    assert b"during" not in bytes(row["phase_sealed"])
    step_title = type(step)._base_manager.filter(pk=step.pk).values_list("title_sealed", flat=True).get()
    assert step.title.encode() not in bytes(step_title)
    assert session_of(survivor, session).distress_before == 73


def test_someone_elses_practice_is_not_found(survivor, other_survivor, step):
    session = start(survivor, step)
    assert other_survivor.client.get(f"/ladder/practice/{session.pk}/").status_code == 404
    for action in ("pause", "resume", "end", "smaller", "before", "during", "after"):
        assert other_survivor.post(f"/ladder/practice/{session.pk}/{action}/").status_code == 404
    assert session_of(survivor, session).phase == m.BEFORE


def test_recent_practices_contract(survivor, step):
    session = start(survivor, step)
    survivor.post(f"/ladder/practice/{session.pk}/before/", BEFORE)
    survivor.post(f"/ladder/practice/{session.pk}/during/", {"answer": "finished"})
    survivor.post(f"/ladder/practice/{session.pk}/after/", AFTER)
    facts = public.recent_practices(survivor.vault(), limit=5)
    assert len(facts) == 1
    fact = facts[0]
    assert (fact.step_title, fact.ladder_title) == (step.title, "Closer, slowly")
    assert (fact.distress_before, fact.distress_peak, fact.distress_after) == (20, 45, 15)
    assert fact.small_win is True
    assert fact.ended_early is False
    assert public.recent_practices(survivor.vault(), limit=0) == []


def test_progress_shows_chart_table_and_facts_only_on_request(survivor, step):
    vault = survivor.vault()
    for peak in (60, 50, 45, 40, 30):
        session = services.start_practice(vault, step, "yes")
        assert session is not None
        services.record_before(session, expected=50, now=20)
        services.finish_during(session)
        services.record_after(session, peak=peak, after=10)
    page = survivor.client.get(f"/ladder/step/{step.pk}/progress/").content.decode()
    assert 'role="img"' in page
    assert "<title" in page
    assert "<desc" in page
    assert "<table" in page
    assert "went from" not in page
    page = survivor.client.get(f"/ladder/step/{step.pk}/progress/?facts=1").content.decode()
    assert "Over your last 5 practices, your peak rating went from 60 to 30." in page
    for nudge in ("ready", "move on", "next step", "red"):
        assert nudge not in page.lower()


def test_recent_practices_query_count_does_not_grow(survivor, django_assert_num_queries):
    from cove.ladder import demo

    vault = survivor.vault()
    demo.populate(vault, "survivor")
    with django_assert_num_queries(3):
        assert len(public.recent_practices(vault)) == 4
