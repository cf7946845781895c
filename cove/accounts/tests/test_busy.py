"""Many sign-ins at once: beyond the few a server takes on, a calm 503 with Retry-After.

Every flow that checks or sets a passphrase shares one admission (cove.vault.kdf). Here
COVE_SIGNINS_AT_ONCE is 1 and one sign-in is held in progress, so the next is turned away.
"""

import threading

import pytest
from django.test import Client

from cove.accounts.models import SignInThrottle, User
from cove.audit.models import AuditEvent
from cove.vault import kdf

pytestmark = pytest.mark.django_db

BUSY = b"Many people are signing in right now"


@pytest.fixture
def full(settings):
    """One sign-in in progress in another thread, with room for only one."""
    settings.COVE_SIGNINS_AT_ONCE = 1
    admitted, release = threading.Event(), threading.Event()

    @kdf.admitted
    def in_progress():
        admitted.set()
        release.wait(timeout=30)

    holder = threading.Thread(target=in_progress)
    holder.start()
    assert admitted.wait(timeout=30)
    yield
    release.set()
    holder.join()


def test_sign_in_when_full_answers_503_with_retry_after(survivor, full):
    response = Client().post("/account/login/", {"username": survivor.username,
                                                 "passphrase": survivor.passphrase})
    assert response.status_code == 503
    assert int(response["Retry-After"]) >= 1
    assert BUSY in response.content


def test_busy_sign_in_page_keeps_the_username_but_never_the_passphrase(survivor, full):
    response = Client().post("/account/login/", {"username": survivor.username,
                                                 "passphrase": survivor.passphrase})
    assert f'value="{survivor.username}"'.encode() in response.content
    assert survivor.passphrase.encode() not in response.content


def test_busy_sign_in_counts_no_attempt(survivor, full):
    Client().post("/account/login/", {"username": survivor.username, "passphrase": "wrong one"})
    assert not SignInThrottle.objects.filter(failures__gt=0).exists()
    assert not AuditEvent.objects.filter(kind="auth.login_failed").exists()


def test_sign_in_works_again_once_there_is_room(survivor, settings):
    settings.COVE_SIGNINS_AT_ONCE = 1
    response = Client().post("/account/login/", {"username": survivor.username,
                                                 "passphrase": survivor.passphrase})
    assert response.status_code == 302


def test_api_sign_in_when_full_answers_503_with_retry_after(survivor, full):
    response = Client().post("/api/v1/auth/login", {"username": survivor.username,
                                                    "passphrase": survivor.passphrase},
                             content_type="application/json")
    assert response.status_code == 503
    assert int(response["Retry-After"]) >= 1
    assert "signing in" in response.json()["detail"]


def test_sign_up_when_full_makes_no_account(db, full):
    response = Client().post("/account/signup/", {
        "username": "new-person", "passphrase": "a long calm passphrase by the sea",
        "passphrase_again": "a long calm passphrase by the sea"})
    assert response.status_code == 503
    assert User.objects.find("new-person") is None


def test_unlock_when_full_answers_503(survivor, full):
    response = survivor.post("/vault/unlock/", {"passphrase": survivor.passphrase})
    assert response.status_code == 503
    assert BUSY in response.content


def test_a_confirm_page_when_full_answers_503(survivor, full):
    response = survivor.post("/account/recovery-code/", {"passphrase": survivor.passphrase})
    assert response.status_code == 503
    assert "Retry-After" in response


def test_api_reauth_when_full_answers_503(survivor, full):
    response = survivor.api("POST", "/auth/reauth", {"passphrase": survivor.passphrase})
    assert response.status_code == 503


def test_recovery_when_full_answers_503_and_changes_nothing(survivor, full):
    new = "a fresh new passphrase by the river"
    response = Client().post("/account/recover/", {
        "username": survivor.username, "recovery_code": survivor.recovery_code,
        "new": new})
    assert response.status_code == 503
    assert User.objects.get(pk=survivor.user.pk).password == survivor.user.password


def test_the_questionnaire_download_when_full_answers_503(survivor, full):
    response = survivor.post("/questionnaires/download/", {"passphrase": survivor.passphrase})
    assert response.status_code == 503 and int(response["Retry-After"]) >= 1
    assert BUSY in response.content
