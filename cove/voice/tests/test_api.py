"""Voice notes through /api/v1/voice: multipart upload, list, details, sound, change, delete."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


def api_upload(person, data: bytes, **fields):
    return person.client.post("/api/v1/voice/notes",
                              {"audio": SimpleUploadedFile("n.wav", data), **fields},
                              HTTP_X_CSRFTOKEN=person.csrf_token())


def test_an_upload_answers_201_with_the_notes_details(survivor, make_sound):
    response = api_upload(survivor, make_sound(2), title="Morning")
    body = response.json()
    assert response.status_code == 201
    assert (body["title"], body["seconds"], body["version"], body["audio_type"]) == (
        "Morning", 2, 1, "audio/webm")


def test_a_refused_upload_answers_422_in_the_documented_shape(survivor):
    response = api_upload(survivor, b"no sound here at all")
    body = response.json()
    assert response.status_code == 422
    assert body["errors"][0]["loc"] == ["body", "payload", "audio"]


def test_the_list_shows_ones_own_notes_newest_first(survivor, make_sound):
    api_upload(survivor, make_sound(1), title="first")
    api_upload(survivor, make_sound(1), title="second")
    titles = [n["title"] for n in survivor.api("GET", "/voice/notes").json()]
    assert titles == ["second", "first"]


def test_the_sound_downloads_as_webm_and_is_never_cached(survivor, make_sound):
    note = api_upload(survivor, make_sound(1)).json()
    response = survivor.api("GET", f"/voice/notes/{note['id']}/audio")
    assert response["Content-Type"] == "audio/webm" and "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x1a\x45\xdf\xa3")


def test_a_change_with_an_old_version_answers_409_with_both(survivor, make_sound):
    note = api_upload(survivor, make_sound(1)).json()
    survivor.api("PATCH", f"/voice/notes/{note['id']}", {"title": "one", "version": 1})
    response = survivor.api("PATCH", f"/voice/notes/{note['id']}", {"title": "two", "version": 1})
    body = response.json()
    assert response.status_code == 409
    assert (body["current"]["title"], body["yours"]["title"], body["version"]) == ("one", "two", 2)


def test_delete_answers_204_and_the_note_is_gone(survivor, make_sound):
    note = api_upload(survivor, make_sound(1)).json()
    assert survivor.api("DELETE", f"/voice/notes/{note['id']}").status_code == 204
    assert survivor.api("GET", f"/voice/notes/{note['id']}").status_code == 404


def test_someone_elses_note_answers_404_everywhere(survivor, other_survivor, make_sound):
    note = api_upload(survivor, make_sound(1)).json()
    paths = [("GET", ""), ("GET", "/audio"), ("PATCH", ""), ("DELETE", "")]
    answers = {other_survivor.api(method, f"/voice/notes/{note['id']}{tail}",
                                  {"title": "x"} if method == "PATCH" else None).status_code
               for method, tail in paths}
    assert answers == {404}


def test_the_schema_declares_the_audio_content_types(survivor):
    schema = survivor.client.get("/api/v1/openapi.json").json()
    upload = schema["paths"]["/api/v1/voice/notes"]["post"]["requestBody"]["content"]
    download = schema["paths"]["/api/v1/voice/notes/{note_id}/audio"]["get"]["responses"]["200"]
    assert "audio/wav" in str(upload) and "audio/webm" in download["content"]


def test_every_note_downloads_as_one_zip(survivor, make_sound):
    api_upload(survivor, make_sound(1), title="one")
    response = survivor.api("GET", "/voice/notes.zip")
    assert (response.status_code, response["Content-Type"]) == (200, "application/zip")
    assert b"".join(response.streaming_content)[:2] == b"PK"
