"""What a clinician sees of one client, built once for both the clinician and the client's
preview: the preview renders the very same view with the client's own vault.

Every read by the clinician goes through `cove.vault.sharing.shared_areas`, which checks
the live grants and writes the one `shared.read` audit event the client's receipts show: a
page calls `read()` once with every area it shows, so one page view is one receipt.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.db.models import Max
from django.utils.translation import gettext as _

from cove.clinic import change
from cove.clinic.choices import Flag
from cove.clinic.models import ClinicLink
from cove.clinic.services import live_areas
from cove.vault import areas
from cove.vault.models import Grant
from cove.vault.readable import Entry, record_entry
from cove.vault.records import SealedRecord, sealed_models
from cove.vault.sharing import own_newest_records, shared_areas

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

MEASURE_ORDER = ("phq9", "gad7", "pcl5", "pcl5-week")


@dataclass
class MeasureRow:
    when: datetime
    total: int
    band: str | None
    difference: int | None
    reliable: bool
    meaningful: bool
    response: bool


@dataclass
class MeasureView:
    instrument: str
    title: str
    max_total: int
    rows: list[MeasureRow]
    items: list[dict[str, Any]]
    since_first: change.ChangeReading | None
    reliable_size: int | None
    meaningful_size: int | None
    response_size: int | None
    chart: Any


@dataclass
class SharedItem:
    """One shared record in words (as the readable export shows it), and its sound, if any."""

    kind: str
    entry: Entry
    sound_url: str | None = None


@dataclass
class AreaItems:
    area: str
    label: str
    items: list[SharedItem] = field(default_factory=list)


class ClientView:
    """One client's shared parts, as the clinician sees them (or the client, previewing)."""

    def __init__(self, vault: Vault, link: ClinicLink) -> None:
        self.vault = vault
        self.link = link
        self.preview = vault.user.pk == link.owner_id
        self._cache: dict[str, list[SealedRecord]] = {}

    @cached_property
    def areas(self) -> list[str]:
        return live_areas(self.link.owner_id, self.link.clinician_id)

    def area_labels(self) -> list[str]:
        return [str(areas.LABELS[a]) for a in self.areas]

    def read(self, *wanted: str) -> None:
        """Open these areas now, all at once: one access receipt for all of them."""
        missing = [a for a in dict.fromkeys(wanted) if a not in self._cache]
        shared = [a for a in missing if a in self.areas]
        self._cache.update((area, []) for area in missing if area not in shared)
        if shared and self.preview:
            self._cache.update(own_newest_records(self.vault, shared))
        elif shared:
            self._cache.update(shared_areas(self.vault, self.link.owner, shared))

    def read_all(self) -> None:
        self.read(*self.areas)

    def records(self, area: str) -> list[SealedRecord]:
        self.read(area)
        return self._cache[area]

    # -- questionnaires ------------------------------------------------------------------

    def measures(self) -> list[MeasureView]:
        from cove.core import charts
        from cove.measures.public import answered_results, item_texts

        grouped: dict[str, list[Any]] = defaultdict(list)
        for answered in answered_results(list(self.records(areas.MEASURES))):
            grouped[answered.result.instrument].append(answered)
        views = []
        for instrument in sorted(grouped, key=lambda i: (*MEASURE_ORDER, i).index(i)):
            found = grouped[instrument]
            rows = []
            for index, answered in enumerate(found):
                result = answered.result
                reading = (change.reading(instrument, found[index - 1].result.total, result.total)
                           if index else None)
                rows.append(MeasureRow(
                    when=result.authored_at, total=result.total, band=result.band,
                    difference=reading.difference if reading else None,
                    reliable=bool(reading and reading.reliable),
                    meaningful=bool(reading and reading.meaningful),
                    response=bool(reading and reading.response)))
            texts = item_texts(instrument)
            items = [{"number": n + 1, "text": text,
                      "values": [a.answers[n] if n < len(a.answers) else None for a in found]}
                     for n, text in enumerate(texts)]
            first, last = found[0].result, found[-1].result
            rule = change.rule_for(instrument)
            chart = charts.line_chart(
                f"measure-{instrument}", str(last.title),
                _("Totals over time, from 0 to %(max)s.") % {"max": last.max_total},
                [r.when.strftime("%d %b") for r in rows],
                [charts.Series(str(last.title), [float(r.total) for r in rows])],
                y_max=float(last.max_total),
                y_step=last.max_total / 3 if last.max_total % 3 == 0 else last.max_total / 4)
            views.append(MeasureView(
                instrument=instrument, title=str(last.title), max_total=last.max_total,
                rows=rows, items=items,
                since_first=(change.reading(instrument, first.total, last.total)
                             if len(found) > 1 else None),
                reliable_size=rule.reliable if rule else None,
                meaningful_size=rule.meaningful if rule else None,
                response_size=rule.response if rule else None, chart=chart))
        return views

    def fhir_bundle(self) -> dict[str, object]:
        from cove.measures.public import fhir_bundle_of

        return fhir_bundle_of(list(self.records(areas.MEASURES)))

    # -- ladder --------------------------------------------------------------------------

    def practice_curves(self) -> list[Any]:
        from cove.ladder.public import practices_from
        from cove.progress.services import practice_trends

        facts = practices_from(list(self.records(areas.LADDER)))
        return practice_trends(self.vault, facts) if facts else []

    # -- everything else, shown as it is stored -------------------------------------------

    def other_areas(self) -> list[AreaItems]:
        """Each shared area but the questionnaires, newest first. The ladder's own records
        are drawn as practice curves; what is kept with a practice (a voice note) is shown
        here, first (right after the curves), under its own heading, when there is any."""
        from cove.ladder.public import is_ladder_record

        shown = []
        for area in sorted(self.areas, key=lambda a: a != areas.LADDER):
            if area == areas.MEASURES:
                continue
            records = self.records(area)
            label = str(areas.LABELS[area])
            if area == areas.LADDER:
                records = [r for r in records if not is_ladder_record(r)]
                if not records:
                    continue
                label = _("Notes kept with a practice")
            shown.append(AreaItems(area=area, label=label, items=self._items(records)))
        return shown

    def _items(self, records: list[SealedRecord]) -> list[SharedItem]:
        # The client previewing plays their own copy; the clinician plays it through the
        # share, so each play is in the client's access receipts.
        shared_by = None if self.preview else self.link.owner.username
        items = []
        for record in sorted(records, key=lambda r: r.created_at, reverse=True)[:50]:
            entry, sound_url = record_entry(record), record.sound_url(shared_by)
            if entry.rows or sound_url:  # a record of machinery alone has nothing to show
                items.append(SharedItem(str(type(record)._meta.verbose_name).capitalize(),
                                        entry, sound_url))
        return items

    # -- flags the client allowed ---------------------------------------------------------

    def flags(self) -> list[str]:
        allowed = set(self.link.flags or [])
        if not allowed or areas.MEASURES not in self.areas:
            return []
        from cove.measures.public import answered_results

        found = answered_results(list(self.records(areas.MEASURES)))
        raised = []
        phq = [a for a in found if a.result.instrument == "phq9"]
        if Flag.PHQ9_ITEM9 in allowed and phq and len(phq[-1].answers) >= 9 \
                and phq[-1].answers[8] > 0:
            raised.append(_("Item 9 above 0 on the last PHQ-9"))
        if Flag.RELIABLE_RISE in allowed:
            by: dict[str, list[Any]] = defaultdict(list)
            for a in found:
                by[a.result.instrument].append(a)
            for instrument, rows in sorted(by.items()):
                if len(rows) >= 2:
                    reading = change.reading(instrument, rows[-2].result.total,
                                             rows[-1].result.total)
                    if reading and reading.reliable and reading.difference > 0:
                        raised.append(_("A reliable rise on the last %(title)s") % {
                            "title": rows[-1].result.title})
        return raised


def last_changed(clinician_id: int, owner_ids: list[int]) -> dict[int, datetime | None]:
    """When each client last changed something they share with this clinician (never when
    they were last seen), for a whole caseload at once: one query per kind of record and
    shared area, however many clients. Reads plain timestamps only."""
    sharing: dict[str, list[int]] = defaultdict(list)
    for owner_id, area in (Grant.objects.live()
                           .filter(grantee_id=clinician_id, owner_id__in=owner_ids)
                           .values_list("owner_id", "area").distinct()):
        sharing[area].append(owner_id)
    newest: dict[int, datetime | None] = dict.fromkeys(owner_ids)
    for model in sealed_models():
        for area, owners in sorted(sharing.items()):
            narrowed = model.rows_in_area(area)
            if narrowed is None:
                continue
            rows = (model.objects.filter(narrowed, owner_id__in=owners).order_by()
                    .values("owner_id").annotate(changed=Max("updated_at")))
            for row in rows:
                known = newest[row["owner_id"]]
                if row["changed"] is not None and (known is None or row["changed"] > known):
                    newest[row["owner_id"]] = row["changed"]
    return newest
