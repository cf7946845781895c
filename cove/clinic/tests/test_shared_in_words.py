"""What a client shares is shown to the clinician in words, as the readable export shows it."""

import pytest

from cove.clinic.tests.conftest import link_with, make_clinician
from cove.journal import services as journal
from cove.vault import areas

pytestmark = pytest.mark.django_db


def _shared_journal(survivor, kind, answers):
    entry = journal.write_entry(survivor.vault(), kind, answers, ["sleep"])
    survivor.post(f"/journal/{entry.pk}/share/", {"shareable": "1"})
    link_id = link_with(make_clinician(), survivor, [areas.JOURNAL_SHARED])
    page = survivor.client.get(f"/clinic/sharing/{link_id}/preview/").content.decode()
    return page.split('<h2 id="area-journal_shared">')[1].split("</section>")[0]


def test_a_shared_journal_entry_reads_as_words_not_stored_data(survivor):
    shown = _shared_journal(survivor, "free", {"body": "I slept better"})
    assert "<dt>Kind of entry</dt><dd>Free writing</dd>" in shown
    assert "<dt>What would you like to write?</dt><dd>I slept better</dd>" in shown
    assert "{" not in shown and "&#x27;body&#x27;" not in shown


def test_picked_answers_are_shown_by_their_words(survivor):
    shown = _shared_journal(survivor, "moment", {"context": ["partner", "night"]})
    assert "<dd>With a partner, At night or in bed</dd>" in shown


def test_a_shared_boundary_is_named_and_its_index_is_left_out(survivor):
    from cove.boundaries import services as boundaries

    boundaries.answer_item(survivor.vault(), "touch.hug_behind", "maybe", "I can see you first")
    link_id = link_with(make_clinician(), survivor, [areas.BOUNDARIES])
    page = survivor.client.get(f"/clinic/sharing/{link_id}/preview/").content.decode()
    shown = page.split('<h2 id="area-boundaries">')[1].split("</section>")[0]
    assert "<dt>About</dt><dd>Hugs from behind</dd>" in shown
    assert "I can see you first" in shown
    assert "Boundary index" not in shown
