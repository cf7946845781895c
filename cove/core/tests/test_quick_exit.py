"""Leave quickly, without JavaScript: the form ends the session and goes somewhere neutral."""

import pytest

pytestmark = pytest.mark.django_db


def test_quick_exit_is_on_every_page_before_anything_else(anonymous, survivor):
    for client, path in ((anonymous, "/"), (anonymous, "/help/"), (survivor.client, "/"),
                         (survivor.client, "/account/settings/")):
        body = client.get(path).content.decode()
        main = body.index("<body")
        assert body.index('id="quick-exit"', main) < body.index("<a", main)
        assert "Leave quickly" in body


def test_quick_exit_ends_the_session_and_clears_site_data(survivor, settings):
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/exit/", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert f'url={settings.COVE_QUICK_EXIT_URL}'.encode() in response.content
    assert b"<title></title>" in response.content
    assert survivor.client.get("/account/settings/").status_code == 302


def test_quick_exit_works_for_visitors_who_are_not_signed_in(anonymous):
    anonymous.get("/")
    token = anonymous.cookies["csrftoken"].value
    assert anonymous.post("/exit/", HTTP_X_CSRFTOKEN=token).status_code == 200


def test_help_page_needs_no_sign_in(anonymous):
    response = anonymous.get("/help/")
    assert response.status_code == 200
    # With no country in the browser's language, the page asks instead of guessing one.
    assert b"your local emergency number" in response.content
