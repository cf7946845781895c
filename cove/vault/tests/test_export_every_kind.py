"""Every export path works with every kind of record (issue 10 item 7).

One record of every sealed model is made (a new model fails here until it has a sample
below), then exported through every path: the API's JSON, the downloaded JSON file and the
readable page. Each answers 200 and carries every value that was stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import models

from cove.vault.fields import (
    SealedBooleanField,
    SealedField,
    SealedIntegerField,
    SealedJSONField,
    SealedTextField,
)
from cove.vault.keyring import Vault
from cove.vault.records import SealedRecord, sealed_models

pytestmark = pytest.mark.django_db


def _phq9(vault: Vault) -> SealedRecord:
    from cove.measures import instruments, services

    instrument = instruments.get("phq9")
    assert instrument is not None
    return services.record_response(vault, instrument, [1] * len(instrument.items)).response


# One entry per sealed model: field values that must be real for the model to make sense
# (everything else gets a generic, recognisable value), or a maker that uses the app's own
# service. A model missing here fails test_every_sealed_model_has_a_sample.
SAMPLES: dict[str, dict[str, Any] | Callable[[Vault], SealedRecord]] = {
    "safety.safetyplanversion": {},
    "safety.comfortbox": {},
    "safety.sessionprep": {},
    "grounding.feelingafterexercise": {},
    "boundaries.boundaryitem": {},
    "boundaries.boundarychange": {},
    "boundaries.boundaryindex": {},
    "boundaries.reviewsettings": {},
    "boundaries.comfortgesture": {},
    "boundaries.situation": {},
    "boundaries.situationchange": {},
    "boundaries.wish": {},
    "boundaries.phrasechoice": {},
    "ladder.ladder": {},
    "ladder.comfortstep": {},
    "ladder.distresswords": {},
    "ladder.practicesession": {},
    "journal.journalentry": {},
    "measures.measureresponse": _phq9,
    "progress.checkin": {},
    "progress.reminder": {"weekdays": "0246", "timezone": "Europe/Berlin"},
    "voice.voicenote": {"area": "journal", "practice": None},
    "clinic.cliniciannote": {},
    "partners.sharedpart": {"part": "boundaries"},
    "partners.sharingchoices": {},
    "core.draft": {},
    "vaultsample.samplenote": {},
    "vaultsample.samplestep": {},
}


def _generic(label: str, field: models.Field) -> Any:
    marker = f"{label}.{field.name}"
    if isinstance(field, SealedTextField):
        return f"text of {marker}"
    if isinstance(field, SealedIntegerField):
        return 7
    if isinstance(field, SealedBooleanField):
        return True
    if isinstance(field, SealedJSONField):
        return {"words": f"json of {marker}", "list": [1, 2]}
    if isinstance(field, models.BooleanField):
        return True
    if isinstance(field, models.IntegerField):
        return 3
    if isinstance(field, models.DateTimeField):
        return datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    if isinstance(field, models.DateField):
        return date(2026, 3, 4)
    if isinstance(field, models.TimeField):
        return time(19, 30)
    if isinstance(field, models.TextField):
        return f"plain text of {marker}"
    if isinstance(field, models.CharField):
        return "sample"[: field.max_length]
    raise AssertionError(f"no sample value for {marker} ({type(field).__name__}): add one")


_AUTOMATIC = {"id", "owner", "created_at", "updated_at", "version"}


def make_one_of_every_kind(vault: Vault) -> dict[str, SealedRecord]:
    made: dict[str, SealedRecord] = {}

    def make(model: type[SealedRecord]) -> SealedRecord:
        label = model._meta.label_lower
        if label in made:
            return made[label]
        sample = SAMPLES[label]
        if callable(sample):
            made[label] = sample(vault)
            return made[label]
        values: dict[str, Any] = {}
        for field in model._meta.concrete_fields:
            if field.name in _AUTOMATIC:
                continue
            if field.name in sample:
                values[field.name] = sample[field.name]
            elif isinstance(field, models.ForeignKey) and field.related_model is type(vault.user):
                values[field.name] = vault.user  # another person's link: themselves will do
            elif isinstance(field, models.ForeignKey):
                parent = field.related_model
                assert isinstance(parent, type) and issubclass(parent, SealedRecord), label
                values[field.name] = make(parent)
            else:
                values[field.name] = _generic(label, field)
        record = model(**values).bind(vault)
        record.owner = vault.user
        record.save()
        made[label] = record
        return record

    for model in sealed_models():
        if not _needs_a_link(model):
            make(model)
    return made


# Records sealed under a link key (both people of a partner or clinician link hold it) need
# a real link to exist; their apps' own tests export them through a link.
def _needs_a_link(model: type[SealedRecord]) -> bool:
    if model.seals_with_own_key():
        return True
    for field in model._meta.concrete_fields:
        parent = field.related_model if isinstance(field, models.ForeignKey) else None
        if parent is None or parent is get_user_model():
            continue
        if not (isinstance(parent, type) and issubclass(parent, SealedRecord)):
            return True  # a partner or clinician link itself
        if _needs_a_link(parent):
            return True
    return False


LINK_SEALED = {m._meta.label_lower for m in sealed_models() if _needs_a_link(m)}


def test_every_sealed_model_has_a_sample():
    assert {m._meta.label_lower for m in sealed_models()} - LINK_SEALED == set(SAMPLES)


def _expected(record: SealedRecord) -> dict[str, Any]:
    from cove.vault.export import json_value

    expected = {}
    for field in type(record)._meta.concrete_fields:
        if field.name in _AUTOMATIC:
            continue
        name = field.name if isinstance(field, SealedField) else field.attname
        expected[field.name] = json_value(getattr(record, name))
    return expected


def _confirmed(person):
    response = person.api("post", "/auth/reauth", {"passphrase": person.passphrase})
    assert response.status_code == 204, response.content
    return person


def _check_document(document: dict[str, Any], made: dict[str, SealedRecord]) -> None:
    for label, record in made.items():
        rows = document["records"][label]
        row = next(r for r in rows if r["id"] == str(record.pk))
        assert {k: row[k] for k in _expected(record)} == _expected(record), label


def test_the_api_export_holds_every_kind_of_record(survivor):
    made = make_one_of_every_kind(survivor.vault())
    response = _confirmed(survivor).api("get", "/export")
    assert response.status_code == 200
    _check_document(response.json(), made)


def test_the_downloaded_file_holds_every_kind_of_record(survivor):
    made = make_one_of_every_kind(survivor.vault())
    response = survivor.post("/vault/download/", {"passphrase": survivor.passphrase,
                                                  "format": "json"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    document = json.loads(response.content)
    _check_document(document, made)
    assert document["fhir_questionnaires"]["resourceType"] == "Bundle"


def test_the_readable_page_shows_every_kind_of_record(survivor):
    from cove.vault.readable import is_machinery

    made = make_one_of_every_kind(survivor.vault())
    response = survivor.post("/vault/download/", {"passphrase": survivor.passphrase,
                                                  "format": "html"})
    assert response.status_code == 200
    page = response.content.decode()
    # Coded values (a catalogue key, a state) are shown as words: "Text of …", not raw.
    words = page.lower()
    for label in made:
        if not callable(SAMPLES[label]):
            model = sealed_models_by_label()[label]
            for field in model.sealed_fields():
                if (field.name != "key" and is_machinery(field.name)) \
                        or field.name in model.machinery_fields:
                    continue  # machinery such as a note's file key is never shown
                if isinstance(field, SealedTextField):
                    assert f"text of {label}.{field.name}" in words, (label, field.name)
                if isinstance(field, SealedJSONField):
                    assert f"json of {label}.{field.name}" in page, (label, field.name)
    assert "19:30" in page


def sealed_models_by_label() -> dict[str, type[SealedRecord]]:
    return {m._meta.label_lower: m for m in sealed_models()}
