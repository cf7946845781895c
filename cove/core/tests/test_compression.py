"""Pages answered to GET are gzipped; answers to a posted form never are (BREACH)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(survivor):
    response = survivor.client.get("/journal/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_the_answer_to_a_posted_form_is_never_compressed(anonymous):
    anonymous.get("/account/login/")
    token = anonymous.cookies["csrftoken"].value
    response = anonymous.post("/account/login/", {"username": "someone-typed-this",
                                                  "passphrase": "not right at all"},
                              HTTP_ACCEPT_ENCODING="gzip, br", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert b"someone-typed-this" in response.content


def test_a_download_that_is_not_text_is_sent_as_it_is(survivor):
    response = survivor.client.get("/voice/voice-notes.zip", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert not response.has_header("Content-Encoding")
