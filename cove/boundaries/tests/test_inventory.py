"""The boundaries inventory through HTTP: answering, changing, history, own items, privacy."""

from __future__ import annotations

import re

import pytest

from cove.boundaries import catalogue, services
from cove.boundaries.models import BoundaryChange, BoundaryIndex, BoundaryItem
from cove.boundaries.tests.helpers import main_text, raw_rows, whole_section

pytestmark = pytest.mark.django_db


def test_index_lists_groups_without_any_completeness_score(survivor):
    response = survivor.client.get("/boundaries/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Everyday touch" in text
    assert "%" not in text.split("<main", 1)[1]
    assert "completed" not in text.lower()
    assert not re.search(r"\d+ of \d+", text)


def test_signed_out_person_is_sent_to_sign_in(anonymous):
    response = anonymous.get("/boundaries/s/touch/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_section_shows_catalogue_items_unanswered(survivor):
    response = survivor.client.get("/boundaries/s/touch/")
    assert response.status_code == 200
    assert "Hugs from behind" in response.content.decode()


def test_unknown_section_is_not_found(survivor):
    assert survivor.client.get("/boundaries/s/nothing/").status_code == 404


def test_answering_an_item_without_javascript_saves_and_redirects(survivor):
    response = survivor.post("/boundaries/items/new/",
                    {"key": "touch.hug_behind", "state": "maybe", "condition": "if I can see you"})
    assert response.status_code == 302
    assert response["Location"].startswith("/boundaries/s/touch/#b-i12")
    record = BoundaryItem.objects.owned_by(survivor.vault()).get()
    assert (record.key, record.state, record.condition) == ("touch.hug_behind", "maybe",
                                                            "if I can see you")
    page = survivor.client.get("/boundaries/s/touch/").content.decode()
    assert "Saved: Hugs from behind" in page


def test_changing_one_item_with_htmx_is_one_small_partial(survivor):
    survivor.post("/boundaries/items/new/", {"key": "touch.hug_behind", "state": "no"})
    record = BoundaryItem.objects.owned_by(survivor.vault()).get()
    response = survivor.post(f"/boundaries/items/{record.pk}/", {"state": "maybe"}, htmx=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    assert 'id="b-i12"' in body
    assert 'hx-swap-oob="innerHTML"' in body
    assert "Saved: Hugs from behind — Maybe" in body
    assert len(response.content) < 6000


def test_every_change_is_kept_with_from_and_to(survivor):
    survivor.post("/boundaries/items/new/", {"key": "touch.hug_behind", "state": "no"})
    record = BoundaryItem.objects.owned_by(survivor.vault()).get()
    survivor.post(f"/boundaries/items/{record.pk}/", {"state": "maybe"})
    survivor.post(f"/boundaries/items/{record.pk}/", {"state": "no"})
    changes = list(BoundaryChange.objects.owned_by(survivor.vault()).order_by("created_at"))
    assert [(c.before or {}).get("state") for c in changes] == [None, "no", "maybe"]
    assert [c.after["state"] for c in changes] == ["no", "maybe", "no"]
    history = main_text(survivor.client.get("/boundaries/changes/"))
    assert "Hugs from behind" in history
    assert "No → Maybe" in history
    assert "Maybe → No" in history
    for word in ("progress", "improv", "setback", "backward"):
        assert word not in history.lower()


def test_saving_without_a_change_adds_no_history(survivor):
    survivor.post("/boundaries/items/new/", {"key": "words.my_name", "state": "yes"})
    record = BoundaryItem.objects.owned_by(survivor.vault()).get()
    survivor.post(f"/boundaries/items/{record.pk}/", {"state": "yes"})
    assert BoundaryChange.objects.filter(owner=survivor.user).count() == 1


def test_answering_the_same_catalogue_item_twice_keeps_one_record(survivor):
    survivor.post("/boundaries/items/new/", {"key": "words.my_name", "state": "yes"})
    survivor.post("/boundaries/items/new/", {"key": "words.my_name", "state": "maybe"})
    records = list(BoundaryItem.objects.owned_by(survivor.vault()))
    assert len(records) == 1
    assert records[0].state == "maybe"


def test_ask_first_and_condition_are_kept_and_described(survivor):
    survivor.post("/boundaries/items/new/",
         {"key": "areas.back", "state": "yes", "ask_first": "on"})
    record = BoundaryItem.objects.owned_by(survivor.vault()).get()
    assert record.ask_first is True
    survivor.post(f"/boundaries/items/{record.pk}/", {"state": "yes", "condition": "over clothes"})
    history = survivor.client.get("/boundaries/changes/").content.decode()
    assert "“ask me first” off" in history
    assert "you changed “only if…”" in history


def test_clearing_an_answer_sets_not_sure_yet(survivor):
    survivor.post("/boundaries/items/new/", {"key": "areas.back", "state": "no"})
    record = BoundaryItem.objects.owned_by(survivor.vault()).get()
    survivor.post(f"/boundaries/items/{record.pk}/", {"state": ""})
    assert BoundaryItem.objects.owned_by(survivor.vault()).get(pk=record.pk).state == ""


@pytest.mark.parametrize("data", [
    {"key": "areas.back", "state": "sometimes"},
    {"key": "areas.back", "state": "yes", "condition": "x" * 501},
])
def test_bad_input_gets_a_clear_message_not_an_error_page(survivor, data):
    response = survivor.post("/boundaries/items/new/", data)
    assert response.status_code == 302
    page = survivor.client.get(response["Location"]).content.decode()
    assert "Please" in page
    assert not BoundaryItem.objects.filter(owner=survivor.user).exists()


def test_bad_input_with_htmx_shows_the_message_in_the_row(survivor):
    response = survivor.post("/boundaries/items/new/", {"key": "areas.back", "state": "?"},
                    htmx=True)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_unknown_catalogue_key_is_not_found(survivor):
    response = survivor.post("/boundaries/items/new/", {"key": "x.y", "state": "yes"})
    assert response.status_code == 404


def test_state_changes_need_post(survivor):
    assert survivor.client.get("/boundaries/items/new/").status_code == 405


def test_state_changes_need_csrf(survivor):
    response = survivor.client.post("/boundaries/items/new/", {"key": "areas.back", "state": "yes"})
    assert response.status_code == 403


def test_own_item_can_be_added_renamed_and_removed(survivor):
    response = survivor.post("/boundaries/items/add/",
                    {"title": "Hand on my knee", "category": "touch", "state": "maybe"})
    assert response.status_code == 302
    record = BoundaryItem.objects.owned_by(survivor.vault()).get()
    assert (record.title, record.category, record.key) == ("Hand on my knee", "touch", "")
    assert "Hand on my knee" in survivor.client.get(response.url).content.decode()
    survivor.post(f"/boundaries/items/{record.pk}/edit/",
         {"title": "Hand on knee", "category": "areas"})
    record = BoundaryItem.objects.owned_by(survivor.vault()).get()
    assert (record.title, record.category) == ("Hand on knee", "areas")
    survivor.post(f"/boundaries/items/{record.pk}/remove/")
    assert not BoundaryItem.objects.filter(owner=survivor.user).exists()
    assert not BoundaryChange.objects.filter(owner=survivor.user).exists()


def test_own_item_needs_a_title(survivor):
    response = survivor.post("/boundaries/items/add/", {"title": " ", "category": "touch"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_catalogue_answers_cannot_be_renamed_or_removed(survivor):
    survivor.post("/boundaries/items/new/", {"key": "areas.back", "state": "no"})
    record = BoundaryItem.objects.owned_by(survivor.vault()).get()
    assert survivor.client.get(f"/boundaries/items/{record.pk}/edit/").status_code == 404
    assert survivor.post(f"/boundaries/items/{record.pk}/remove/").status_code == 404


def test_another_persons_item_is_not_found(survivor, other_survivor):
    record = services.add_own_item(other_survivor.vault(), "Their own item", "touch", "no")
    assert survivor.post(f"/boundaries/items/{record.pk}/", {"state": "yes"}).status_code == 404
    assert survivor.client.get(f"/boundaries/items/{record.pk}/edit/").status_code == 404
    assert survivor.post(f"/boundaries/items/{record.pk}/remove/").status_code == 404
    assert "Their own item" not in survivor.client.get("/boundaries/s/touch/").content.decode()
    assert "Their own item" not in survivor.client.get("/boundaries/changes/").content.decode()
    record = BoundaryItem.objects.owned_by(other_survivor.vault()).get()
    assert record.state == "no"


def test_answers_are_stored_encrypted(survivor):
    survivor.post("/boundaries/items/new/",
         {"key": "more.oral_give", "state": "not_now", "condition": "a very private condition"})
    survivor.post("/boundaries/items/add/", {"title": "Secret own item title", "category": "more"})
    for table in ("boundaries_boundaryitem", "boundaries_boundarychange"):
        rows = raw_rows(table)
        assert rows
        for row in rows:
            for secret in (b"more.oral", b"not_now", b"a very private", b"Secret own", b"more"):
                assert secret not in row


def test_no_sensitive_words_in_urls_or_title(survivor):
    survivor.post("/boundaries/items/new/", {"key": "more.oral_give", "state": "no"})
    response = survivor.post("/boundaries/items/new/", {"key": "more.oral_give", "state": "yes"})
    assert "oral" not in response["Location"]
    page = survivor.client.get("/boundaries/s/more/").content.decode()
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "Lists" in title
    for word in ("sex", "boundar", "oral"):
        assert word not in title.lower()


def test_history_is_paged(survivor):
    vault = survivor.vault()
    record = services.answer_item(vault, "areas.back", "no")
    for n in range(30):
        services.change_item(vault, record.pk, ["yes", "no"][n % 2])
    first = survivor.client.get("/boundaries/changes/").content.decode()
    assert first.count("<li><span class=\"b-what\">") == services.HISTORY_PAGE_SIZE
    second = survivor.client.get("/boundaries/changes/?page=2").content.decode()
    assert second.count("<li><span class=\"b-what\">") == 31 - services.HISTORY_PAGE_SIZE
    assert survivor.client.get("/boundaries/changes/?page=zzz").status_code == 200


def test_the_sealed_index_follows_adds_moves_and_removals(survivor):
    vault = survivor.vault()
    record = services.add_own_item(vault, "Hand on my knee", "touch", "maybe")
    services.answer_item(vault, "more.toys", "no")
    assert "Hand on my knee" in whole_section(survivor.client, "touch")
    survivor.post(f"/boundaries/items/{record.pk}/edit/",
         {"title": "Hand on my knee", "category": "areas"})
    assert "Hand on my knee" not in whole_section(survivor.client, "touch")
    assert "Hand on my knee" in whole_section(survivor.client, "areas")
    survivor.post(f"/boundaries/items/{record.pk}/remove/")
    assert "Hand on my knee" not in whole_section(survivor.client, "areas")
    for row in raw_rows("boundaries_boundaryindex"):
        assert b"more" not in row
        assert b"toys" not in row


def test_a_stale_index_is_rebuilt(survivor):
    vault = survivor.vault()
    services.answer_item(vault, "more.toys", "no")
    BoundaryIndex.objects.filter(owner=survivor.user).delete()
    services.answer_item(vault, "touch.hug_front", "yes")
    page = whole_section(survivor.client, "more")
    number = catalogue.ITEM_NUMBER["more.toys"]
    assert f'id="b-i{number}-s4" checked' in page  # "No" is the fourth choice
    assert services.find_by_key(vault, "more.toys") is not None
    assert len(services.item_index(vault)) == 2


def test_a_refused_change_leaves_the_item_as_it_was(survivor):
    record = services.answer_item(survivor.vault(), "areas.back", "no")
    response = survivor.post(f"/boundaries/items/{record.pk}/",
                    {"state": "yes", "condition": "x" * 501}, htmx=True)
    assert 'role="alert"' in response.content.decode()
    number = catalogue.ITEM_NUMBER["areas.back"]
    assert f'id="b-i{number}-s4" checked' in response.content.decode()
    assert BoundaryItem.objects.owned_by(survivor.vault()).get().state == "no"
