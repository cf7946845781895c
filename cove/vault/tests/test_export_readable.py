"""The "page to read or print": a document in plain words, never a dump of the database."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from cove.boundaries import services as boundaries
from cove.journal import services as journal
from cove.vault.readable import plural_title, show

pytestmark = pytest.mark.django_db


def _readable(person) -> str:
    token = person.csrf_token()
    answer = person.client.post("/vault/download/", {"passphrase": person.passphrase,
                                                     "format": "html"}, HTTP_X_CSRFTOKEN=token)
    assert answer.status_code == 200
    return answer.content.decode()


@pytest.fixture
def kept(survivor):
    vault = survivor.vault()
    boundaries.answer_item(vault, "touch.hold_hands", "yes", "only if we are at home")
    journal.write_entry(vault, "free", {"text": "A quiet walk by the water."}, ["calm"])
    return survivor


def test_catalogue_keys_read_as_their_words(kept):
    page = _readable(kept)
    assert "Holding hands" in page
    assert "touch.hold_hands" not in page and "{&#x27;key&#x27;" not in page


def test_no_ids_or_keys_are_shown(kept):
    page = _readable(kept)
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", main)
    assert ">Id<" not in main and ">Version<" not in main and ">Key<" not in main


def test_each_area_has_one_heading(kept):
    page = _readable(kept)
    assert re.search(r"<h2 id=\"area-boundaries-h\">Boundaries</h2>", page)
    assert re.search(r"<h2 id=\"area-journal-h\">Journal</h2>", page)


def test_journal_entries_is_spelled_right(kept):
    page = _readable(kept)
    assert "ntrys" not in page
    assert plural_title("Journal entrys") == "Journal entries"


def test_dates_are_written_in_words_in_one_format(kept):
    page = _readable(kept)
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", main)
    assert show(dt.date(2026, 3, 4)) == "4 March 2026"


def test_the_page_can_be_printed_or_saved_as_pdf(kept):
    page = _readable(kept)
    assert "cove/document.css" in page and "Print or save as PDF" in page


def test_a_setting_that_is_off_is_left_out_not_listed_as_no():
    assert show({"note": "over clothes", "ask_first": False}) == "Note: over clothes"
    assert show(False) is None and show(True) == "Yes"
