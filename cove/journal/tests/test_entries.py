"""Writing, reading, changing, sharing and deleting journal entries through HTTP."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.db import connection

from cove.journal import services
from cove.journal.models import JournalEntry
from cove.vault import areas, crypto
from cove.vault.fields import SealedField

pytestmark = pytest.mark.django_db(transaction=False)


def raw_row(entry_id: uuid.UUID) -> bytes:
    table = JournalEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s",  # noqa: S608
                       [entry_id.hex if connection.vendor == "sqlite" else str(entry_id)])
        row = cursor.fetchone()
    assert row is not None
    return b"|".join(bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode()
                     for v in row)


def sealed(entry: JournalEntry, name: str) -> bytes:
    return bytes(getattr(entry, f"{name}_sealed"))


def aad(entry: JournalEntry, name: str) -> bytes:
    field = JournalEntry._meta.get_field(name)
    assert isinstance(field, SealedField)
    return field.aad(entry)


KIND_POSTS: dict[str, dict[str, Any]] = {
    "free": {"body": "The rain sounded soft tonight"},
    "body": {"areas": ["shoulders", "hands"], "warmth": "warm", "pressure": "light",
             "texture": "tingly", "calm": "3", "notes": "my shoulders let go a little"},
    "moment": {"what_happened": "A song in the shop", "context": ["out", "alone"],
               "body_felt": "tight chest", "what_i_did": "stepped outside",
               "tried": ["breathing", "moving_away"], "helped": ["breathing"], "how_much": "7"},
    "win": {"what": "I asked for a pause and took it", "meaning": "my voice counts"},
    "story": {"absorbed": "closeness means always saying yes", "letting_go": "always yes",
              "fits_me": "yes, no and maybe are all answers"},
    "thought": {"thought": "I am too much", "friend": "you are allowed to need things",
                "fairer": "I have needs, like everyone"},
    "terms": {"looks_like": "slow mornings and tea", "feel": "unhurried", "leave_out": "rush"},
}


@pytest.mark.parametrize("kind", sorted(KIND_POSTS))
def test_each_kind_of_entry_is_written_and_read_back(survivor, kind):
    page = survivor.client.get(f"/journal/new/{kind}/")
    assert page.status_code == 200
    data = {**KIND_POSTS[kind], "tags": "evening, gentle"}
    response = survivor.post(f"/journal/new/{kind}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = JournalEntry.objects.owned_by(survivor.vault()).get()
    assert entry.kind == kind
    assert entry.tag_list == ["evening", "gentle"]
    shown = survivor.client.get(response["Location"]).content.decode()
    first_text = next(v for v in KIND_POSTS[kind].values() if isinstance(v, str) and " " in v)
    assert first_text in shown
    assert "gentle" in shown


def test_entries_are_stored_encrypted_kind_and_tags_too(survivor):
    survivor.post("/journal/new/thought/", {"thought": "Nobody would understand",
                                                   "tags": "secretword"})
    entry = JournalEntry.objects.get(owner=survivor.user)
    raw = raw_row(entry.pk)
    assert b"Nobody would understand" not in raw
    assert b"secretword" not in raw
    assert b"thought" not in raw


def test_content_note_comes_before_prompts_about_hard_moments(survivor):
    html = survivor.client.get("/journal/new/moment/").content.decode()
    assert html.index("Before you start") < html.index("What happened?")
    assert "Leave without saving" in html


def test_empty_entry_is_not_saved_and_bad_input_gets_a_message(survivor):
    empty = survivor.post("/journal/new/free/", {"body": "   "})
    assert "nothing to save yet" in empty.content.decode()
    assert not JournalEntry.objects.exists()
    response = survivor.post("/journal/new/body/", {"calm": "11", "areas": ["tail"]})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_unknown_kind_is_404(survivor):
    assert survivor.client.get("/journal/new/nothing/").status_code == 404


def test_edit_changes_the_entry(survivor):
    entry = services.write_entry(survivor.vault(), "win", {"what": "old"}, [])
    page = survivor.client.get(f"/journal/{entry.pk}/edit/").content.decode()
    assert "old" in page
    survivor.post(f"/journal/{entry.pk}/edit/", {"what": "new words", "tags": "a"})
    entry = JournalEntry.objects.owned_by(survivor.vault()).get()
    assert entry.answer_map == {"what": "new words"}
    assert entry.tag_list == ["a"]


def test_marking_shareable_reseals_under_the_shared_area(survivor):
    vault = survivor.vault()
    entry = services.write_entry(vault, "win", {"what": "I said no kindly"}, ["x"])
    before = sealed(JournalEntry.objects.get(pk=entry.pk), "answers")
    response = survivor.post(f"/journal/{entry.pk}/share/", {"shareable": "1"})
    assert response.status_code == 302
    stored = JournalEntry.objects.get(pk=entry.pk)
    assert stored.shareable is True
    assert sealed(stored, "answers") != before
    # Opens with the shared area's key, and no longer with the private journal key.
    shared_key = vault.key_for(survivor.user.pk, areas.JOURNAL_SHARED)
    private_key = vault.key_for(survivor.user.pk, areas.JOURNAL)
    assert b"I said no kindly" in crypto.open_value(shared_key, sealed(stored, "answers"),
                                                    aad(stored, "answers"))
    with pytest.raises(crypto.VaultError):
        crypto.open_value(private_key, sealed(stored, "answers"), aad(stored, "answers"))
    for name in ("kind", "tags"):
        crypto.open_value(shared_key, sealed(stored, name), aad(stored, name))
    survivor.post(f"/journal/{entry.pk}/share/", {"shareable": "0"})
    again = JournalEntry.objects.owned_by(survivor.vault()).get()
    assert again.shareable is False
    assert again.answer_map == {"what": "I said no kindly"}


def test_delete_asks_then_removes(survivor):
    entry = services.write_entry(survivor.vault(), "free", {"body": "x"}, [])
    assert "Keep it" in survivor.client.get(f"/journal/{entry.pk}/delete/").content.decode()
    assert survivor.post(f"/journal/{entry.pk}/delete/").status_code == 302
    assert not JournalEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("suffix", ["", "edit/", "delete/"])
def test_another_persons_entry_is_404(survivor, other_survivor, suffix):
    entry = services.write_entry(other_survivor.vault(), "free", {"body": "mine"}, [])
    assert survivor.client.get(f"/journal/{entry.pk}/{suffix}").status_code == 404
    shared = survivor.post(f"/journal/{entry.pk}/share/", {"shareable": "1"})
    assert shared.status_code == 404
    assert survivor.post(f"/journal/{entry.pk}/delete/").status_code == 404
    assert JournalEntry.objects.filter(pk=entry.pk, shareable=False).exists()


def test_bad_ids_are_404(survivor):
    assert survivor.client.get("/journal/not-a-uuid/").status_code == 404
    assert survivor.client.get(f"/journal/{uuid.uuid4()}/edit/").status_code == 404


def test_signed_out_person_is_sent_to_sign_in(anonymous):
    response = anonymous.get("/journal/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_share_needs_post(survivor):
    entry = services.write_entry(survivor.vault(), "free", {"body": "x"}, [])
    assert survivor.client.get(f"/journal/{entry.pk}/share/").status_code == 405


def test_search_finds_words_and_tags_and_says_how_far_it_looked(survivor):
    vault = survivor.vault()
    services.write_entry(vault, "free", {"body": "A walk by the sea"}, ["outside"])
    services.write_entry(vault, "win", {"what": "Tea with a friend"}, ["people"])
    html = survivor.post("/journal/search/", {"q": "sea"}).content.decode()
    assert "A walk by the sea" in html
    assert "Tea with a friend" not in html
    assert "Searched your newest 2 entries" in html
    html = survivor.post("/journal/search/", {"q": "PEOPLE"}).content.decode()
    assert "Tea with a friend" in html


def test_search_never_shows_another_persons_entries(survivor, other_survivor):
    services.write_entry(other_survivor.vault(), "free", {"body": "lighthouse"}, [])
    html = survivor.post("/journal/search/", {"q": "lighthouse"}).content.decode()
    assert "0 entries match" in html


def test_search_words_in_an_address_are_ignored(survivor):
    services.write_entry(survivor.vault(), "free", {"body": "A walk by the sea"}, [])
    html = survivor.client.get("/journal/", {"q": "harbour"}).content.decode()
    assert "Your entries" in html and "harbour" not in html
    assert survivor.client.get("/journal/search/", {"q": "sea"}).status_code == 302


def test_tags_find_their_entries_without_an_address_that_names_them(survivor):
    services.write_entry(survivor.vault(), "free", {"body": "A walk by the sea"}, ["outside"])
    html = survivor.client.get("/journal/").content.decode()
    assert "?q=" not in html and "outside" in html
    assert 'name="q" value="outside"' in html
    found = survivor.post("/journal/search/", {"q": "outside"}).content.decode()
    assert "A walk by the sea" in found


def test_the_lists_tags_all_send_one_form(survivor):
    vault = survivor.vault()
    services.write_entry(vault, "free", {"body": "one"}, ["outside"])
    forms_with_one_entry = survivor.client.get("/journal/").content.decode().count("<form")
    for word in ("two", "three", "four"):
        services.write_entry(vault, "free", {"body": word}, ["outside", "calm"])
    html = survivor.client.get("/journal/").content.decode()
    assert html.count("<form") == forms_with_one_entry
    assert html.count('id="tag-search"') == 1
    assert html.count('form="tag-search" name="q"') == 7


def test_an_entrys_tags_send_the_pages_tag_form(survivor):
    entry = services.write_entry(survivor.vault(), "free", {"body": "x"}, ["outside"])
    html = survivor.client.get(f"/journal/{entry.pk}/").content.decode()
    assert 'id="tag-search" action="/journal/search/"' in html
    assert 'form="tag-search" name="q" value="outside"' in html


def test_the_list_shows_words_and_tags_as_text_never_as_markup(survivor):
    services.write_entry(survivor.vault(), "free", {"body": 'a <b>"bold"</b> & plain day'},
                         ['<i>x</i>"'])
    html = survivor.client.get("/journal/").content.decode()
    assert "a &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; plain day" in html
    assert 'value="&lt;i&gt;x&lt;/i&gt;&quot;" class="tag-button">&lt;i&gt;x&lt;/i&gt;&quot;<' in html
    assert "<b>" not in html and "<i>x" not in html


def test_an_empty_search_shows_the_list(survivor):
    response = survivor.post("/journal/search/", {"q": "   "})
    assert response.status_code == 302 and response["Location"] == "/journal/"
