"""No surveillance: nothing tells one partner when or how much the other did anything."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from cove.partners.tests.helpers import link, share, write_plan

pytestmark = pytest.mark.django_db

WATCHING_WORDS = re.compile(r"last seen|online|active now|viewed|opened|read it|updated|"
                            r"finished|streak|entries", re.I)


@pytest.fixture
def linked(survivor, other_survivor):
    write_plan(survivor)
    active = link(survivor, other_survivor)
    share(survivor, active, "pause", "aftercare")
    return survivor, other_survivor, active


def _main(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


def test_what_a_partner_reads_carries_no_dates_or_activity(linked):
    _owner, partner, active = linked
    page = _main(partner.client.get(f"/partners/links/{active.pk}/shared-with-me/")
                 .content.decode())
    today = timezone.now().date()
    assert today.isoformat() not in page
    assert str(today.day) + " " + today.strftime("%b") not in page
    assert not WATCHING_WORDS.search(page)


def test_the_partners_page_says_nothing_about_the_others_activity(linked):
    owner, partner, active = linked
    partner.client.get(f"/partners/links/{active.pk}/shared-with-me/")
    page = _main(owner.client.get("/partners/").content.decode())
    assert not WATCHING_WORDS.search(page)


def test_the_api_reports_no_activity_of_the_other_person(linked):
    owner, partner, active = linked
    partner.api("get", f"/partners/links/{active.pk}/shared-with-me")
    rows = owner.api("get", "/partners/links").json()
    assert set(rows[0]) == {"id", "partner", "state", "you_confirmed"}
    seen = partner.api("get", f"/partners/links/{active.pk}/shared-with-me").json()
    assert {key for snap in seen for key in snap} == {"part", "label", "content"}
