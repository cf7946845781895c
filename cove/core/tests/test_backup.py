"""cove backup / cove restore: verified copies, and deleted accounts stay shredded."""

from __future__ import annotations

import pytest
from django.test import Client

from cove.accounts.models import User
from cove.cli import main
from cove.conftest import sign_up_person
from cove.vault import services as vault_services
from cove.vault.models import KeyBundle
from cove.vault.tests.sampleapp.models import SampleNote

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(username, passphrase):
    client = Client()
    response = client.post("/account/login/", {"username": username, "passphrase": passphrase})
    return client, response


def test_backup_refuses_to_overwrite(tmp_path):
    target = tmp_path / "cove.backup"
    target.write_text("keep me")
    assert main(["backup", str(target)]) == 1
    assert target.read_text() == "keep me"


def test_backup_writes_a_verified_database_and_keystore(tmp_path, capsys):
    sign_up_person("alder")
    target = tmp_path / "cove.backup"
    assert main(["backup", str(target)]) == 0
    assert target.exists() and (tmp_path / "cove.backup.keystore").exists()
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert "verified" in capsys.readouterr().out


def test_restore_brings_back_data_that_signs_in_and_reads(tmp_path):
    person = sign_up_person("alder")
    SampleNote(vault=person.vault(), title="written before the backup").save()
    target = tmp_path / "cove.backup"
    assert main(["backup", str(target)]) == 0
    SampleNote.objects.all().delete()

    assert main(["restore", str(target)]) == 0

    client, response = sign_in("alder", person.passphrase)
    assert response.status_code == 302
    token = client.cookies["csrftoken"].value
    client.post("/api/v1/auth/reauth", {"passphrase": person.passphrase},
                content_type="application/json", HTTP_X_CSRFTOKEN=token)
    exported = client.get("/api/v1/export").json()
    titles = [row["title"] for row in exported["records"]["vaultsample.samplenote"]]
    assert titles == ["written before the backup"]


def test_a_deleted_account_cannot_be_opened_from_an_earlier_backup(tmp_path):
    person = sign_up_person("alder")
    SampleNote(vault=person.vault(), title="must be unreadable").save()
    target = tmp_path / "cove.backup"
    assert main(["backup", str(target)]) == 0
    assert person.api("post", "/account/delete", {"passphrase": person.passphrase}).status_code == 204

    assert main(["restore", str(target)]) == 0

    user = User.objects.get(username="alder")  # the rows are back from the backup ...
    assert KeyBundle.objects.filter(user=user).exists()
    assert SampleNote.objects.filter(owner=user).exists()
    # ... but neither the passphrase nor the recovery code opens them any more.
    assert vault_services.unlock_with_passphrase(user, person.passphrase) is None
    assert vault_services.unlock_with_recovery_code(user, person.recovery_code) is None
    _client, response = sign_in("alder", person.passphrase)
    assert response.status_code == 200 and b"do not match" in response.content


def test_other_people_are_untouched_by_a_deletion_and_restore(tmp_path):
    leaving = sign_up_person("alder")
    staying = sign_up_person("birch")
    SampleNote(vault=staying.vault(), title="still mine").save()
    target = tmp_path / "cove.backup"
    assert main(["backup", str(target)]) == 0
    leaving.api("post", "/account/delete", {"passphrase": leaving.passphrase})
    assert main(["restore", str(target)]) == 0
    birch = User.objects.get(username="birch")
    data_key = vault_services.unlock_with_passphrase(birch, staying.passphrase)
    assert data_key is not None


def test_restore_of_a_missing_file_fails_clearly(tmp_path, capsys):
    assert main(["restore", str(tmp_path / "nothing-here")]) == 1
    assert "does not exist" in capsys.readouterr().err
