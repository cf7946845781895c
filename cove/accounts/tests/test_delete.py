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


# ---- Crash safety: never a person who can neither sign in nor delete -------------------

from django.db import connection  # noqa: E402

from cove.accounts import deletion  # noqa: E402
from cove.accounts.models import PendingShred  # noqa: E402


def _fail_deleting_accounts() -> None:
    """Make the database itself refuse to delete an account row, as a full disk would."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("CREATE TRIGGER cove_test_refuse BEFORE DELETE ON accounts_user "
                           "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;")
        else:
            cursor.execute("CREATE FUNCTION cove_test_refuse() RETURNS trigger AS $$ BEGIN "
                           "RAISE EXCEPTION 'could not extend file: No space left on device'; "
                           "END; $$ LANGUAGE plpgsql")
            cursor.execute("CREATE TRIGGER cove_test_refuse BEFORE DELETE ON accounts_user "
                           "FOR EACH ROW EXECUTE FUNCTION cove_test_refuse()")


def _allow_deleting_accounts() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER cove_test_refuse")
        else:
            cursor.execute("DROP TRIGGER cove_test_refuse ON accounts_user")
            cursor.execute("DROP FUNCTION cove_test_refuse()")


def test_a_deletion_the_database_refuses_part_way_leaves_everything_usable(survivor):
    SampleNote(vault=survivor.vault(), title="still mine").save()
    key_id = KeyBundle.objects.get(user=survivor.user).shred_key_id
    _fail_deleting_accounts()
    survivor.client.raise_request_exception = False
    response = survivor.post("/account/delete/", {"passphrase": survivor.passphrase,
                                                  "confirm": "on"})
    assert response.status_code in (500, 503)  # a fault on our side, said calmly
    # Nothing is gone: the rows, the keys and the shred key are all still there.
    assert keystore.get(key_id)
    assert SampleNote.objects.owned_by(survivor.vault()).get().title == "still mine"
    assert not PendingShred.objects.exists()
    _allow_deleting_accounts()
    # So the person can still delete, and then it is complete.
    response = survivor.post("/account/delete/", {"passphrase": survivor.passphrase,
                                                  "confirm": "on"})
    assert response.status_code == 200
    assert not User.objects.filter(pk=survivor.user.pk).exists()
    with pytest.raises(keystore.ShredKeyMissing):
        keystore.get(key_id)


def test_a_deletion_stopped_before_the_key_was_destroyed_is_finished_at_the_next_sign_in(
    survivor, monkeypatch
):
    key_id = KeyBundle.objects.get(user=survivor.user).shred_key_id
    real_destroy = keystore.destroy

    def keystore_unreachable(_key_id):
        raise OSError("the keystore's disk went away")

    monkeypatch.setattr(keystore, "destroy", keystore_unreachable)
    response = survivor.post("/account/delete/", {"passphrase": survivor.passphrase,
                                                  "confirm": "on"})
    assert response.status_code == 200  # for the person, the account is gone
    assert not User.objects.filter(pk=survivor.user.pk).exists()  # the rows went first
    assert PendingShred.objects.filter(shred_key_id=key_id).exists()
    monkeypatch.setattr(keystore, "destroy", real_destroy)
    from django.test import Client

    Client().post("/account/login/", {"username": "anyone", "passphrase": "any passphrase here"})
    assert not PendingShred.objects.exists()
    with pytest.raises(keystore.ShredKeyMissing):
        keystore.get(key_id)


def test_finishing_interrupted_deletions_also_runs_without_anyone_signing_in(survivor):
    key_id = KeyBundle.objects.get(user=survivor.user).shred_key_id
    PendingShred.objects.create(shred_key_id=key_id)
    assert deletion.finish_interrupted() == 1
    with pytest.raises(keystore.ShredKeyMissing):
        keystore.get(key_id)
