"""What a client shares is shown to the clinician in words, as the readable export shows it."""

import pytest

from cove.clinic.tests.conftest import link_with, make_clinician
from cove.journal import services as journal
from cove.vault import areas

pytestmark = pytest.mark.django_db


def test_a_shared_journal_entry_reads_as_words_not_stored_data(survivor):
    entry = journal.write_entry(survivor.vault(), "free", {"body": "I slept better"}, ["sleep"])
    survivor.post(f"/journal/{entry.pk}/share/", {"shareable": "1"})
    link_id = link_with(make_clinician(), survivor, [areas.JOURNAL_SHARED])
    page = survivor.client.get(f"/clinic/sharing/{link_id}/preview/").content.decode()
    shown = page.split('<h2 id="area-journal_shared">')[1].split("</section>")[0]
    assert "I slept better" in shown and "sleep" in shown
    assert "{" not in shown and "&#x27;body&#x27;" not in shown
    assert "<dd>free</dd>" not in shown


def test_a_shared_boundary_is_named_and_its_index_is_left_out(survivor):
    from cove.boundaries import services as boundaries

    boundaries.answer_item(survivor.vault(), "touch.hug_behind", "maybe", "I can see you first")
    link_id = link_with(make_clinician(), survivor, [areas.BOUNDARIES])
    page = survivor.client.get(f"/clinic/sharing/{link_id}/preview/").content.decode()
    shown = page.split('<h2 id="area-boundaries">')[1].split("</section>")[0]
    assert "<dt>About</dt><dd>Hugs from behind</dd>" in shown
    assert "I can see you first" in shown
    assert "Boundary index" not in shown
