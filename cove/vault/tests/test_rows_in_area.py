"""`SealedRecord.rows_in_area` narrows a reader's query, so it must keep every row that
`get_sharing_area()` puts in that area (a shared read or a key rotation would miss it)."""

import pytest

from cove.journal.models import JournalEntry
from cove.partners.models import SharedPart, SharePart
from cove.vault import areas
from cove.vault.records import SealedRecord, sealed_models
from cove.voice.models import VoiceNote

pytestmark = pytest.mark.django_db


def _defined_in(model: type, name: str) -> type:
    return next(klass for klass in model.__mro__ if name in vars(klass))


def test_each_model_says_how_to_find_its_rows_where_it_decides_their_area():
    per_row = [m for m in sealed_models() if _defined_in(m, "get_sharing_area") is not SealedRecord]
    assert {JournalEntry, VoiceNote, SharedPart} <= set(per_row)
    assert [m for m in sealed_models()
            if _defined_in(m, "get_sharing_area") is not _defined_in(m, "rows_in_area")] == []


def test_the_filter_keeps_exactly_the_rows_of_each_area(survivor):
    vault = survivor.vault()
    for shareable in (True, False):
        JournalEntry(vault=vault, kind="free", answers={}, tags=[],  # type: ignore[misc]
                     shareable=shareable).save()
    for area in (areas.JOURNAL, areas.JOURNAL_SHARED, areas.LADDER):
        VoiceNote(vault=vault, title="a note", transcript="", area=area).save()  # type: ignore[misc]
    for part in (SharePart.PAUSE, SharePart.LADDER):
        SharedPart(vault=vault, part=part, content={}).save()  # type: ignore[misc]
    for model in (JournalEntry, VoiceNote, SharedPart):
        rows = list(model.objects.owned_by(vault))
        for area in areas.ALL:
            narrowed = model.rows_in_area(area)
            kept = set() if narrowed is None else set(
                model.objects.owned_by(vault).filter(narrowed).values_list("pk", flat=True))
            assert kept == {r.pk for r in rows if r.get_sharing_area() == area}, (model, area)
