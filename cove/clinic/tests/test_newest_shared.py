"""A reader of a shared area gets the newest records of each kind, in time order; a long
history shows its latest part, and one kind never crowds out another."""

import pytest

from cove.clinic.tests.conftest import answer_phq9, link_with, make_clinician
from cove.conftest import sign_up_person
from cove.journal import services as journal
from cove.ladder import services as ladder
from cove.vault import areas, sharing

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_kind(monkeypatch):
    monkeypatch.setattr(sharing, "READ_LIMIT", 3)


def _shared_entries(survivor, count):
    for number in range(1, count + 1):
        entry = journal.write_entry(survivor.vault(), "free", {"body": f"Night number {number}"}, [])
        survivor.post(f"/journal/{entry.pk}/share/", {"shareable": "1"})


def test_the_clinician_sees_the_newest_shared_entries(three_a_kind, survivor):
    clinician = make_clinician()
    link_id = link_with(clinician, survivor, [areas.JOURNAL_SHARED])
    _shared_entries(survivor, 5)
    page = clinician.client.get(f"/clinic/clients/{link_id}/").content.decode()
    assert [n for n in range(1, 6) if f"Night number {n}<" in page] == [3, 4, 5]
    assert page.index("Night number 5") < page.index("Night number 3")  # newest first


def test_the_preview_shows_what_the_clinician_sees(three_a_kind, survivor):
    link_id = link_with(make_clinician(), survivor, [areas.JOURNAL_SHARED])
    _shared_entries(survivor, 5)
    page = survivor.client.get(f"/clinic/sharing/{link_id}/preview/").content.decode()
    assert [n for n in range(1, 6) if f"Night number {n}<" in page] == [3, 4, 5]


def test_the_api_gives_the_newest_in_time_order(three_a_kind, survivor):
    clinician = make_clinician()
    link_with(clinician, survivor, [areas.MEASURES])
    for total in range(1, 6):
        answer_phq9(survivor, [1] * total + [0] * (9 - total))
    shared = clinician.api("get", f"/sharing/from/{survivor.username}/{areas.MEASURES}").json()
    assert [sum(record["answers"]) for record in shared] == [3, 4, 5]


def test_many_practices_do_not_crowd_out_the_step_they_belong_to(three_a_kind):
    client = sign_up_person("river")
    clinician = make_clinician()
    link_id = link_with(clinician, client, [areas.LADDER])
    vault = client.vault()
    step = ladder.add_step(vault, ladder.create_ladder(vault, "Closeness"),
                           title="Holding hands on the sofa", expected_distress=4)
    for peak in range(1, 6):
        session = ladder.start_practice(vault, step, ladder.YES)
        assert session is not None
        ladder.record_before(session, expected=4, now=3)
        ladder.finish_during(session)
        ladder.record_after(session, peak=peak, after=2)
    page = clinician.client.get(f"/clinic/clients/{link_id}/").content.decode()
    assert "<h3>Holding hands on the sofa</h3>" in page
    assert ("3 practices. Peak distress was 3 the first time and 5 the most recent time."
            in page)


def test_the_caseload_says_when_a_shared_journal_entry_last_changed(survivor):
    clinician = make_clinician()
    link_with(clinician, survivor, [areas.JOURNAL_SHARED])
    journal.write_entry(survivor.vault(), "free", {"body": "Not shared"}, [])
    assert clinician.api("get", "/clinic/clients").json()[0]["last_changed"] is None
    _shared_entries(survivor, 1)
    assert clinician.api("get", "/clinic/clients").json()[0]["last_changed"] is not None


def test_each_client_on_the_caseload_counts_only_what_they_share(survivor):
    clinician = make_clinician()
    link_with(clinician, survivor, [areas.JOURNAL_SHARED])
    other = sign_up_person("sol")
    link_with(clinician, other, [areas.MEASURES])
    _shared_entries(survivor, 1)
    _shared_entries(other, 1)  # marked shareable, but sol shares only questionnaires
    changed = {row["client"]: row["last_changed"]
               for row in clinician.api("get", "/clinic/clients").json()}
    assert changed[survivor.username] is not None and changed["sol"] is None
