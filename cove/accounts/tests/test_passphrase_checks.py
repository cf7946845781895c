"""Every check of a signed-in person's passphrase is throttled the same way, by one gate."""

import pytest

from cove.accounts import devices, throttle

pytestmark = pytest.mark.django_db
WRONG = "a wrong passphrase typed here"

# (how to send one passphrase check, as a page or an API call) for every place that asks.
PAGES = {
    "unlock": ("/vault/unlock/", "passphrase", {"next": "/"}),
    "export": ("/vault/download/", "passphrase", {}),
    "emergency reset": ("/vault/emergency-reset/", "passphrase", {}),
    "delete": ("/account/delete/", "passphrase", {"confirm": "on"}),
    "passphrase change": ("/account/passphrase/", "current",
                          {"new": "a different long passphrase, 2027",
                           "new_again": "a different long passphrase, 2027"}),
    "new recovery code": ("/account/recovery-code/", "passphrase", {}),
    "questionnaire download": ("/questionnaires/download/", "passphrase", {}),
}
APIS = {
    "re-auth": ("/auth/reauth", "passphrase", {}),
    "passphrase change": ("/account/passphrase", "current",
                          {"new": "a different long passphrase, 2027"}),
    "emergency reset": ("/account/emergency-reset", "passphrase", {}),
    "delete": ("/account/delete", "passphrase", {}),
}


def page_check(person, name, passphrase):
    path, field, extra = PAGES[name]
    return person.post(path, {field: passphrase, **extra})


def api_check(person, name, passphrase):
    path, field, extra = APIS[name]
    return person.api("post", path, {field: passphrase, **extra})


@pytest.mark.parametrize("name", PAGES)
def test_each_confirm_page_delays_after_repeated_wrong_passphrases(survivor, name):
    for _ in range(throttle.DEVICE_FREE_ATTEMPTS + 1):
        assert page_check(survivor, name, WRONG).status_code == 200
    response = page_check(survivor, name, survivor.passphrase)
    assert response.status_code == 429 and b"Please wait" in response.content


@pytest.mark.parametrize("name", APIS)
def test_each_api_check_delays_after_repeated_wrong_passphrases(survivor, name):
    for _ in range(throttle.DEVICE_FREE_ATTEMPTS + 1):
        assert api_check(survivor, name, WRONG).status_code == 403
    response = api_check(survivor, name, survivor.passphrase)
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1


def test_a_stolen_session_without_the_device_token_meets_the_account_delay(survivor):
    for name in list(survivor.client.cookies):
        if name.startswith(devices.COOKIE_PREFIX):
            del survivor.client.cookies[name]
    for _ in range(throttle.FREE_ATTEMPTS + 1):
        assert api_check(survivor, "re-auth", WRONG).status_code == 403
    assert api_check(survivor, "re-auth", survivor.passphrase).status_code == 429


def test_a_wrong_passphrase_on_a_page_is_said_beside_the_field(survivor):
    response = page_check(survivor, "delete", WRONG)
    assert b"That passphrase does not match." in response.content
    assert b'aria-invalid="true"' in response.content


def test_a_right_passphrase_after_a_few_wrong_ones_still_works(survivor):
    for _ in range(throttle.DEVICE_FREE_ATTEMPTS - 1):
        api_check(survivor, "re-auth", WRONG)
    assert api_check(survivor, "re-auth", survivor.passphrase).status_code == 204
