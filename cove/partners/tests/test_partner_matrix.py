"""Role x URL matrix for a linked partner: anything not shared with them is unreachable.

The owner gets every app's demo data and shows their partner one part (the pause plan).
The partner then calls every id URL of the site and the API with the owner's ids, and
every area reader for every area: each must fail exactly like an id nobody has, except the
one part shown. Afterwards the owner's data is unchanged.
"""

from __future__ import annotations

import pytest

from cove.conftest import sign_up_person
from cove.core.tests.test_access_matrix import (
    MissingAnswers,
    export,
    populate,
    urls_with_owner_ids,
)
from cove.partners.tests.helpers import link
from cove.vault import areas

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_and_partner():
    owner, partner = sign_up_person("matrix-owner"), sign_up_person("matrix-partner")
    populate(owner)
    populate(partner, "partner")
    active = link(owner, partner)
    response = owner.api("put", f"/partners/links/{active.pk}/sharing", {"parts": ["pause"]})
    assert response.status_code == 200
    return owner, partner


def test_a_linked_partner_reaches_no_id_url_of_the_owner(owner_and_partner):
    owner, partner = owner_and_partner
    before = export(owner)
    token = partner.client.cookies["csrftoken"].value
    missing = MissingAnswers(partner.client, HTTP_X_CSRFTOKEN=token)
    leaks = []
    for url, nobodys in urls_with_owner_ids(owner):
        for method in ("get", "post"):
            extra = {"data": "{}", "content_type": "application/json"} if (
                method == "post" and url.startswith("/api/")) else {}
            call = getattr(partner.client, method)
            response = call(url, HTTP_X_CSRFTOKEN=token, **extra)
            if response.status_code < 400 or response.status_code != missing.status(
                    method, nobodys, **extra):
                leaks.append(f"{method.upper()} {url} -> {response.status_code}")
    assert leaks == []
    assert export(owner) == before


def test_a_linked_partner_reads_only_the_part_shown(owner_and_partner):
    owner, partner = owner_and_partner
    reached = []
    for area in areas.ALL:
        for url in (f"/partners/from/{owner.username}/{area}",
                    f"/sharing/from/{owner.username}/{area}"):
            if partner.api("get", url).status_code != 404:
                reached.append(url)
    assert reached == [f"/partners/from/{owner.username}/{areas.PARTNER_PAUSE}"]
