"""Clinician notes: sealed under the clinician's own keys, in their export, nobody else's."""

import pytest

from cove.clinic.models import ClinicianNote
from cove.vault.fields import VaultLocked

pytestmark = pytest.mark.django_db


def _note(pair, body="Seems rested; go slower with the ladder"):
    response = pair.clinician.post(f"/clinic/clients/{pair.link_id}/notes/", {"body": body})
    assert response.status_code == 302
    return ClinicianNote.objects.get()


def test_the_clinician_sees_their_note(pair):
    _note(pair)
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "go slower with the ladder" in page


def test_the_client_cannot_open_the_note(pair):
    note = _note(pair)
    opened = ClinicianNote.objects.unlocked(pair.client.vault()).get(pk=note.pk)
    with pytest.raises(VaultLocked):
        _ = opened.body


def test_the_preview_does_not_show_notes(pair):
    _note(pair)
    page = pair.client.client.get(f"/clinic/sharing/{pair.link_id}/preview/").content.decode()
    assert "go slower with the ladder" not in page


def test_the_note_is_in_the_clinicians_export(pair):
    _note(pair)
    pair.clinician.api("post", "/auth/reauth", {"passphrase": pair.clinician.passphrase})
    data = pair.clinician.api("get", "/export").json()
    assert data["records"]["clinic.cliniciannote"][0]["body"].startswith("Seems rested")


def test_the_note_is_not_in_the_clients_export(pair):
    _note(pair)
    pair.client.api("post", "/auth/reauth", {"passphrase": pair.client.passphrase})
    data = pair.client.api("get", "/export").json()
    assert data["records"].get("clinic.cliniciannote") == []
