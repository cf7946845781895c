"""Homework: suggested by the clinician, accepted, changed or declined by the client."""

import pytest

from cove.clinic.models import Homework
from cove.clinic.tests.conftest import make_clinician
from cove.vault.testing import ciphertext_of

pytestmark = pytest.mark.django_db


def _suggest(pair, title="Try the breathing exercise once"):
    response = pair.clinician.post(f"/clinic/clients/{pair.link_id}/suggest/",
                                   {"kind": "grounding", "title": title})
    assert response.status_code == 302
    return Homework.objects.get()


def test_the_client_sees_a_suggestion(pair):
    _suggest(pair)
    page = pair.client.client.get(f"/clinic/sharing/{pair.link_id}/").content.decode()
    assert "Try the breathing exercise once" in page


def test_declining_needs_no_reason(pair):
    item = _suggest(pair)
    response = pair.client.post(f"/clinic/sharing/{pair.link_id}/answer/{item.pk}/",
                                {"answer": "declined", "version": item.version})
    assert response.status_code == 302
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "Not for now." in page


def test_changing_it_shows_the_clients_version(pair):
    item = _suggest(pair)
    pair.client.post(f"/clinic/sharing/{pair.link_id}/answer/{item.pk}/",
                     {"answer": "changed", "my_version": "Only for one minute",
                      "version": item.version})
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "Only for one minute" in page


def test_how_it_went_is_shown_in_the_clients_words(pair):
    item = _suggest(pair)
    pair.client.post(f"/clinic/sharing/{pair.link_id}/answer/{item.pk}/",
                     {"answer": "accepted", "how_it_went": "Calmer on Sunday",
                      "version": item.version})
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "Calmer on Sunday" in page


def test_nothing_is_ever_overdue(pair):
    _suggest(pair)
    page = pair.client.client.get(f"/clinic/sharing/{pair.link_id}/").content.decode().lower()
    assert "overdue" not in page and "due" not in page.split()


def test_an_answer_from_an_old_copy_is_refused(pair):
    item = _suggest(pair)
    url = f"/clinic/sharing/{pair.link_id}/answer/{item.pk}/"
    pair.client.post(url, {"answer": "accepted", "version": item.version})
    response = pair.client.post(url, {"answer": "declined", "version": item.version})
    assert response.status_code == 400


def test_the_suggestion_is_sealed(pair):
    item = _suggest(pair)
    assert b"breathing" not in ciphertext_of(item, "title")


def test_another_clinician_cannot_read_the_suggestion(pair):
    from cove.clinic.models import ClinicLink
    from cove.vault.fields import VaultLocked

    item = _suggest(pair)
    other = make_clinician("oak", "Dr Oak")
    opened = Homework.objects.unlocked(other.vault()).get(pk=item.pk)
    with pytest.raises(VaultLocked):
        _ = opened.title
    assert ClinicLink.objects.count() == 1


def test_after_stopping_the_clinician_cannot_open_old_suggestions(pair):
    from cove.vault.fields import VaultLocked

    item = _suggest(pair)
    pair.client.post(f"/clinic/sharing/{pair.link_id}/stop/")
    opened = Homework.objects.unlocked(pair.clinician.vault()).get(pk=item.pk)
    with pytest.raises(VaultLocked):
        _ = opened.title


def test_the_api_round_trip(pair):
    made = pair.clinician.api("post", f"/clinic/clients/{pair.link_id}/suggestions",
                              {"kind": "learn", "title": "Read about the window of tolerance"})
    assert made.status_code == 201
    listed = pair.client.api("get", f"/clinic/links/{pair.link_id}/suggestions").json()
    answered = pair.client.api("post", f"/clinic/suggestions/{listed[0]['id']}/answer",
                               {"answer": "accepted", "version": listed[0]["version"]})
    assert answered.json()["answer"] == "accepted"
