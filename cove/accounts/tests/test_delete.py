"""Deleting an account erases the person's rows and every wrap of their keys."""

import pytest

from cove.accounts.models import User, UserSession
from cove.vault import keystore
from cove.vault.models import AreaKey, KeyBundle
from cove.vault.tests.sampleapp.models import SampleNote

pytestmark = pytest.mark.django_db


def test_delete_needs_the_passphrase(survivor):
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/account/delete/", {"passphrase": "wrong wrong wrong wrong",
                                                         "confirm": "on"}, HTTP_X_CSRFTOKEN=token)
    assert b"does not match" in response.content
    assert User.objects.filter(pk=survivor.user.pk).exists()


def test_delete_erases_rows_keys_and_sessions(survivor, other_survivor):
    SampleNote(vault=survivor.vault(), title="goodbye").save()
    SampleNote(vault=other_survivor.vault(), title="stays").save()
    key_id = KeyBundle.objects.get(user=survivor.user).shred_key_id
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/account/delete/", {"passphrase": survivor.passphrase,
                                                         "confirm": "on"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200 and "storage" in response["Clear-Site-Data"]
    assert not User.objects.filter(pk=survivor.user.pk).exists()
    assert not KeyBundle.objects.filter(user_id=survivor.user.pk).exists()
    assert not AreaKey.objects.filter(owner_id=survivor.user.pk).exists()
    assert not UserSession.objects.filter(user_id=survivor.user.pk).exists()
    assert SampleNote.objects.count() == 1
    with pytest.raises(keystore.ShredKeyMissing):
        keystore.get(key_id)


def test_delete_through_the_api(survivor):
    response = survivor.api("post", "/account/delete", {"passphrase": survivor.passphrase})
    assert response.status_code == 204
    assert not User.objects.filter(pk=survivor.user.pk).exists()
