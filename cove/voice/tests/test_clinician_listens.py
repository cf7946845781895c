"""A voice note kept with a shareable journal entry or a practice, on the page of the
clinician it is shared with."""

from __future__ import annotations

import re

import pytest

from cove.audit.models import AuditEvent
from cove.clinic.tests.conftest import link_with, make_clinician
from cove.vault import areas
from cove.voice.models import VoiceNote
from cove.voice.tests.test_keeping import an_entry, upload

pytestmark = pytest.mark.django_db


def shared_note(client, clinician, make_sound):
    """A one-second note kept with an entry marked shareable, that area shared with the
    clinician; returns the note and the link's id."""
    entry = an_entry(client)
    upload(client, make_sound(1), title="before our session", journal_entry=str(entry.pk))
    assert client.post(f"/journal/{entry.pk}/share/", {"shareable": "1"}).status_code == 302
    link_id = link_with(clinician, client, [areas.JOURNAL_SHARED])
    return VoiceNote.objects.owned_by(client.vault()).get(), link_id


def shared_url(owner, note) -> str:
    """Where someone the note is shared with plays it."""
    return f"/voice/shared/{owner.username}/journal_shared/{note.pk}/audio/"


def players(page: str) -> list[str]:
    return re.findall(r'<audio controls preload="none" src="([^"]+)"', page)


def test_the_clinicians_page_has_a_player_through_the_share(survivor, make_sound):
    clinician = make_clinician()
    note, link_id = shared_note(survivor, clinician, make_sound)
    page = clinician.client.get(f"/clinic/clients/{link_id}/").content.decode()
    assert players(page) == [shared_url(survivor, note)]


def test_the_clinician_can_play_it(survivor, make_sound):
    clinician = make_clinician()
    note, _link_id = shared_note(survivor, clinician, make_sound)
    url = shared_url(survivor, note)
    assert clinician.client.get(url).status_code == 200


def test_it_is_shown_with_its_name_and_length_not_its_machinery(survivor, make_sound):
    clinician = make_clinician()
    _note, link_id = shared_note(survivor, clinician, make_sound)
    page = clinician.client.get(f"/clinic/clients/{link_id}/").content.decode()
    assert "<dt>Name</dt><dd>before our session</dd>" in page
    assert "<dt>Length</dt><dd>0:01</dd>" in page
    for machinery in ("Chunks", "Area"):
        assert f"<dt>{machinery}</dt>" not in page


def test_a_note_with_no_name_or_words_is_still_there_to_play(survivor, make_sound):
    clinician = make_clinician()
    entry = an_entry(survivor)
    upload(survivor, make_sound(1), journal_entry=str(entry.pk))
    survivor.post(f"/journal/{entry.pk}/share/", {"shareable": "1"})
    link_id = link_with(clinician, survivor, [areas.JOURNAL_SHARED])
    page = clinician.client.get(f"/clinic/clients/{link_id}/").content.decode()
    assert len(players(page)) == 1


def test_each_play_is_a_read_in_the_clients_receipts(survivor, make_sound):
    clinician = make_clinician()
    _note, link_id = shared_note(survivor, clinician, make_sound)
    page = clinician.client.get(f"/clinic/clients/{link_id}/").content.decode()
    before = AuditEvent.objects.filter(kind="shared.read").count()
    clinician.client.get(players(page)[0])
    assert AuditEvent.objects.filter(kind="shared.read").count() == before + 1


def test_the_clients_preview_plays_their_own_copy(survivor, make_sound):
    clinician = make_clinician()
    note, link_id = shared_note(survivor, clinician, make_sound)
    page = survivor.client.get(f"/clinic/sharing/{link_id}/preview/").content.decode()
    assert players(page) == [f"/voice/{note.pk}/audio/"]


def test_after_sharing_stops_it_no_longer_plays(survivor, make_sound):
    clinician = make_clinician()
    note, link_id = shared_note(survivor, clinician, make_sound)
    assert survivor.post(f"/clinic/sharing/{link_id}/stop/").status_code == 302
    url = shared_url(survivor, note)
    assert clinician.client.get(url).status_code == 404


def test_a_clinician_waiting_for_a_new_check_cannot_play_it(survivor, make_sound):
    clinician = make_clinician()
    note, _link_id = shared_note(survivor, clinician, make_sound)
    clinician.post("/clinic/profile/", {"name": "Dr Ashley", "practice": "Riverside"})
    url = shared_url(survivor, note)
    assert clinician.client.get(url).status_code == 404


def test_the_client_reads_that_it_was_played(survivor, make_sound):
    clinician = make_clinician()
    note, _link_id = shared_note(survivor, clinician, make_sound)
    clinician.client.get(shared_url(survivor, note))
    page = survivor.client.get("/vault/access/").content.decode()
    assert "Dr Ash played one of your voice notes" in page


def test_a_note_kept_with_a_practice_plays_on_the_clinicians_page(survivor, make_sound):
    from cove.voice.tests.test_keeping import a_practice

    clinician = make_clinician()
    session = a_practice(survivor)
    upload(survivor, make_sound(1), title="how it went", practice=str(session.pk))
    link_id = link_with(clinician, survivor, [areas.LADDER])
    note = VoiceNote.objects.owned_by(survivor.vault()).get()
    page = clinician.client.get(f"/clinic/clients/{link_id}/").content.decode()
    shown = page.split('<h2 id="area-ladder">')[1].split("</section>")[0]
    assert shown.startswith("Notes kept with a practice</h2>")
    assert "<dt>Name</dt><dd>how it went</dd>" in shown
    assert players(shown) == [f"/voice/shared/{survivor.username}/ladder/{note.pk}/audio/"]
    assert clinician.client.get(players(shown)[0]).status_code == 200


def test_a_ladder_shared_without_notes_is_shown_only_as_practice(survivor):
    from cove.voice.tests.test_keeping import a_practice

    a_practice(survivor)
    link_id = link_with(make_clinician(), survivor, [areas.LADDER])
    page = survivor.client.get(f"/clinic/sharing/{link_id}/preview/").content.decode()
    assert 'id="practice-h"' in page
    assert 'id="area-ladder"' not in page and "Nothing here yet." not in page
