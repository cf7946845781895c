"""Access receipts: every read of someone's shared parts, in plain words, for that person.

Built from the `shared.read` events written by `cove.audit.services.record_read`: one row
per look, naming every area read (detail keys `areas` {area: items}, `items`, `reader`;
older rows and single reads carry only `area`; a voice note played says `what`). A
reader is named by the name they chose to show (a clinician's profile name, from any app
whose AppConfig offers `display_names(ids)`), else by their username.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cove.audit.models import AuditEvent

if TYPE_CHECKING:
    from cove.accounts.models import User

KIND = "shared.read"
# A receipt's `what` when the read was one voice note played (cove.voice.services).
PLAYED_VOICE_NOTE = "voice_note"

def area_words(area: str) -> str:
    words = {
        "safety": _("safety plan"),
        "boundaries": _("boundaries"),
        "ladder": _("ladder progress"),
        "journal_shared": _("shared journal entries"),
        "measures": _("questionnaires"),
        "checkins": _("daily check-ins"),
        "partner_boundaries": _("boundaries shown to a partner"),
        "partner_pause": _("pause plan"),
        "partner_aftercare": _("aftercare wishes"),
        "partner_comfort": _("comfort list"),
        "partner_ladder": _("steps to practise together"),
        "partner_safety": _("safety plan parts shown to a partner"),
    }
    return str(words.get(area, _("shared things")))


def in_words(names: list[str]) -> str:
    """"a", "a and b", "a, b and c", in the reader's language."""
    if len(names) <= 1:
        return "".join(names)
    return _("%(some)s and %(last)s") % {"some": ", ".join(names[:-1]), "last": names[-1]}


@dataclass(frozen=True)
class Receipt:
    when: datetime
    reader_id: int | None
    reader: str
    areas: tuple[str, ...]
    items: int
    what: str = ""

    @property
    def area(self) -> str:
        return self.areas[0] if self.areas else ""

    @property
    def sentence(self) -> str:
        local = timezone.localtime(self.when)
        if self.what == PLAYED_VOICE_NOTE:
            return _("%(reader)s played one of your voice notes, %(when)s") % {
                "reader": self.reader, "when": formats.date_format(local, "D H:i")}
        return _("%(reader)s looked at your %(what)s, %(when)s") % {
            "reader": self.reader, "what": in_words([area_words(a) for a in self.areas]),
            "when": formats.date_format(local, "D H:i")}


def areas_of(detail: dict[str, Any]) -> tuple[str, ...]:
    named = detail.get("areas")
    if isinstance(named, dict) and named:
        return tuple(str(a) for a in named)
    return (str(detail.get("area", "")),)


def reads_of(user: User, reader_id: int | None = None, area: str | None = None
             ) -> QuerySet[AuditEvent]:
    """The reads of `user`'s shared parts, newest first (filter by reader and area)."""
    events = AuditEvent.objects.filter(subject_id=user.pk, kind=KIND).order_by("-id")
    if reader_id is not None:
        events = events.filter(actor_id=reader_id)
    if area:
        events = events.filter(Q(detail__areas__has_key=area) | Q(detail__area=area))
    return events


def display_names(ids: set[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for config in apps.get_app_configs():
        offer = getattr(config, "display_names", None)
        if callable(offer):
            names.update(offer(ids))
    return names


def as_receipts(events: list[AuditEvent]) -> list[Receipt]:
    names = display_names({e.actor_id for e in events if e.actor_id is not None})
    return [Receipt(when=e.created_at, reader_id=e.actor_id,
                    reader=names.get(e.actor_id or 0) or str(e.detail.get("reader", "")) or _("Someone"),
                    areas=areas_of(e.detail), items=int(e.detail.get("items", 0)),
                    what=str(e.detail.get("what", "")))
            for e in events]


def readers_of(user: User, limit: int = 50) -> list[tuple[int, str]]:
    """Everyone who has read something of `user`'s, for the filter (bounded)."""
    events = AuditEvent.objects.filter(subject_id=user.pk, kind=KIND, actor_id__isnull=False)
    ids = [int(i) for i in events.order_by().values_list("actor_id", flat=True).distinct()[:limit]
           if i is not None]
    names = display_names(set(ids))
    found = []
    for reader_id in ids:
        name = names.get(reader_id)
        if not name:
            detail = events.filter(actor_id=reader_id).order_by("-id").values_list(
                "detail", flat=True).first() or {}
            name = str(detail.get("reader", "")) or _("Someone")
        found.append((reader_id, name))
    return sorted(found, key=lambda pair: pair[1].casefold())


def export_rows(user: User) -> list[dict[str, Any]]:
    """The receipts for the person's export: when, who, which areas, how many items, and
    what, when one thing was read (a voice note played)."""
    rows = []
    for receipt in as_receipts(list(reads_of(user)[:10_000])):
        rows.append({"when": receipt.when.isoformat(), "reader": receipt.reader,
                     "areas": list(receipt.areas), "items": receipt.items,
                     "what": receipt.what})
    return rows
