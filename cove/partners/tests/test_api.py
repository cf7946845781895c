"""The partners API (tag `partners`): every flow, and grants checked on every request."""

from __future__ import annotations

import pytest

from cove.partners.models import Link, LinkState
from cove.partners.tests.helpers import link, write_plan
from cove.vault import areas
from cove.vault.services import grant_area, revoke_area

pytestmark = pytest.mark.django_db


def test_linking_through_the_api(survivor, other_survivor):
    made = survivor.api("post", "/partners/invitations")
    assert made.status_code == 201
    assert made.json()["join_url"].endswith("#" + made.json()["code"])
    used = other_survivor.api("post", "/partners/redeem", {"code": made.json()["code"]})
    assert used.status_code == 201
    link_id = used.json()["id"]
    assert used.json() == {"id": link_id, "partner": survivor.username, "state": "pending",
                           "you_confirmed": False}
    survivor.api("post", f"/partners/links/{link_id}/confirm")
    done = other_survivor.api("post", f"/partners/links/{link_id}/confirm")
    assert done.json()["state"] == "active"


def test_a_wrong_code_is_a_422_that_names_no_reason(survivor):
    response = survivor.api("post", "/partners/redeem", {"code": "AAAA-BBBB"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["msg"] == "That code did not work."


def test_guessing_through_the_api_is_slowed_down(survivor):
    answers = [survivor.api("post", "/partners/redeem", {"code": "AAAA-BBBB"}).status_code
               for _ in range(7)]
    assert answers[-1] == 429


def test_the_link_list_has_no_activity_of_the_other_person(survivor, other_survivor):
    link(survivor, other_survivor)
    rows = survivor.api("get", "/partners/links").json()
    assert set(rows[0]) == {"id", "partner", "state", "you_confirmed"}


@pytest.fixture
def linked(survivor, other_survivor):
    write_plan(survivor)
    return survivor, other_survivor, link(survivor, other_survivor)


def test_sharing_a_part_through_the_api_and_its_exact_preview(linked):
    owner, partner, active = linked
    put = owner.api("put", f"/partners/links/{active.pk}/sharing", {"parts": ["pause"]})
    assert put.status_code == 200 and put.json()["parts"] == ["pause"]
    preview = owner.api("get", f"/partners/links/{active.pk}/preview").json()
    seen = partner.api("get", f"/partners/links/{active.pk}/shared-with-me").json()
    assert preview == seen
    assert seen[0]["content"]["stop_word"] == "Orange"


def test_an_unknown_part_is_refused(linked):
    owner, _partner, active = linked
    response = owner.api("put", f"/partners/links/{active.pk}/sharing", {"parts": ["journal"]})
    assert response.status_code == 422


def test_a_contact_not_in_the_plan_is_refused(linked):
    owner, _partner, active = linked
    response = owner.api("put", f"/partners/links/{active.pk}/sharing",
                         {"parts": ["safety"], "contacts": ["Someone else 0100"]})
    assert response.status_code == 422


def test_a_stale_version_of_the_choices_is_a_conflict(linked):
    owner, _partner, active = linked
    first = owner.api("put", f"/partners/links/{active.pk}/sharing", {"parts": ["pause"]})
    version = first.json()["version"]
    owner.api("put", f"/partners/links/{active.pk}/sharing", {"history": True, "version": version})
    stale = owner.api("put", f"/partners/links/{active.pk}/sharing",
                      {"parts": ["pause"], "version": version})
    assert stale.status_code == 409


def test_reading_one_part_by_area_needs_a_live_grant(linked):
    owner, partner, active = linked
    url = f"/partners/from/{owner.username}/{areas.PARTNER_PAUSE}"
    assert partner.api("get", url).status_code == 404
    owner.api("put", f"/partners/links/{active.pk}/sharing", {"parts": ["pause"]})
    assert partner.api("get", url).status_code == 200
    owner.api("put", f"/partners/links/{active.pk}/sharing", {"parts": []})
    assert partner.api("get", url).status_code == 404


def test_leaving_through_the_api_ends_reading_on_the_next_request(linked):
    owner, partner, active = linked
    owner.api("put", f"/partners/links/{active.pk}/sharing", {"parts": ["pause"]})
    assert partner.api("delete", f"/partners/links/{active.pk}").status_code == 204
    assert not Link.objects.exists()
    assert partner.api("get", f"/partners/from/{owner.username}/{areas.PARTNER_PAUSE}"
                       ).status_code == 404


def test_the_safety_check_through_the_api(linked):
    owner, _partner, _active = linked
    response = owner.api("post", "/partners/safety-check")
    assert response.status_code == 200
    assert response.json()["links_ended"] == 1
    assert Link.objects.filter(state=LinkState.ACTIVE).count() == 0


def test_the_old_area_reader_checks_the_grant_on_every_request(survivor, other_survivor):
    grant_area(survivor.vault(), other_survivor.user, areas.SAFETY)
    url = f"/sharing/from/{survivor.username}/{areas.SAFETY}"
    assert other_survivor.api("get", url).status_code == 200
    revoke_area(survivor.vault(), other_survivor.user.pk, areas.SAFETY)
    assert other_survivor.api("get", url).status_code == 404


def test_the_area_reader_refuses_someone_without_a_grant(survivor, other_survivor):
    url = f"/sharing/from/{survivor.username}/{areas.SAFETY}"
    assert other_survivor.api("get", url).status_code == 404


def test_a_grant_past_its_end_opens_nothing(survivor, other_survivor):
    from datetime import timedelta

    from django.utils import timezone

    from cove.vault.models import Grant

    grant_area(survivor.vault(), other_survivor.user, areas.SAFETY)
    Grant.objects.update(ends_at=timezone.now() - timedelta(seconds=1))
    url = f"/sharing/from/{survivor.username}/{areas.SAFETY}"
    assert other_survivor.api("get", url).status_code == 404
