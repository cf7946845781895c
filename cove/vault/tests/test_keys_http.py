"""Passphrase change, recovery, emergency reset and renewal, all through HTTP."""

import pytest
from django.test import Client

from cove.accounts.models import UserSession
from cove.conftest import sign_up_person
from cove.vault import areas
from cove.vault.models import Grant, KeyBundle
from cove.vault.testing import ciphertext_of
from cove.vault.tests.sampleapp.models import SampleNote

pytestmark = pytest.mark.django_db

NEW = "a different long passphrase, 2027"


def sign_in(username, passphrase):
    client = Client()
    response = client.post("/account/login/", {"username": username, "passphrase": passphrase})
    return client, response


def test_passphrase_change_rewraps_only(survivor):
    SampleNote(vault=survivor.vault(), title="kept safe").save()
    before = ciphertext_of(SampleNote.objects.get(), "title")
    response = survivor.api("post", "/account/passphrase", {"current": survivor.passphrase, "new": NEW})
    assert response.status_code == 204
    assert ciphertext_of(SampleNote.objects.get(), "title") == before  # nothing re-encrypted
    survivor.passphrase = NEW
    assert SampleNote.objects.owned_by(survivor.vault()).get().title == "kept safe"


def test_old_passphrase_stops_working_after_a_change(survivor):
    survivor.api("post", "/account/passphrase", {"current": survivor.passphrase, "new": NEW})
    _client, response = sign_in(survivor.username, survivor.passphrase)
    assert response.status_code == 200 and b"do not match" in response.content
    _client, response = sign_in(survivor.username, NEW)
    assert response.status_code == 302


def test_passphrase_change_needs_the_current_passphrase(survivor):
    response = survivor.api("post", "/account/passphrase", {"current": "wrong wrong wrong wrong", "new": NEW})
    assert response.status_code == 403


def test_recovery_code_sets_a_new_passphrase_and_keeps_the_data(survivor):
    SampleNote(vault=survivor.vault(), title="still here").save()
    client = Client(enforce_csrf_checks=False)
    response = client.post("/api/v1/account/recover", {
        "username": survivor.username, "recovery_code": survivor.recovery_code.lower(),
        "new_passphrase": NEW}, content_type="application/json")
    assert response.status_code == 200
    new_code = response.json()["recovery_code"]
    assert new_code != survivor.recovery_code
    survivor.passphrase = NEW
    assert SampleNote.objects.owned_by(survivor.vault()).get().title == "still here"


def test_a_used_recovery_code_is_spent(survivor):
    client = Client()
    body = {"username": survivor.username, "recovery_code": survivor.recovery_code,
            "new_passphrase": NEW}
    assert client.post("/api/v1/account/recover", body, content_type="application/json").status_code == 200
    body["new_passphrase"] = NEW + " again"
    assert client.post("/api/v1/account/recover", body, content_type="application/json").status_code == 403


def test_a_wrong_recovery_code_is_refused(survivor):
    response = Client().post("/api/v1/account/recover", {
        "username": survivor.username, "recovery_code": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
        "new_passphrase": NEW}, content_type="application/json")
    assert response.status_code == 403


def test_recovery_through_the_page_shows_a_new_code(survivor):
    client = Client()
    response = client.post("/account/recover/", {
        "username": survivor.username, "recovery_code": survivor.recovery_code, "new": NEW})
    assert response.status_code == 200
    assert b"Keep this recovery code safe" in response.content


def test_emergency_reset_ends_sharing_other_sessions_and_rotates_keys(survivor, other_survivor):
    SampleNote(vault=survivor.vault(), title="mine", shareable=True).save()
    survivor.api("post", "/auth/reauth", {"passphrase": survivor.passphrase})
    survivor.api("post", "/sharing/grants", {"username": other_survivor.username,
                                             "area": areas.JOURNAL_SHARED})
    second_device, _ = sign_in(survivor.username, survivor.passphrase)
    old_wrap = bytes(KeyBundle.objects.get(user=survivor.user).data_key_by_passphrase)

    response = survivor.api("post", "/account/emergency-reset", {"passphrase": survivor.passphrase})

    assert response.status_code == 200 and response.json()["recovery_code"]
    assert not Grant.objects.filter(owner=survivor.user).exists()
    assert UserSession.objects.filter(user=survivor.user).count() == 1
    assert second_device.get("/account/settings/").status_code == 302  # signed out there
    assert bytes(KeyBundle.objects.get(user=survivor.user).data_key_by_passphrase) != old_wrap
    assert survivor.client.get("/account/settings/").status_code == 200  # still in here
    assert SampleNote.objects.owned_by(survivor.vault()).get().title == "mine"
    shared = other_survivor.api("get", f"/sharing/from/{survivor.username}/{areas.JOURNAL_SHARED}")
    assert shared.status_code == 404


def test_emergency_reset_makes_the_old_recovery_code_useless(survivor):
    survivor.api("post", "/account/emergency-reset", {"passphrase": survivor.passphrase})
    response = Client().post("/api/v1/account/recover", {
        "username": survivor.username, "recovery_code": survivor.recovery_code,
        "new_passphrase": NEW}, content_type="application/json")
    assert response.status_code == 403


def test_renewing_the_recovery_code_retires_the_old_one(survivor):
    response = survivor.client.post("/account/recovery-code/", {"passphrase": survivor.passphrase},
                                    HTTP_X_CSRFTOKEN=survivor.client.cookies["csrftoken"].value)
    assert response.status_code == 200
    refused = Client().post("/api/v1/account/recover", {
        "username": survivor.username, "recovery_code": survivor.recovery_code,
        "new_passphrase": NEW}, content_type="application/json")
    assert refused.status_code == 403


def test_kdf_cost_is_stored_per_person_and_raised_on_sign_in(settings, monkeypatch):
    from cove.vault import crypto, kdf

    person = sign_up_person("lowcost")
    bundle = KeyBundle.objects.get(user=person.user)
    assert (bundle.kdf_memory_kib, bundle.kdf_iterations) == (crypto.TEST_KDF.memory_kib,
                                                              crypto.TEST_KDF.iterations)
    stronger = crypto.KdfParams(memory_kib=16 * 1024, iterations=2, lanes=1)
    monkeypatch.setattr(kdf, "current_kdf_params", lambda: stronger)
    monkeypatch.setattr("cove.vault.services.current_kdf_params", lambda: stronger)
    _client, response = sign_in(person.username, person.passphrase)
    assert response.status_code == 302
    bundle.refresh_from_db()
    assert (bundle.kdf_memory_kib, bundle.kdf_iterations) == (16 * 1024, 2)


def test_standard_kdf_meets_the_security_floor():
    from cove.vault.crypto import STANDARD_KDF

    assert STANDARD_KDF.memory_kib >= 64 * 1024 and STANDARD_KDF.iterations >= 3
