"""Review: a cadence the person chooses (or never), offered only on a visit, one item at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from cove.boundaries import services
from cove.boundaries.models import BoundaryChange, BoundaryItem, ReviewSettings
from cove.boundaries.tests.helpers import main_text

pytestmark = pytest.mark.django_db


def _settings(person):
    return ReviewSettings.objects.owned_by(person.vault()).get()


def test_no_offer_unless_asked_for(survivor):
    assert "A look at your boundaries?" not in main_text(survivor.client.get("/boundaries/"))


def test_cadence_is_stored_sealed_and_can_be_never(survivor):
    assert survivor.post("/boundaries/review/settings/", {"cadence_days": "30"}).status_code == 302
    assert _settings(survivor).cadence_days == 30
    survivor.post("/boundaries/review/settings/", {"cadence_days": "0"})
    assert _settings(survivor).cadence_days == 0
    assert ReviewSettings.objects.filter(owner=survivor.user).count() == 1


def test_odd_cadence_gets_a_message(survivor):
    response = survivor.post("/boundaries/review/settings/", {"cadence_days": "3"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_offer_is_computed_on_the_visit_when_the_time_has_come(survivor):
    vault = survivor.vault()
    settings = services.set_review_cadence(vault, 14)
    today = dt.date(2026, 3, 20)
    settings.last_reviewed = "2026-03-01"
    assert services.offer_review(settings, today) is True
    assert services.offer_review(settings, dt.date(2026, 3, 14)) is False
    settings.cadence_days = 0
    assert services.offer_review(settings, today) is False
    assert services.offer_review(None, today) is False


def test_offer_shows_calmly_with_an_equal_not_now(survivor):
    vault = survivor.vault()
    settings = services.set_review_cadence(vault, 14)
    settings.last_reviewed = "2020-01-01"
    settings.save()
    page = main_text(survivor.client.get("/boundaries/"))
    assert "A look at your boundaries?" in page
    assert "Look now" in page
    assert "Not now" in page
    for word in ("overdue", "missed", "should", "must"):
        assert word not in page.lower()
    survivor.post("/boundaries/review/later/")
    assert "A look at your boundaries?" not in main_text(survivor.client.get("/boundaries/"))
    assert _settings(survivor).quiet_until


def test_review_walks_one_item_at_a_time_and_keep_is_the_default(survivor):
    vault = survivor.vault()
    first = services.answer_item(vault, "touch.hug_front", "yes")
    services.answer_item(vault, "touch.hug_behind", "no")
    page = main_text(survivor.client.get("/boundaries/review/"))
    assert "Hugs from the front" in page
    assert "Hugs from behind" not in page
    # The first submit button is "Keep as is": pressing Enter keeps things as they are.
    assert page.index('value="keep"') < page.index('value="save"') < page.index('value="stop"')
    response = survivor.post("/boundaries/review/", {"n": "0", "item": str(first.pk),
                                                      "action": "keep", "state": "no"})
    assert response["Location"].endswith("?n=1")
    assert BoundaryItem.objects.owned_by(vault).get(pk=first.pk).state == "yes"
    assert BoundaryChange.objects.filter(owner=survivor.user).count() == 2
    page = main_text(survivor.client.get("/boundaries/review/?n=1"))
    assert "Hugs from behind" in page


def test_review_can_save_a_change(survivor):
    vault = survivor.vault()
    record = services.answer_item(vault, "touch.hug_behind", "no")
    survivor.post("/boundaries/review/", {"n": "0", "item": str(record.pk), "action": "save",
                                           "state": "maybe"})
    assert BoundaryItem.objects.owned_by(vault).get(pk=record.pk).state == "maybe"
    assert "That was the last one" in main_text(survivor.client.get("/boundaries/review/?n=1"))


def test_stopping_the_review_is_a_kind_exit(survivor):
    services.set_review_cadence(survivor.vault(), 14)
    record = services.answer_item(survivor.vault(), "touch.hug_behind", "no")
    response = survivor.post("/boundaries/review/", {"n": "0", "item": str(record.pk),
                                                      "action": "stop"})
    assert response["Location"] == "/boundaries/"
    assert _settings(survivor).last_reviewed == dt.date.today().isoformat()


def test_review_with_nothing_answered_is_gentle(survivor):
    page = main_text(survivor.client.get("/boundaries/review/?n=zz"))
    assert "nothing to look over yet" in page


def test_review_cannot_change_another_persons_item(survivor, other_survivor):
    record = services.answer_item(other_survivor.vault(), "touch.hug_behind", "no")
    response = survivor.post("/boundaries/review/", {"n": "0", "item": str(record.pk),
                                                      "action": "save", "state": "yes"})
    assert response.status_code == 404
