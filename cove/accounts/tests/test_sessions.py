"""Sessions: absolute lifetime, sign-out, and ending other sessions (idle: test_presence.py)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from cove.accounts.models import UserSession
from cove.accounts.services import SESSION_SEEN, SESSION_STARTED

pytestmark = pytest.mark.django_db


def age_session(client, *, seen_minutes=0, started_hours=0):
    session = client.session
    now = timezone.now()
    session[SESSION_SEEN] = (now - timedelta(minutes=seen_minutes)).isoformat()
    session[SESSION_STARTED] = (now - timedelta(hours=started_hours)).isoformat()
    session.save()


def test_a_session_ends_at_its_absolute_lifetime_even_when_active(survivor, settings):
    age_session(survivor.client, seen_minutes=0, started_hours=settings.COVE_SESSION_MAX_HOURS + 1)
    assert survivor.client.get("/account/settings/").status_code == 302


def test_sign_out_is_a_post_that_clears_site_data(survivor):
    token = survivor.client.cookies["csrftoken"].value
    assert survivor.client.get("/account/logout/").status_code == 405
    response = survivor.client.post("/account/logout/", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 302
    assert "storage" in response["Clear-Site-Data"] and "cache" in response["Clear-Site-Data"]
    assert response.cookies["cove_session"]["max-age"] == 0
    assert survivor.client.get("/account/settings/").status_code == 302


def test_sign_out_keeps_this_browsers_device_token(survivor):
    device_cookies = [name for name in survivor.client.cookies if name.startswith("cove_d_")]
    assert len(device_cookies) == 1
    response = survivor.post("/account/logout/")
    assert "cookies" not in response["Clear-Site-Data"]
    assert device_cookies[0] not in response.cookies


def test_sign_out_without_a_csrf_token_is_refused(survivor):
    assert survivor.client.post("/account/logout/").status_code == 403


def test_sessions_page_lists_each_device(survivor):
    second = Client()
    second.post("/account/login/", {"username": survivor.username, "passphrase": survivor.passphrase})
    response = survivor.client.get("/account/sessions/")
    assert response.content.count(b"End this session") == 1
    assert b"this one" in response.content


def test_ending_all_other_sessions_signs_the_other_device_out(survivor):
    second = Client()
    second.post("/account/login/", {"username": survivor.username, "passphrase": survivor.passphrase})
    token = survivor.client.cookies["csrftoken"].value
    survivor.client.post("/account/sessions/", {"action": "end_others"}, HTTP_X_CSRFTOKEN=token)
    assert second.get("/account/settings/").status_code == 302
    assert survivor.client.get("/account/settings/").status_code == 200


def test_ending_one_session_by_id(survivor):
    second = Client()
    second.post("/account/login/", {"username": survivor.username, "passphrase": survivor.passphrase})
    other = UserSession.objects.exclude(session_key=survivor.client.session.session_key).get()
    token = survivor.client.cookies["csrftoken"].value
    survivor.client.post("/account/sessions/", {"session": other.pk}, HTTP_X_CSRFTOKEN=token)
    assert second.get("/account/settings/").status_code == 302


def test_nobody_can_end_someone_elses_session(survivor, other_survivor):
    theirs = UserSession.objects.get(user=other_survivor.user)
    token = survivor.client.cookies["csrftoken"].value
    survivor.client.post("/account/sessions/", {"session": theirs.pk}, HTTP_X_CSRFTOKEN=token)
    assert other_survivor.client.get("/account/settings/").status_code == 200


def test_a_new_session_id_is_issued_at_sign_in(survivor):
    client = Client()
    client.get("/account/login/")
    client.cookies["cove_session"] = "fixated-session-id-0000000000000"
    client.post("/account/login/", {"username": survivor.username, "passphrase": survivor.passphrase})
    assert client.cookies["cove_session"].value != "fixated-session-id-0000000000000"


def test_a_session_without_key_material_asks_for_the_passphrase_and_keeps_the_typing(survivor):
    del survivor.client.cookies["cove_vk"]
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/account/settings/", {"minutes": 5}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert b"Please enter your passphrase again" in response.content
    assert b'name="carry__minutes" value="5"' in response.content
    unlocked = survivor.client.post("/vault/unlock/", {
        "passphrase": survivor.passphrase, "next": "/account/settings/",
        "carried_method": "POST", "carry__minutes": "5"}, HTTP_X_CSRFTOKEN=token)
    assert b"Save what I wrote" in unlocked.content
    assert survivor.client.get("/account/settings/").status_code == 200


def test_a_locked_htmx_request_reloads_the_page_to_ask_for_the_passphrase(survivor):
    del survivor.client.cookies["cove_vk"]
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/account/settings/", {"minutes": 5}, HTTP_X_CSRFTOKEN=token,
                                    HTTP_HX_REQUEST="true",
                                    HTTP_HX_CURRENT_URL="http://testserver/account/settings/")
    assert response.status_code == 204
    assert response["HX-Redirect"] == "/account/settings/"


def test_a_person_can_add_and_remove_an_email_for_reminders(survivor):
    token = survivor.client.cookies["csrftoken"].value
    survivor.client.post("/account/settings/", {"email": "me@example.org"}, HTTP_X_CSRFTOKEN=token)
    survivor.user.refresh_from_db()
    assert survivor.user.email == "me@example.org"
    survivor.client.post("/account/settings/", {"email": ""}, HTTP_X_CSRFTOKEN=token)
    survivor.user.refresh_from_db()
    assert survivor.user.email == ""


def test_a_malformed_email_is_explained_and_nothing_changes(survivor):
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/account/settings/", {"email": "not an address"},
                                    HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200 and b"valid email" in response.content
    survivor.user.refresh_from_db()
    assert survivor.user.email == ""
