"""Measurement-based care: totals over time, item views, reliable and meaningful change."""

from datetime import date

import pytest

from cove.audit.models import AuditEvent
from cove.clinic import change
from cove.clinic.tests.conftest import answer_phq9

pytestmark = pytest.mark.django_db


def test_a_phq9_change_of_six_is_reliable_and_of_five_is_not():
    six, five = change.reading("phq9", 12, 6), change.reading("phq9", 12, 7)
    assert six is not None and six.reliable
    assert five is not None and not five.reliable and five.meaningful


def test_a_gad7_change_of_four_is_reliable_and_meaningful():
    reading = change.reading("gad7", 10, 14)
    assert reading is not None and reading.reliable and reading.meaningful


def test_a_pcl5_change_of_fifteen_is_reliable_and_of_fourteen_is_not():
    fifteen, fourteen = change.reading("pcl5", 60, 45), change.reading("pcl5", 60, 46)
    assert fifteen is not None and fifteen.reliable and fifteen.meaningful
    assert fourteen is not None and not fourteen.reliable and fourteen.meaningful


def test_a_pcl5_drop_of_ten_is_a_response_and_meaningful():
    reading = change.reading("pcl5", 40, 30)
    assert reading is not None and reading.response and reading.meaningful


def test_a_pcl5_drop_of_four_is_neither():
    reading = change.reading("pcl5", 40, 36)
    assert reading is not None and not reading.response and not reading.meaningful


def test_the_past_week_pcl5_uses_the_same_rule():
    assert change.rule_for("pcl5-week") == change.rule_for("pcl5")


def test_every_value_in_the_data_file_has_a_source_an_address_and_a_date():
    for name, kinds in change.sources()["instruments"].items():
        assert kinds, name
        for kind, value in kinds.items():
            assert kind in change.KINDS, (name, kind)
            assert isinstance(value["points"], int) and value["points"] > 0, (name, kind)
            assert value["source"].strip(), (name, kind)
            assert value["url"].startswith("https://"), (name, kind)
            assert date.fromisoformat(value["verified"]), (name, kind)


def test_nothing_in_the_data_file_is_left_to_confirm():
    assert "to confirm" not in change.DATA.read_text().casefold()


def test_the_clinician_sees_a_reliable_change(pair):
    answer_phq9(pair.client, [0, 0, 0, 0, 0, 0, 0, 0, 0])
    answer_phq9(pair.client, [3, 3, 3, 3, 3, 3, 3, 3, 0])
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "+24 · reliable · clinically meaningful" in page


def test_the_api_gives_item_answers(pair):
    answer_phq9(pair.client, [0, 1, 2, 3, 0, 1, 2, 3, 0])
    data = pair.clinician.api("get", f"/clinic/clients/{pair.link_id}/questionnaires").json()
    assert [item["values"][0] for item in data[0]["items"]] == [0, 1, 2, 3, 0, 1, 2, 3, 0]


def test_the_fhir_bundle_holds_the_clients_response(pair):
    answer_phq9(pair.client, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    bundle = pair.clinician.api("get", f"/clinic/clients/{pair.link_id}/fhir").json()
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert bundle["resourceType"] == "Bundle" and kinds.count("QuestionnaireResponse") == 1


def test_each_look_is_written_for_the_client(pair):
    answer_phq9(pair.client, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    before = AuditEvent.objects.filter(kind="shared.read", subject_id=pair.client.user.pk).count()
    pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/")
    after = AuditEvent.objects.filter(kind="shared.read", subject_id=pair.client.user.pk).count()
    assert after > before


def test_the_item_9_flag_shows_only_when_the_client_allowed_it(pair):
    answer_phq9(pair.client, [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert "Item 9 above 0" not in pair.clinician.client.get("/clinic/").content.decode()
    pair.client.post(f"/clinic/sharing/{pair.link_id}/", {
        "areas": ["measures"], "end": "none", "flags": ["phq9_item9"]})
    assert "Item 9 above 0" in pair.clinician.client.get("/clinic/").content.decode()


def test_the_caseload_never_says_last_seen(pair):
    page = pair.clinician.client.get("/clinic/").content.decode().lower()
    assert "last seen" not in page and "last change to something shared" in page


def test_the_next_session_date_shows_on_the_caseload(pair):
    pair.client.post(f"/clinic/sharing/{pair.link_id}/", {
        "areas": ["measures"], "end": "none", "next_session": "2099-01-02"})
    assert "2099-01-02" in pair.clinician.client.get("/clinic/").content.decode()


def test_the_fhir_bundle_has_a_loinc_score_observation(pair):
    answer_phq9(pair.client, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    bundle = pair.clinician.api("get", f"/clinic/clients/{pair.link_id}/fhir").json()
    observations = [e["resource"] for e in bundle["entry"]
                    if e["resource"]["resourceType"] == "Observation"]
    assert [(o["code"]["coding"][0]["system"], o["code"]["coding"][0]["code"], o["valueInteger"])
            for o in observations] == [("http://loinc.org", "44261-6", 9)]


def test_the_clinician_sees_practice_curves_for_shared_ladder_steps(pair):
    from cove.core.demo import populate_all

    populate_all(pair.client.vault(), "survivor")
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "Ladder practice" in page and "before, at the peak and after" in page


def test_the_clinician_sees_a_pcl5_change_and_the_sizes_it_is_read_by(pair):
    for value in (4, 0):
        response = pair.client.api("post", "/measures/pcl5/responses", {"answers": [value] * 20})
        assert response.status_code == 201, response.content
    page = pair.clinician.client.get(f"/clinic/clients/{pair.link_id}/").content.decode()
    assert "-80 · reliable · clinically meaningful" in page
    assert "A change of 15 points or more is reliable." in page


def test_the_api_gives_each_sourced_size_and_none_for_the_unsourced(pair):
    answer_phq9(pair.client, [1] * 9)
    data = pair.clinician.api("get", f"/clinic/clients/{pair.link_id}/questionnaires").json()
    assert (data[0]["reliable_size"], data[0]["meaningful_size"]) == (6, 5)
