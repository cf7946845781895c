"""Download my data: everything the person owns, decrypted for them, nothing of anyone else's."""

import json

import pytest

from cove.vault.tests.sampleapp.models import SampleNote

pytestmark = pytest.mark.django_db


def test_export_needs_the_passphrase_confirmed(survivor):
    assert survivor.api("get", "/export").status_code == 403


def test_export_contains_the_persons_records_decrypted(survivor, other_survivor):
    SampleNote(vault=survivor.vault(), title="mine", body="my words", rating=40, tags=["calm"]).save()
    SampleNote(vault=other_survivor.vault(), title="not mine").save()
    survivor.api("post", "/auth/reauth", {"passphrase": survivor.passphrase})
    document = survivor.api("get", "/export").json()
    assert (document["schema"], document["version"]) == ("cove-export", 1)
    assert document["account"]["username"] == survivor.username
    notes = document["records"]["vaultsample.samplenote"]
    assert [(n["title"], n["body"], n["rating"], n["tags"]) for n in notes] == [
        ("mine", "my words", 40, ["calm"])]
    assert "not mine" not in json.dumps(document)


def test_export_download_from_the_page_is_a_json_file(survivor):
    SampleNote(vault=survivor.vault(), title="in the file").save()
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/vault/download/", {"passphrase": survivor.passphrase,
                                                         "format": "json"}, HTTP_X_CSRFTOKEN=token)
    assert response["Content-Disposition"].startswith("attachment;")
    assert "in the file" in response.content.decode()


def test_export_page_version_is_readable(survivor):
    SampleNote(vault=survivor.vault(), title="on the page").save()
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/vault/download/", {"passphrase": survivor.passphrase,
                                                         "format": "html"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200 and b"on the page" in response.content


def test_export_page_refuses_a_wrong_passphrase(survivor):
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/vault/download/", {"passphrase": "not my passphrase ok",
                                                         "format": "json"}, HTTP_X_CSRFTOKEN=token)
    assert b"does not match" in response.content
