"""What other apps may read from the questionnaires (the progress page uses it).

Owned by the measures app: these signatures are a contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


@dataclass(frozen=True)
class MeasureResult:
    instrument: str  # "phq9", "gad7", "pcl5", "pcl5-week"
    title: str
    authored_at: datetime
    total: int
    max_total: int
    band: str | None


def measure_history(vault: Vault, limit: int = 200) -> list[MeasureResult]:
    """Scored responses, oldest first, at most `limit` per instrument.

    The instrument of a response is sealed, so the newest `limit` x (number of
    instruments) rows are opened in one bounded query and grouped in memory.
    """
    from cove.measures import instruments
    from cove.measures.models import MeasureResponse

    known = instruments.registry()
    rows = (MeasureResponse.objects.owned_by(vault).order_by("-created_at", "-id")
            .only("id", "owner", "created_at", "instrument", "result"))
    kept: dict[str, list[MeasureResult]] = {}
    for row in rows[: max(limit, 0) * len(known)]:
        instrument = known.get(row.instrument_id)
        if instrument is None:
            continue
        bucket = kept.setdefault(instrument.id, [])
        if len(bucket) >= limit:
            continue
        result = row.stored_result
        bucket.append(MeasureResult(
            instrument=instrument.id,
            title=instrument.short_title,
            authored_at=row.created_at,
            total=int(result.get("total", 0)),
            max_total=int(result.get("max_total", instrument.max_total)),
            band=result.get("band"),
        ))
    merged = [r for bucket in kept.values() for r in bucket]
    return sorted(merged, key=lambda r: r.authored_at)


@dataclass(frozen=True)
class AnsweredResult:
    """A scored response with its item answers (for the clinician's item view)."""

    result: MeasureResult
    answers: tuple[int, ...]


def answered_results(records: list[object]) -> list[AnsweredResult]:
    """Scored responses among already-opened records (a person's own, or read through a
    grant with cove.vault.sharing), oldest first. Other record types are skipped."""
    from cove.measures import instruments
    from cove.measures.models import MeasureResponse

    known = instruments.registry()
    found = []
    for row in records:
        if not isinstance(row, MeasureResponse):
            continue
        instrument = known.get(row.instrument_id)
        if instrument is None:
            continue
        result = row.stored_result
        found.append(AnsweredResult(
            result=MeasureResult(
                instrument=instrument.id, title=instrument.short_title,
                authored_at=row.created_at, total=int(result.get("total", 0)),
                max_total=int(result.get("max_total", instrument.max_total)),
                band=result.get("band")),
            answers=tuple(int(v) for v in row.answer_list)))
    return sorted(found, key=lambda a: a.result.authored_at)


def item_texts(instrument_id: str) -> list[str]:
    from cove.measures import instruments

    instrument = instruments.get(instrument_id)
    return [item.text for item in instrument.items] if instrument is not None else []


def fhir_bundle_of(records: list[object]) -> dict[str, object]:
    """A FHIR R4 collection Bundle of the questionnaires, these opened responses, and one
    score Observation per response (the instrument's total code: LOINC where it has one),
    derived from its QuestionnaireResponse."""
    from cove.measures import fhir, instruments
    from cove.measures.models import MeasureResponse

    entries: list[dict[str, object]] = [
        {"fullUrl": fhir.canonical_url(i), "resource": fhir.questionnaire(i)}
        for i in instruments.all_instruments()
    ]
    for row in sorted((r for r in records if isinstance(r, MeasureResponse)),
                      key=lambda r: (r.created_at, str(r.pk))):
        resource = fhir.questionnaire_response(row)
        instrument = instruments.get(row.instrument_id)
        if resource is None or instrument is None:
            continue
        entries.append({"fullUrl": f"urn:uuid:{row.pk}", "resource": resource})
        total = int(row.stored_result.get("total", 0))
        entries.append({"fullUrl": f"urn:cove:observation:{row.pk}", "resource": {
            "resourceType": "Observation", "status": "final",
            "category": [{"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                "code": "survey"}]}],
            "code": {"coding": [dict(instrument.total_code)]},
            "effectiveDateTime": row.created_at.isoformat(),
            "valueInteger": total,
            "derivedFrom": [{"reference": f"urn:uuid:{row.pk}"}],
        }})
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}
