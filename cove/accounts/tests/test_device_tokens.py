"""Device tokens: the owner's known browser is never held up by other people's guesses."""

import pytest
from django.test import Client

from cove.accounts import devices, throttle
from cove.accounts.models import SignInThrottle

pytestmark = pytest.mark.django_db
WRONG = "a wrong passphrase typed here"


def sign_in(client, username, passphrase, **extra):
    return client.post("/account/login/", {"username": username, "passphrase": passphrase},
                       **extra)


def guess_until_delayed(username, address="10.9.9.9"):
    stranger = Client(REMOTE_ADDR=address)
    for _ in range(throttle.FREE_ATTEMPTS + 1):
        sign_in(stranger, username, WRONG)
    assert sign_in(stranger, username, WRONG).status_code == 429


def test_signing_in_leaves_a_device_token_that_names_nothing(survivor):
    response = sign_in(Client(), survivor.username, survivor.passphrase)
    (name,) = [n for n in response.cookies if n.startswith(devices.COOKIE_PREFIX)]
    cookie = response.cookies[name]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["max-age"] > 0
    assert survivor.username not in name and survivor.username not in cookie.value


def test_a_known_browser_signs_in_while_someone_else_is_being_delayed(survivor):
    owner = Client(REMOTE_ADDR="10.9.9.9")
    assert sign_in(owner, survivor.username, survivor.passphrase).status_code == 302
    owner.post("/account/logout/", HTTP_X_CSRFTOKEN=owner.cookies["csrftoken"].value)
    guess_until_delayed(survivor.username)  # the same address, too: a shared home network
    assert sign_in(owner, survivor.username, survivor.passphrase).status_code == 302


def test_a_new_browser_meets_the_accounts_delay(survivor):
    guess_until_delayed(survivor.username)
    assert sign_in(Client(REMOTE_ADDR="10.1.1.1"), survivor.username,
                   survivor.passphrase).status_code == 429


def test_a_token_for_one_account_does_not_help_with_another(survivor, other_survivor):
    browser = Client()
    sign_in(browser, survivor.username, survivor.passphrase)
    guess_until_delayed(other_survivor.username)
    assert sign_in(browser, other_survivor.username, other_survivor.passphrase).status_code == 429


def test_a_forged_token_counts_as_a_new_browser(survivor):
    guess_until_delayed(survivor.username)
    browser = Client()
    browser.cookies[devices.cookie_name(survivor.username)] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    assert sign_in(browser, survivor.username, survivor.passphrase).status_code == 429


def test_a_known_browser_has_a_small_budget_of_its_own(survivor):
    browser = Client()
    sign_in(browser, survivor.username, survivor.passphrase)
    browser.post("/account/logout/", HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value)
    for _ in range(throttle.DEVICE_FREE_ATTEMPTS + 1):
        sign_in(browser, survivor.username, WRONG)
    assert sign_in(browser, survivor.username, survivor.passphrase).status_code == 429


def test_guesses_from_a_known_browser_do_not_delay_the_account_for_others(survivor):
    browser = Client()
    sign_in(browser, survivor.username, survivor.passphrase)
    for _ in range(throttle.DEVICE_FREE_ATTEMPTS):
        sign_in(browser, survivor.username, WRONG)
    assert sign_in(Client(REMOTE_ADDR="10.2.2.2"), survivor.username,
                   survivor.passphrase).status_code == 302


def test_a_passphrase_change_retires_tokens_of_other_browsers(survivor):
    old_browser = Client()
    sign_in(old_browser, survivor.username, survivor.passphrase)
    new = "a different long passphrase, 2027"
    assert survivor.api("post", "/account/passphrase",
                        {"current": survivor.passphrase, "new": new}).status_code == 204
    guess_until_delayed(survivor.username)
    assert sign_in(old_browser, survivor.username, new).status_code == 429
    survivor.post("/account/logout/")
    assert survivor.post("/account/login/", {"username": survivor.username,
                                             "passphrase": new}).status_code == 302


def test_success_does_not_clear_the_address_counter(survivor):
    stranger = Client(REMOTE_ADDR="10.3.3.3")
    for _ in range(throttle.FREE_ATTEMPTS):
        sign_in(stranger, "someone-else", WRONG)
    before = {row.key: row.failures for row in SignInThrottle.objects.all()}
    assert sign_in(stranger, survivor.username, survivor.passphrase).status_code == 302
    after = {row.key: row.failures for row in SignInThrottle.objects.all()}
    address_keys = [key for key in before if before[key] == throttle.FREE_ATTEMPTS
                    and after.get(key) == throttle.FREE_ATTEMPTS]
    assert address_keys, "the address counter was cleared by someone's success"


def test_the_recovery_code_path_stays_open_while_the_account_is_delayed(survivor):
    guess_until_delayed(survivor.username)
    response = Client(REMOTE_ADDR="10.4.4.4").post("/account/recover/", {
        "username": survivor.username, "recovery_code": survivor.recovery_code,
        "new": "a different long passphrase, 2027"})
    assert response.status_code == 200 and b"Keep this recovery code safe" in response.content
