"""Actions and reads for questionnaire responses. Views and the API call only these."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.utils.translation import gettext as _

from cove.core.errors import InputError
from cove.measures import instruments, scoring
from cove.measures.instruments import Instrument
from cove.measures.models import MeasureResponse
from cove.vault.records import get_owned_or_404

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

# How far back to look for the previous response of the same questionnaire. The instrument
# is sealed, so finding it means opening rows newest first; this bounds the work.
PREVIOUS_SCAN_LIMIT = 500
PAGE_SIZE = 20


@dataclass(frozen=True)
class Recorded:
    response: MeasureResponse
    score: scoring.Score


def previous_total(vault: Vault, instrument: Instrument, before: MeasureResponse | None = None
                   ) -> int | None:
    """The total of this person's most recent earlier response to the same questionnaire."""
    rows = MeasureResponse.objects.owned_by(vault).order_by("-created_at", "-id")
    if before is not None:
        rows = rows.filter(created_at__lt=before.created_at)
    for row in rows[:PREVIOUS_SCAN_LIMIT]:
        if row.instrument_id == instrument.id:
            return int(row.stored_result.get("total", 0))
    return None


def clean_extras(instrument: Instrument, extras: Mapping[str, object] | None) -> dict[str, int]:
    """Unscored answers (PHQ-9 difficulty): optional, but checked when given."""
    cleaned: dict[str, int] = {}
    for key, value in (extras or {}).items():
        extra = instrument.extra_item(key)
        if extra is None:
            raise InputError(_("This questionnaire has no question called “%(key)s”.")
                             % {"key": key}, field=key)
        if value is None:
            continue
        allowed = [o.value for o in extra.options]
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            raise InputError(_("The answer to “%(key)s” must be a whole number from %(low)s "
                               "to %(high)s.") % {"key": key, "low": allowed[0],
                                                  "high": allowed[-1]}, field=key)
        cleaned[key] = value
    return cleaned


def record_response(vault: Vault, instrument: Instrument, answers: object,
                    extras: Mapping[str, object] | None = None) -> Recorded:
    """Score and store one completed questionnaire (raises InputError for bad answers)."""
    checked = scoring.check_answers(instrument, answers)
    cleaned_extras = clean_extras(instrument, extras)
    with transaction.atomic():
        score = scoring.score(instrument, checked, previous_total(vault, instrument))
        response = MeasureResponse(  # type: ignore[misc]
            vault=vault, instrument=instrument.id, answers=checked, extras=cleaned_extras,
            result=score.as_dict(),
        )
        response.save()
    return Recorded(response=response, score=score)


def get_response(vault: Vault, response_id: uuid.UUID | str) -> MeasureResponse:
    """One of the person's own responses; anyone else's gives the same 404 as a missing one."""
    return get_owned_or_404(MeasureResponse, vault, response_id)


def responses_page(vault: Vault, page_number: int | str | None = 1) -> Page:
    rows = MeasureResponse.objects.owned_by(vault).order_by("-created_at", "-id")
    return Paginator(rows, PAGE_SIZE).get_page(page_number)


def responses_for(vault: Vault, instrument_id: str | None = None, limit: int = 50,
                  offset: int = 0) -> list[MeasureResponse]:
    """Newest first. With an instrument, rows are opened and filtered in memory (sealed)."""
    rows = MeasureResponse.objects.owned_by(vault).order_by("-created_at", "-id")
    if instrument_id is None:
        return list(rows[offset:offset + limit])
    found = [r for r in rows[:PREVIOUS_SCAN_LIMIT] if r.instrument_id == instrument_id]
    return found[offset:offset + limit]


def instrument_of(response: MeasureResponse) -> Instrument | None:
    return instruments.get(response.instrument_id)


def score_of(response: MeasureResponse) -> scoring.Score:
    """The stored result as a Score (change and cut-point as they were when answered).

    Results stored before the cut-point and next-step fields existed get them now, from
    the stored total and today's cut-point, so no high total ever reads as reassurance.
    """
    data = response.stored_result
    change = data.pop("change", None)
    known = set(scoring.Score.__dataclass_fields__)
    data = {k: v for k, v in data.items() if k in known}
    instrument = instrument_of(response)
    if instrument is not None and "further_help_suggested" not in data:
        flags = scoring.thresholds(instrument, int(data.get("total", 0)))
        data.update(at_or_above_cutpoint=flags.at_or_above_cutpoint,
                    cutpoint=flags.cutpoint,
                    further_help_suggested=flags.further_help_suggested)
    return scoring.Score(**data, change=scoring.Change(**change) if change else None)
