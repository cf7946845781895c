"""Leaving silently, and the Safety Check."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from cove.audit.models import AuditEvent
from cove.partners.models import Link, RotationDue
from cove.partners.tests.helpers import link, share, write_plan
from cove.progress.reminders import new_feed_token
from cove.vault import areas
from cove.vault.models import AreaKey, Grant
from cove.vault.services import grant_area

pytestmark = pytest.mark.django_db


@pytest.fixture
def sharing_both_ways(survivor, other_survivor):
    write_plan(survivor)
    write_plan(other_survivor, aftercare="Tea together")
    active = link(survivor, other_survivor)
    share(survivor, active, "pause")
    share(other_survivor, active, "aftercare")
    return survivor, other_survivor, active


def _neutral(html: str, *names: str) -> str:
    """The page's main content, without per-request tokens and the reader's own name."""
    html = html[html.index("<main"):html.index("</main>")]
    html = re.sub(r'nonce="[^"]*"|value="[^"]*"|"X-CSRFToken": "[^"]*"', "", html)
    for name in names:
        html = html.replace(name, "NAME")
    return html


def test_after_leaving_the_other_sees_what_a_never_linked_person_sees(sharing_both_ways, make_person):
    leaver, other, active = sharing_both_ways
    other.client.get("/partners/")  # shows (and so clears) their own "Saved." notes
    leaver.post(f"/partners/links/{active.pk}/leave/")
    never = make_person()
    seen = other.client.get("/partners/").content.decode()
    fresh = never.client.get("/partners/").content.decode()
    assert _neutral(seen, other.username) == _neutral(fresh, never.username)


def test_the_other_is_not_told_in_their_activity(sharing_both_ways):
    leaver, other, active = sharing_both_ways
    leaver.post(f"/partners/links/{active.pk}/leave/")
    assert not AuditEvent.objects.filter(subject_id=other.user.pk, kind="partners.unlinked").exists()
    assert AuditEvent.objects.filter(subject_id=leaver.user.pk, kind="partners.unlinked").exists()


def test_leaving_ends_reading_on_the_next_request(sharing_both_ways):
    leaver, other, active = sharing_both_ways
    leaver.post(f"/partners/links/{active.pk}/leave/")
    assert other.client.get(f"/partners/links/{active.pk}/shared-with-me/").status_code == 404
    assert leaver.client.get(f"/partners/links/{active.pk}/shared-with-me/").status_code == 404
    assert not Grant.objects.filter(area__in=areas.PARTNER).exists()
    assert not Link.objects.exists()


def test_leaving_rotates_the_leavers_keys_at_once(sharing_both_ways):
    leaver, _other, active = sharing_both_ways
    before = AreaKey.objects.get(owner=leaver.user, area=areas.PARTNER_PAUSE).version
    leaver.post(f"/partners/links/{active.pk}/leave/")
    assert AreaKey.objects.get(owner=leaver.user, area=areas.PARTNER_PAUSE).version == before + 1


def test_the_others_keys_rotate_on_their_next_visit(sharing_both_ways):
    leaver, other, active = sharing_both_ways
    before = AreaKey.objects.get(owner=other.user, area=areas.PARTNER_AFTERCARE).version
    leaver.post(f"/partners/links/{active.pk}/leave/")
    assert RotationDue.objects.filter(owner=other.user).exists()
    other.client.get("/partners/")
    assert AreaKey.objects.get(owner=other.user, area=areas.PARTNER_AFTERCARE).version == before + 1
    assert not RotationDue.objects.exists()


def test_declining_a_pending_link_removes_it(survivor, other_survivor):
    from cove.partners import services

    pending = services.redeem_invitation(other_survivor.user,
                                         services.create_invitation(survivor.user).code)
    survivor.post(f"/partners/links/{pending.pk}/leave/")
    assert not Link.objects.exists()


def _other_session(person):
    client = Client(enforce_csrf_checks=True)
    client.get("/api/v1/auth/csrf")
    token = client.cookies["csrftoken"].value
    response = client.post("/api/v1/auth/login",
                           data={"username": person.username, "passphrase": person.passphrase},
                           content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    return client


@pytest.fixture
def everything_shared(sharing_both_ways, make_person):
    owner, partner, _active = sharing_both_ways
    helper = make_person()
    grant_area(owner.vault(), helper.user, areas.SAFETY)
    token = new_feed_token(owner.user)
    elsewhere = _other_session(owner)
    return owner, partner, helper, token, elsewhere


def test_the_safety_check_stops_every_share_and_link(everything_shared):
    owner, _partner, _helper, _token, _elsewhere = everything_shared
    response = owner.post("/partners/safety-check/")
    assert response.status_code == 200
    assert not Grant.objects.filter(owner=owner.user).exists()
    assert not Link.objects.exists()


def test_the_safety_check_ends_other_sessions(everything_shared):
    owner, _partner, _helper, _token, elsewhere = everything_shared
    owner.post("/partners/safety-check/")
    assert elsewhere.get("/api/v1/auth/me").status_code == 401
    assert owner.client.get("/partners/").status_code == 200


def test_the_safety_check_replaces_the_calendar_address(everything_shared):
    owner, _partner, _helper, token, _elsewhere = everything_shared
    response = owner.post("/partners/safety-check/")
    assert Client().get(f"/progress/feed/{token}.ics").status_code == 404
    assert "/progress/feed/" in response.content.decode()


def test_the_safety_check_shows_a_receipt_of_what_changed(everything_shared):
    owner, *_rest = everything_shared
    page = owner.post("/partners/safety-check/").content.decode()
    receipt = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", page))
    assert receipt["Partner links ended"] == "1"
    assert receipt["Things you showed partners, now stopped"] == "1"
    assert receipt["Areas shared with others, now stopped"] == "1"
    assert receipt["Other devices signed out"] == "1"


def test_the_safety_check_is_linked_from_settings(survivor):
    assert "/partners/safety-check/" in survivor.client.get("/account/settings/").content.decode()
