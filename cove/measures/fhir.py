"""FHIR R4 views of the questionnaires and of a person's responses, as plain dicts.

Shapes follow the HL7 SDC PHQ-9 example and NLM LHC-Forms (LOINC 44249-1): item codes,
answerOption.valueCoding with the ordinalValue extension for weights, and a read-only
total. Tests validate every resource with fhir.resources (its R4B models).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cove.measures import instruments, services
from cove.measures.instruments import AnswerOption, Instrument
from cove.measures.models import MeasureResponse

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

# Canonical URLs under a reserved name (RFC 2606 ".invalid"): identifiers, not addresses.
CANONICAL_BASE = "https://fhir.cove.invalid/Questionnaire/"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
TOTAL_LINK_ID = "total"


def canonical_url(instrument: Instrument) -> str:
    return f"{CANONICAL_BASE}{instrument.id}"


def _coding(option: AnswerOption) -> dict[str, Any]:
    return {"system": option.system, "code": option.code, "display": option.text}


def _answer_option(option: AnswerOption) -> dict[str, Any]:
    return {
        "extension": [{"url": ORDINAL_VALUE, "valueDecimal": option.value}],
        "valueCoding": _coding(option),
    }


def questionnaire(instrument: Instrument) -> dict[str, Any]:
    items: list[dict[str, Any]] = [
        {
            "linkId": item.link_id,
            "prefix": str(item.number),
            "code": [{"system": item.system, "code": item.code}],
            "text": item.text,
            "type": "choice",
            "required": True,
            "answerOption": [_answer_option(instrument.option_for(o.value, item))
                             for o in instrument.options],
        }
        for item in instrument.items
    ]
    for extra in instrument.extra_items:
        items.append({
            "linkId": extra.link_id,
            "code": [{"system": extra.system, "code": extra.code}],
            "text": extra.text,
            "type": "choice",
            "required": False,
            "answerOption": [{"valueCoding": _coding(o)} for o in extra.options],
        })
    items.append({
        "linkId": TOTAL_LINK_ID,
        "code": [dict(instrument.total_code)],
        "text": "Total score",
        "type": "integer",
        "readOnly": True,
    })
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": instrument.id,
        "url": canonical_url(instrument),
        "version": instrument.version,
        "name": instrument.id.replace("-", "_").upper(),
        "title": instrument.title,
        "status": "active",
        "subjectType": ["Patient"],
        "code": [dict(instrument.panel)],
        "copyright": instrument.copyright,
        "item": items,
    }
    if instrument.instructions:
        resource["description"] = instrument.instructions
    return resource


def questionnaire_response(response: MeasureResponse) -> dict[str, Any] | None:
    instrument = services.instrument_of(response)
    if instrument is None:
        return None
    score = services.score_of(response)
    items: list[dict[str, Any]] = []
    for item, value in zip(instrument.items, response.answer_list, strict=True):
        option = instrument.option_for(int(value), item)
        items.append({
            "linkId": item.link_id,
            "text": item.text,
            "answer": [{"valueCoding": {
                **_coding(option),
                "extension": [{"url": ORDINAL_VALUE, "valueDecimal": option.value}],
            }}],
        })
    for extra in instrument.extra_items:
        chosen = response.extra_answers.get(extra.key)
        if chosen is None:
            continue
        option = next(o for o in extra.options if o.value == chosen)
        items.append({"linkId": extra.link_id, "text": extra.text,
                      "answer": [{"valueCoding": _coding(option)}]})
    items.append({"linkId": TOTAL_LINK_ID, "text": "Total score",
                  "answer": [{"valueInteger": score.total}]})
    return {
        "resourceType": "QuestionnaireResponse",
        "id": str(response.pk),
        "questionnaire": f"{canonical_url(instrument)}|{instrument.version}",
        "status": "completed",
        "authored": response.created_at.isoformat(),
        "item": items,
    }


def bundle(vault: Vault) -> dict[str, Any]:
    """Every questionnaire definition and every response of this person (a collection)."""
    entries: list[dict[str, Any]] = [
        {"fullUrl": canonical_url(i), "resource": questionnaire(i)}
        for i in instruments.all_instruments()
    ]
    rows = MeasureResponse.objects.owned_by(vault).order_by("created_at", "id")
    for row in rows.iterator(chunk_size=200):
        row.bind(vault)
        resource = questionnaire_response(row)
        if resource is not None:
            entries.append({"fullUrl": f"urn:uuid:{row.pk}", "resource": resource})
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}
