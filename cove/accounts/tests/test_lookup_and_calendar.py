"""The one user lookup, and the calendar address after credential changes."""

import pytest
from django.test import Client

from cove.accounts.models import User
from cove.core.demo import create_demo

pytestmark = pytest.mark.django_db
NEW = "a different long passphrase, 2027"


@pytest.mark.parametrize("typed", ["river", "RIVER", "River"])
def test_the_lookup_ignores_case(survivor, typed):
    assert User.objects.find(typed) == survivor.user


@pytest.mark.parametrize("typed", ["", "riv\x00er", "x" * 41, None])
def test_the_lookup_finds_nobody_for_text_no_username_can_be(survivor, typed):
    assert User.objects.find(typed) is None


def test_the_demo_replaces_its_accounts_whatever_their_case():
    User(username="Demo-River").save()  # the same name, typed differently, from before
    create_demo()
    assert User.objects.filter(username_key="demo-river").count() == 1


def make_feed(person):
    url = person.api("post", "/progress/calendar").json()["url"]
    return "/" + url.split("/", 3)[3]


def test_a_passphrase_change_replaces_the_calendar_address(survivor):
    old = make_feed(survivor)
    assert Client().get(old).status_code == 200
    response = survivor.post("/account/passphrase/", {"current": survivor.passphrase,
                                                      "new": NEW, "new_again": NEW})
    assert response.status_code == 200 and b"Your calendar address is new too" in response.content
    assert Client().get(old).status_code == 404
    new = "/" + response.context["calendar_url"].split("/", 3)[3]
    assert Client().get(new).status_code == 200


def test_an_emergency_reset_replaces_the_calendar_address(survivor):
    old = make_feed(survivor)
    response = survivor.api("post", "/account/emergency-reset", {"passphrase": survivor.passphrase})
    assert Client().get(old).status_code == 404
    new = response.json()["calendar_url"]
    assert Client().get("/" + new.split("/", 3)[3]).status_code == 200


def test_no_calendar_address_is_made_for_someone_who_had_none(survivor):
    response = survivor.api("post", "/account/emergency-reset", {"passphrase": survivor.passphrase})
    assert response.json()["calendar_url"] is None
