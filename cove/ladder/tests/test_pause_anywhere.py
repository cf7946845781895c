"""Pause never asks for a sign-in: locked, signed out or signed in, the pause screen comes up."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from cove.accounts.services import SESSION_STARTED
from cove.ladder import services
from cove.ladder.models import DURING, PAUSED, PracticeSession
from cove.safety import services as safety

pytestmark = pytest.mark.django_db

PUBLIC_PAUSE = b"Nothing else is asked of you right now."


def practice_of(person) -> PracticeSession:
    vault = person.vault()
    ladder = services.create_ladder(vault, "Closer")
    step = services.add_step(vault, ladder, title="Hold hands")
    session = services.start_practice(vault, step, services.YES)
    assert session is not None
    services.record_before(session, minutes=10)
    return session


def phase_of(person, session: PracticeSession) -> str:
    return PracticeSession.objects.owned_by(person.vault()).get(pk=session.pk).phase


def test_pausing_while_unlocked_records_it_and_shows_the_pause_plan(survivor):
    safety.save_plan(survivor.vault(), {"stop_word": "Amber"})
    session = practice_of(survivor)
    response = survivor.post(f"/ladder/practice/{session.pk}/pause/")
    assert response.status_code == 302
    assert phase_of(survivor, session) == PAUSED
    assert b"Amber" in survivor.client.get(response["Location"]).content


def test_pausing_while_locked_shows_the_pause_screen_not_the_passphrase(survivor):
    session = practice_of(survivor)
    survivor.post("/account/presence/lock/")
    response = survivor.post(f"/ladder/practice/{session.pk}/pause/")
    assert response.status_code == 302 and response["Location"] == "/ladder/pause/"
    page = survivor.client.get("/ladder/pause/")
    assert page.status_code == 200 and PUBLIC_PAUSE in page.content
    assert b"passphrase" not in page.content.lower()
    assert phase_of(survivor, session) == DURING  # nothing could be written while locked


def test_pausing_after_the_session_ended_shows_the_pause_screen_not_sign_in(survivor, settings):
    session = practice_of(survivor)
    stored = survivor.client.session
    stored[SESSION_STARTED] = (timezone.now() - timedelta(
        hours=settings.COVE_SESSION_MAX_HOURS + 1)).isoformat()
    stored.save()
    response = survivor.post(f"/ladder/practice/{session.pk}/pause/")
    assert response.status_code == 302 and response["Location"] == "/ladder/pause/"
    page = survivor.client.get("/ladder/pause/")
    assert PUBLIC_PAUSE in page.content and b"Please sign in" not in page.content


def test_the_pause_screen_is_open_to_anyone_and_touches_no_database(
        anonymous: Client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = anonymous.get("/ladder/pause/")
    assert response.status_code == 200 and PUBLIC_PAUSE in response.content
    html = response.content.decode()
    assert 'data-parts="stop_word signal after_pause"' in html
    assert 'href="/grounding/senses/"' in html


def test_the_pause_screen_is_kept_for_offline_use(anonymous: Client):
    body = anonymous.get("/sw.js").content.decode()
    assert '"/ladder/pause/"' in body
    assert '"/static/ladder/pause-plan.js"' in body
    assert "PAUSE_POSTS" in body


def test_someone_elses_practice_cannot_be_paused(survivor, other_survivor):
    session = practice_of(other_survivor)
    assert survivor.post(f"/ladder/practice/{session.pk}/pause/").status_code == 404
    assert phase_of(other_survivor, session) == DURING
