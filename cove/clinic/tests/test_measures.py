"""Measurement-based care: totals over time, item views, reliable and meaningful change."""

import math

import pytest

from cove.audit.models import AuditEvent
from cove.clinic import change
from cove.clinic.tests.conftest import answer_phq9

pytestmark = pytest.mark.django_db


def test_reliable_change_uses_jacobson_truax():
    rule = change.rule_for("phq9")
    assert rule is not None
    assert rule.reliable_size == pytest.approx(1.96 * rule.sd * math.sqrt(2)
                                               * math.sqrt(1 - rule.reliability))


def test_a_pcl5_drop_of_ten_is_a_response_and_meaningful():
    reading = change.reading("pcl5", 40, 30)
    assert reading is not None and reading.response and reading.meaningful


def test_a_pcl5_drop_of_four_is_neither():
    reading = change.reading("pcl5", 40, 36)
    assert reading is not None and not reading.response and not reading.meaningful


def test_the_past_week_pcl5_uses_the_same_rule():
    assert change.rule_for("pcl5-week") == change.rule_for("pcl5")


def test_every_value_in_the_data_file_has_a_source_and_a_date():
    for name, values in change.sources()["instruments"].items():
        for key in ("sd", "reliability", "meaningful"):
            assert values[f"{key}_source"], (name, key)
            assert values[f"{key}_status"] in {"confirmed", "to confirm"}, (name, key)
        assert values["checked"], name


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
