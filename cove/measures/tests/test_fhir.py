"""FHIR R4 export, validated with fhir.resources (its R4B models: fhir.resources 8 ships
R5 at the top level and R4B as the closest R4 release; no pure-R4 package is installed)."""

from __future__ import annotations

import json
import re

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from cove.measures import fhir, instruments
from cove.vault.export import build_export

ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"


@pytest.mark.parametrize("instrument", instruments.all_instruments(), ids=lambda i: i.id)
def test_each_questionnaire_is_valid_r4_with_codes_and_weights(instrument):
    resource = fhir.questionnaire(instrument)
    Questionnaire.model_validate(resource)
    assert resource["status"] == "active"
    assert resource["url"].endswith(f"/Questionnaire/{instrument.id}")
    assert resource["version"]
    assert resource["title"]
    assert resource["copyright"]
    assert resource["code"][0]["code"] == instrument.panel["code"]
    scored = resource["item"][: len(instrument.items)]
    for item, source in zip(scored, instrument.items, strict=True):
        assert item["linkId"]
        assert item["type"] == "choice"
        assert item["text"] == source.text
        assert item["code"][0]["code"] == source.code
        weights = [o["extension"][0]["valueDecimal"] for o in item["answerOption"]]
        assert weights == [o.value for o in instrument.options]
        assert all(o["extension"][0]["url"] == ORDINAL for o in item["answerOption"])
    total = resource["item"][-1]
    assert total["readOnly"] is True
    assert total["type"] == "integer"
    assert total["code"][0]["code"] == instrument.total_code["code"]


def test_phq9_questionnaire_uses_loinc_codes():
    phq9 = instruments.get("phq9")
    assert phq9 is not None
    resource = fhir.questionnaire(phq9)
    assert resource["code"][0] == {"system": "http://loinc.org", "code": "44249-1",
                                   "display": "PHQ-9 quick depression assessment panel"}
    item9 = resource["item"][8]
    assert item9["code"][0]["code"] == "44260-8"
    assert [o["valueCoding"]["code"] for o in item9["answerOption"]] == [
        "LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]
    assert resource["item"][-1]["code"][0]["code"] == "44261-6"


def test_questionnaire_is_served_by_the_api(survivor):
    response = survivor.api("get", "/measures/gad7/questionnaire")
    assert response.status_code == 200
    Questionnaire.model_validate(response.json())


def test_a_response_is_a_valid_questionnaire_response(survivor):
    created = survivor.api("post", "/measures/phq9/responses",
                           {"answers": [0, 1, 2, 3, 0, 1, 2, 3, 1], "difficulty": 2}).json()
    response = survivor.api("get", f"/measures/responses/{created['id']}/fhir")
    assert response.status_code == 200
    resource = response.json()
    QuestionnaireResponse.model_validate(resource)
    assert resource["status"] == "completed"
    assert resource["questionnaire"].endswith("/Questionnaire/phq9|1.0.0")
    assert resource["authored"]
    by_link = {i["linkId"]: i for i in resource["item"]}
    assert by_link["phq9-9"]["answer"][0]["valueCoding"]["code"] == "LA6569-3"
    assert by_link["phq9-difficulty"]["answer"][0]["valueCoding"]["code"] == "LA6575-0"
    assert by_link["total"]["answer"] == [{"valueInteger": 13}]


def test_bundle_needs_the_passphrase_then_validates(survivor):
    survivor.api("post", "/measures/pcl5/responses", {"answers": [1] * 20})
    survivor.api("post", "/measures/gad7/responses", {"answers": [2] * 7})
    assert survivor.api("get", "/measures/fhir").status_code == 403
    reauth = survivor.api("post", "/auth/reauth", {"passphrase": survivor.passphrase})
    assert reauth.status_code == 204
    response = survivor.api("get", "/measures/fhir")
    assert response.status_code == 200
    bundle = response.json()
    Bundle.model_validate(bundle)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("Questionnaire") == 4
    assert kinds.count("QuestionnaireResponse") == 2
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "QuestionnaireResponse":
            QuestionnaireResponse.model_validate(entry["resource"])


def test_bundle_holds_only_my_responses(survivor, other_survivor):
    other_survivor.api("post", "/measures/gad7/responses", {"answers": [3] * 7})
    bundle = fhir.bundle(survivor.vault())
    assert [e for e in bundle["entry"]
            if e["resource"]["resourceType"] == "QuestionnaireResponse"] == []


def test_person_can_download_the_bundle_after_the_passphrase(survivor):
    page = survivor.client.get("/questionnaires/download/").content.decode()
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found is not None
    token = found.group(1)
    survivor.api("post", "/measures/phq9/responses", {"answers": [0] * 9})
    wrong = survivor.client.post("/questionnaires/download/", {
        "passphrase": "not it at all, not even close", "csrfmiddlewaretoken": token})
    assert wrong.status_code == 200
    assert "does not match" in wrong.content.decode()
    response = survivor.client.post("/questionnaires/download/", {
        "passphrase": survivor.passphrase, "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "questionnaire" not in response["Content-Disposition"].lower()
    Bundle.model_validate(json.loads(response.content))


def test_full_export_includes_the_fhir_bundle(survivor):
    survivor.api("post", "/measures/phq9/responses", {"answers": [1] * 9})
    document = build_export(survivor.vault())
    Bundle.model_validate(document["fhir_questionnaires"])
    assert len(document["records"]["measures.measureresponse"]) == 1


def test_gad7_item2_codes_its_middle_answer_as_loinc_does():
    resource = fhir.questionnaire(instruments.registry()["gad7"])
    item2 = next(i for i in resource["item"] if i["linkId"] == "gad7-2")
    codes = [o["valueCoding"]["code"] for o in item2["answerOption"]]
    assert codes == ["LA6568-5", "LA6569-3", "LA18938-3", "LA6571-9"]
    item3 = next(i for i in resource["item"] if i["linkId"] == "gad7-3")
    assert item3["answerOption"][2]["valueCoding"]["code"] == "LA6570-1"


def test_gad7_response_codes_item2_with_its_own_answer_code(survivor):
    body = survivor.api("POST", "/measures/gad7/responses",
                        {"answers": [2] * 7, "difficulty": 1}).json()
    resource = survivor.api("GET", f"/measures/responses/{body['id']}/fhir").json()
    QuestionnaireResponse.model_validate(resource)
    answers = {i["linkId"]: i["answer"][0] for i in resource["item"]}
    assert answers["gad7-2"]["valueCoding"]["code"] == "LA18938-3"
    assert answers["gad7-1"]["valueCoding"]["code"] == "LA6570-1"
    assert answers["gad7-difficulty"]["valueCoding"]["code"] == "LA6573-5"


def test_pcl5_questionnaire_carries_the_confirmed_loinc_panel_and_total():
    resource = fhir.questionnaire(instruments.registry()["pcl5"])
    assert resource["code"] == [{"system": "http://loinc.org", "code": "101697-1", "display":
                                 "Post traumatic stress disorder checklist - civilian version "
                                 "DSM-5 [PCL-5]"}]
    total = resource["item"][-1]["code"][0]
    assert (total["code"], total["display"]) == ("101698-9", "PTSD PCL-5 score [PCL-5]")
    assert resource["copyright"].endswith("In the public domain.")


def test_each_export_is_written_in_the_activity_log(survivor):
    from cove.audit.models import AuditEvent

    exports = AuditEvent.objects.filter(kind="security.export")
    survivor.api("post", "/auth/reauth", {"passphrase": survivor.passphrase})
    assert survivor.api("get", "/measures/fhir").status_code == 200
    assert exports.count() == 1
    response = survivor.post("/questionnaires/download/", {"passphrase": survivor.passphrase})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    assert exports.count() == 2
