"""The public contract other apps build on: active links and the shared link key."""

from __future__ import annotations

import pytest

from cove.partners import public, services
from cove.partners.models import LinkKey
from cove.partners.tests.helpers import link
from cove.vault.keyring import NoAccess


def test_both_members_open_the_same_link_key(survivor, other_survivor):
    active = link(survivor, other_survivor)
    assert public.link_key(survivor.vault(), active) == public.link_key(
        other_survivor.vault(), active
    )


def test_the_link_key_is_stored_only_sealed_to_each_member(survivor, other_survivor):
    active = link(survivor, other_survivor)
    key = public.link_key(survivor.vault(), active)
    rows = list(LinkKey.objects.filter(link=active))
    assert sorted(r.member_id for r in rows) == sorted([survivor.user.pk, other_survivor.user.pk])
    assert all(key not in bytes(r.sealed_key) for r in rows)


def test_a_pending_link_has_no_key(survivor, other_survivor):
    code = services.create_invitation(survivor.user).code
    pending = services.redeem_invitation(other_survivor.user, code)
    services.confirm_link(survivor.user, pending.pk)
    with pytest.raises(NoAccess):
        public.link_key(survivor.vault(), pending)


def test_someone_outside_the_link_gets_no_key(survivor, other_survivor, make_person):
    active = link(survivor, other_survivor)
    with pytest.raises(NoAccess):
        public.link_key(make_person().vault(), active)


def test_after_unlink_neither_member_opens_the_key(survivor, other_survivor):
    active = link(survivor, other_survivor)
    services.unlink(other_survivor.vault(), active.pk)
    with pytest.raises(NoAccess):
        public.link_key(survivor.vault(), active.pk)


def test_active_links_and_link_between_name_the_active_link(survivor, other_survivor, make_person):
    active = link(survivor, other_survivor)
    third = make_person()
    assert [x.pk for x in public.active_links(survivor.user)] == [active.pk]
    between = public.link_between(other_survivor.user, survivor.user)
    assert between is not None and between.pk == active.pk
    assert public.link_between(survivor.user, third.user) is None


def test_several_partners_may_be_linked(survivor, other_survivor, make_person):
    link(survivor, other_survivor)
    link(make_person(), survivor)
    assert len(public.active_links(survivor.user)) == 2
