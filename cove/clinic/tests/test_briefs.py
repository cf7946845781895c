"""Session prep: written, previewed and redacted by the client, shared for one session."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cove.clinic.models import SharedBrief

pytestmark = pytest.mark.django_db


def _brief(pair, action="save", hidden=("not_ready",), day=None):
    day = day or timezone.localdate() + timedelta(days=2)
    return pair.client.post(f"/clinic/sharing/{pair.link_id}/brief/", {
        "session_date": day.isoformat(), "happened": "A hard week at work",
        "talk_about": "Sleeping badly", "not_ready": "The summer of 2019",
        "questions": "Can we go slower?", "hidden": list(hidden), "action": action})


def test_the_preview_leaves_out_a_hidden_part(pair):
    _brief(pair)
    page = pair.client.client.get(f"/clinic/sharing/{pair.link_id}/brief/").content.decode()
    preview = page.split('id="brief-preview"')[1]
    assert "Sleeping badly" in preview and "The summer of 2019" not in preview


def test_nothing_is_shared_before_the_client_chooses(pair):
    _brief(pair)
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "Sleeping badly" not in page


def test_sharing_shows_the_kept_parts_to_the_clinician(pair):
    _brief(pair, action="share")
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "Sleeping badly" in page and "Can we go slower?" in page


def test_a_hidden_part_never_reaches_the_shared_copy(pair):
    _brief(pair, action="share")
    shared = SharedBrief.objects.unlocked(pair.client.vault()).get()
    assert "not_ready" not in shared.parts
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "The summer of 2019" not in page


def test_a_brief_is_shared_for_that_session_only(pair):
    _brief(pair, action="share", day=timezone.localdate() - timedelta(days=2))
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "Sleeping badly" not in page


def test_the_client_can_take_a_brief_back(pair):
    _brief(pair, action="share")
    pair.client.post(f"/clinic/sharing/{pair.link_id}/brief/unshare/")
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "Sleeping badly" not in page
