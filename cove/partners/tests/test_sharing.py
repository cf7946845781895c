"""Sharing by part: chosen by the owner, previewed exactly, revocable at once, logged."""

from __future__ import annotations

import pytest

from cove.audit.models import AuditEvent
from cove.boundaries.services import answer_item
from cove.partners.tests.helpers import link, previewed, share, shown, write_plan
from cove.vault import areas
from cove.vault.models import AreaKey, Grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(survivor, other_survivor):
    write_plan(survivor)
    return survivor, other_survivor, link(survivor, other_survivor)


def test_linking_alone_shows_the_partner_nothing(linked):
    _owner, partner, active = linked
    assert shown(partner, active) == ""
    assert "Orange" not in partner.client.get(f"/partners/links/{active.pk}/shared-with-me/").content.decode()


def test_a_shared_pause_plan_shows_the_stop_word_and_nothing_else(linked):
    owner, partner, active = linked
    share(owner, active, "pause")
    page = shown(partner, active)
    assert "Orange" in page and "Two taps on the arm" in page
    assert "A warm blanket" not in page and "I go quiet" not in page


def test_the_preview_is_exactly_what_the_partner_sees(linked):
    owner, partner, active = linked
    share(owner, active, "pause", "aftercare")
    assert previewed(owner, active) == shown(partner, active) != ""


def test_contacts_stay_hidden_when_the_safety_plan_is_shared(linked):
    owner, partner, active = linked
    share(owner, active, "safety", plan_parts=["warning_signs"])
    page = shown(partner, active)
    assert "I go quiet" in page
    assert "0170" not in page


def test_a_contact_chosen_one_by_one_is_shown_alone(linked):
    owner, partner, active = linked
    share(owner, active, "safety", contacts=["Mum 0170 555 0101"])
    page = shown(partner, active)
    assert "Mum 0170 555 0101" in page
    assert "Alex" not in page


def test_stopping_a_part_takes_effect_on_the_next_request(linked):
    owner, partner, active = linked
    share(owner, active, "pause")
    assert "Orange" in shown(partner, active)
    share(owner, active)
    assert "Orange" not in shown(partner, active)


def test_stopping_a_part_rotates_its_key(linked):
    owner, _partner, active = linked
    share(owner, active, "pause")
    before = AreaKey.objects.get(owner=owner.user, area=areas.PARTNER_PAUSE).version
    share(owner, active)
    assert AreaKey.objects.get(owner=owner.user, area=areas.PARTNER_PAUSE).version == before + 1


def test_a_change_to_the_source_reaches_the_partner(linked):
    owner, partner, active = linked
    share(owner, active, "pause")
    write_plan(owner, stop_word="Blue")
    page = shown(partner, active)
    assert "Blue" in page and "Orange" not in page


def test_boundaries_show_states_and_conditions_without_history(linked):
    owner, partner, active = linked
    answer_item(owner.vault(), "talk.feelings", "maybe", "only when we are alone")
    share(owner, active, "boundaries")
    page = shown(partner, active)
    assert "Talking about how I feel" in page and "only when we are alone" in page
    assert "How this changed" not in page


def test_boundary_history_is_shown_when_chosen(linked):
    owner, partner, active = linked
    answer_item(owner.vault(), "talk.feelings", "maybe")
    share(owner, active, "boundaries", history="on")
    assert "How this changed" in shown(partner, active)


def test_a_boundary_changed_later_reaches_the_partner(linked):
    owner, partner, active = linked
    answer_item(owner.vault(), "talk.feelings", "yes")
    share(owner, active, "boundaries")
    answer_item(owner.vault(), "talk.feelings", "no")
    page = shown(partner, active)
    assert "Talking about how I feel</strong>: No" in page


def test_every_partner_read_is_in_the_owners_access_log(linked):
    owner, partner, active = linked
    share(owner, active, "pause")
    shown(partner, active)
    event = AuditEvent.objects.filter(kind="shared.read", subject_id=owner.user.pk).latest("id")
    assert event.detail == {"area": areas.PARTNER_PAUSE, "areas": {areas.PARTNER_PAUSE: 1},
                            "items": 1, "reader": partner.username}


def test_one_look_at_several_parts_writes_one_receipt(linked):
    owner, partner, active = linked
    share(owner, active, "pause", "aftercare")
    before = AuditEvent.objects.count()
    shown(partner, active)
    reads = AuditEvent.objects.filter(kind="shared.read", subject_id=owner.user.pk)
    assert AuditEvent.objects.count() == before + 1
    assert set(reads.latest("id").detail["areas"]) == {areas.PARTNER_PAUSE,
                                                        areas.PARTNER_AFTERCARE}


def test_a_partners_look_reads_in_plain_words_in_who_looked(linked):
    owner, partner, active = linked
    share(owner, active, "pause", "aftercare")
    shown(partner, active)
    page = owner.client.get("/vault/access/").content.decode()
    assert "looked at your pause plan and aftercare wishes" in page


def test_the_preview_is_not_logged_as_a_read(linked):
    owner, _partner, active = linked
    share(owner, active, "pause")
    previewed(owner, active)
    assert not AuditEvent.objects.filter(kind="shared.read").exists()


def test_a_partner_area_is_shared_with_one_partner_only(linked, make_person):
    owner, _partner, active = linked
    third = make_person()
    other_link = link(owner, third)
    share(owner, active, "pause")
    assert shown(third, other_link) == ""
    assert Grant.objects.filter(owner=owner.user, grantee=third.user).count() == 0


def test_a_stranger_cannot_open_the_share_page(linked, make_person):
    _owner, _partner, active = linked
    assert make_person().client.get(f"/partners/links/{active.pk}/share/").status_code == 404
    assert make_person().client.get(f"/partners/links/{active.pk}/shared-with-me/").status_code == 404


def test_a_whole_area_cannot_be_granted_as_a_partner_part_through_the_old_api(linked):
    owner, partner, _active = linked
    owner.api("post", "/auth/reauth", {"passphrase": owner.passphrase})
    response = owner.api("post", "/sharing/grants",
                         {"username": partner.username, "area": areas.PARTNER_PAUSE})
    assert response.status_code == 422


def test_boundaries_kept_true_in_place_match_a_full_rebuild(linked):
    from cove.partners import sharing, sources
    from cove.partners.models import SharePart

    owner, _partner, active = linked
    answer_item(owner.vault(), "talk.feelings", "yes")
    answer_item(owner.vault(), "talk.their_feelings", "maybe")
    owner.api("put", f"/partners/links/{active.pk}/sharing",
              {"parts": ["boundaries"], "history": True})
    answer_item(owner.vault(), "talk.feelings", "no", "only if we agreed")
    answer_item(owner.vault(), "talk.their_feelings", "")
    answer_item(owner.vault(), "talk.feelings", "maybe")
    vault = owner.vault()
    stored = owner.api("get", f"/partners/links/{active.pk}/preview").json()[0]["content"]
    options = sharing.part_options(sharing.options_of(vault), SharePart.BOUNDARIES)
    assert stored == sources.build(vault, SharePart.BOUNDARIES, options)
    assert [i["state"] for i in stored["items"]] == ["Maybe"]


def test_opening_partners_writes_nothing_when_nothing_changed(linked):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    owner, _partner, active = linked
    share(owner, active, "pause", "aftercare")
    owner.client.get("/partners/")
    with CaptureQueriesContext(connection) as queries:
        assert owner.client.get("/partners/").status_code == 200
    writes = [q["sql"] for q in queries.captured_queries
              if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE", "SAVEPOINT"}
              and "django_session" not in q["sql"] and "accounts_usersession" not in q["sql"]]
    assert writes == []
