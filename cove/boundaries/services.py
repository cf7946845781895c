"""Actions and reads for boundaries. Views and the API call these, never the models directly.

Sealed values cannot be filtered in SQL, so reads order by plain columns, load what the page
needs and open only the fields they use: opening is per field and lazy (cove.vault.fields),
so scanning 500 items for their category opens 500 small values and nothing else.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.boundaries import catalogue
from cove.boundaries.models import (
    BoundaryChange,
    BoundaryIndex,
    BoundaryItem,
    ComfortGesture,
    PhraseChoice,
    ReviewSettings,
    Situation,
    SituationChange,
    Wish,
)
from cove.vault.keyring import Vault
from cove.vault.records import SealedRecord

TITLE_MAX = 200
CONDITION_MAX = 500
NOTES_MAX = 2000
PHRASE_MAX = 300
HISTORY_PAGE_SIZE = 25
SECTION_PAGE_SIZE = 20


R = TypeVar("R", bound=SealedRecord)


def _new(model: type[R], vault: Vault | None, **values: Any) -> R:
    """A new record bound to `vault` (typed helper: the model plugin cannot see `vault=`)."""
    return model(vault=vault, **values)


def _clean_text(name: str, value: Any, limit: int, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError({name: [_("Please use plain text here.")]})
    value = value.strip()
    if required and not value:
        raise ValidationError({name: [_("Please write a few words here.")]})
    if len(value) > limit:
        raise ValidationError(
            {name: [_("Please keep this to %(limit)s characters or fewer.") % {"limit": limit}]}
        )
    return value


def _clean_state(value: Any) -> str:
    value = value or ""
    if value not in (*catalogue.STATES, ""):
        raise ValidationError(
            {"state": [_("Please pick yes, maybe, not now, no or not sure yet.")]})
    return str(value)


def _clean_category(value: Any) -> str:
    if value not in catalogue.CATEGORY_BY_SLUG:
        raise ValidationError({"category": [_("Please pick one of the groups.")]})
    return str(value)


# ---------------------------------------------------------------------------- inventory


@functools.cache
def _items_prefix() -> str:
    return reverse("boundaries:answer_new").removesuffix("new/")


@dataclass
class Row:
    """One line of the inventory: a catalogue item (answered or not) or an own item."""

    key: str
    title: Any
    record: BoundaryItem | None = None

    @property
    def state(self) -> str:
        return self.record.state if self.record else ""

    @property
    def action_url(self) -> str:
        # Built from one reversed prefix rather than a reverse() per row: a section page
        # shows many rows and this is the hot path (see benchmarks/).
        if self.record is None:
            return f"{_items_prefix()}new/"
        return f"{_items_prefix()}{self.record.pk}/"

    @property
    def dom_id(self) -> str:
        # Stable across the first answer, so htmx can keep focus on the same control.
        if self.key or self.record is None:
            return f"b-i{catalogue.ITEM_NUMBER.get(self.key, 0)}"
        return f"b-{self.record.pk}"


def items(vault: Vault) -> Any:
    return BoundaryItem.objects.owned_by(vault).order_by("created_at")


def _index_row(vault: Vault) -> BoundaryIndex | None:
    return BoundaryIndex.objects.owned_by(vault).order_by("created_at").first()


def _rebuild_index(vault: Vault, row: BoundaryIndex | None) -> dict[str, list[str]]:
    scan = items(vault).only("id", "owner_id", "category", "key")
    entries = {str(r.pk): [r.category, r.key] for r in scan}
    row = row or _new(BoundaryIndex, vault)
    row.entries = entries
    row.save()
    return entries


def item_index(vault: Vault) -> dict[str, list[str]]:
    """{item id: [category, key]} for every item, from one sealed value.

    A count of rows checks that the index is whole; if not (items made in bulk, or an
    interrupted write), it is rebuilt from the items themselves.
    """
    row = _index_row(vault)
    count = BoundaryItem.objects.filter(owner_id=vault.user.pk).count()
    if row is None or len(row.entries) != count:
        return _rebuild_index(vault, row)
    return dict(row.entries)


def _index_put(record: BoundaryItem) -> None:
    vault = record._vault
    assert vault is not None
    row = _index_row(vault)
    if row is None:
        _rebuild_index(vault, None)
        return
    entries = dict(row.entries)
    entries[str(record.pk)] = [record.category, record.key]
    row.entries = entries
    row.save(update_fields=["entries", "updated_at"])


def _index_drop(vault: Vault, record_id: Any) -> None:
    row = _index_row(vault)
    if row is None:
        return
    entries = dict(row.entries)
    entries.pop(str(record_id), None)
    row.entries = entries
    row.save(update_fields=["entries", "updated_at"])


def items_in_categories(vault: Vault, slugs: Iterable[str]) -> list[BoundaryItem]:
    """The items of these categories, oldest first, loading only those rows."""
    wanted = set(slugs)
    ids = [pk for pk, (category, _key) in item_index(vault).items() if category in wanted]
    if not ids:
        return []
    return list(items(vault).filter(pk__in=ids))


def section_rows(vault: Vault, slug: str) -> list[Row]:
    """Catalogue items of one category with their answers, then the person's own items."""
    _clean_category(slug)
    by_key: dict[str, BoundaryItem] = {}
    own: list[Row] = []
    for record in items_in_categories(vault, [slug]):
        if record.key:
            by_key.setdefault(record.key, record)
        else:
            own.append(Row(key="", title=record.title, record=record))
    rows = [Row(key=i.key, title=i.title, record=by_key.get(i.key))
            for i in catalogue.items_in(slug)]
    return rows + own


def find_by_key(vault: Vault, key: str) -> BoundaryItem | None:
    item = catalogue.ITEM_BY_KEY.get(key)
    if item is None:
        return None
    for pk, (_category, item_key) in item_index(vault).items():
        if item_key == key:
            return items(vault).filter(pk=pk).first()
    return None


def _record_change(record: BoundaryItem, before: dict[str, Any] | None) -> BoundaryChange:
    subject = {"key": record.key} if record.key else {"title": record.title}
    change = _new(BoundaryChange, record._vault, item=record, subject=subject,
                            before=before, after=record.snapshot())
    change.save()
    return change


@transaction.atomic
def answer_item(vault: Vault, key: str, state: Any, condition: Any = "",
                ask_first: bool = False) -> BoundaryItem:
    """Set the answer for a catalogue item, making the record on first answer."""
    item = catalogue.ITEM_BY_KEY.get(key)
    if item is None:
        raise ValidationError({"key": [_("We could not find that item.")]})
    # Two quick first answers to the same item (a double tap) must not make two records:
    # hold the person's index row until this transaction ends.
    list(BoundaryIndex.objects.select_for_update().filter(owner_id=vault.user.pk)
         .values_list("id", flat=True))
    record = find_by_key(vault, key)
    if record is not None:
        return change_item(record, state, condition, ask_first)
    record = _new(BoundaryItem, vault, key=key, category=item.category, title="",
                          state=_clean_state(state),
                          condition=_clean_text("condition", condition, CONDITION_MAX),
                          ask_first=bool(ask_first))
    record.save()
    _index_put(record)
    _record_change(record, None)
    return record


@transaction.atomic
def change_item(record: BoundaryItem, state: Any, condition: Any = "",
                ask_first: bool = False) -> BoundaryItem:
    """Change an item's answer; keep a dated change only when something really changed."""
    before = record.snapshot()
    # Check everything before touching the record, so a refused change leaves it as it was.
    state = _clean_state(state)
    condition = _clean_text("condition", condition, CONDITION_MAX)
    record.state, record.condition, record.ask_first = state, condition, bool(ask_first)
    if record.snapshot() != before:
        record.save(update_fields=["state", "condition", "ask_first", "updated_at"])
        _record_change(record, before)
    return record


@transaction.atomic
def add_own_item(vault: Vault, title: Any, category: Any, state: Any = "",
                 condition: Any = "", ask_first: bool = False) -> BoundaryItem:
    record = _new(
        BoundaryItem, vault, key="",
        title=_clean_text("title", title, TITLE_MAX, required=True),
        category=_clean_category(category),
        state=_clean_state(state),
        condition=_clean_text("condition", condition, CONDITION_MAX),
        ask_first=bool(ask_first),
    )
    record.save()
    _index_put(record)
    _record_change(record, None)
    return record


def rename_own_item(record: BoundaryItem, title: Any, category: Any) -> BoundaryItem:
    if not record.is_custom:
        raise ValidationError({"title": [_("Items from Cove's list keep their name.")]})
    record.title = _clean_text("title", title, TITLE_MAX, required=True)
    record.category = _clean_category(category)
    with transaction.atomic():
        record.save(update_fields=["title", "category", "updated_at"])
        _index_put(record)
    return record


def delete_own_item(record: BoundaryItem) -> None:
    """Remove an own item and its history. Catalogue answers are cleared, not deleted."""
    if not record.is_custom:
        raise ValidationError({"item": [_("Items from Cove's list can be set to “Not sure yet”.")]})
    vault = record._vault
    assert vault is not None
    with transaction.atomic():
        record_id = record.pk
        record.delete()
        _index_drop(vault, record_id)


def history_page(vault: Vault, number: Any) -> Page:
    changes = BoundaryChange.objects.owned_by(vault).order_by("-created_at")
    return Paginator(changes, HISTORY_PAGE_SIZE).get_page(number)


def recent_changes(vault: Vault, count: int = 5) -> list[BoundaryChange]:
    return list(BoundaryChange.objects.owned_by(vault).order_by("-created_at")[:count])


@dataclass
class SummarySection:
    category: catalogue.Category
    by_state: dict[str, list[BoundaryItem]] = field(default_factory=dict)

    @property
    def groups(self) -> list[tuple[Any, list[BoundaryItem]]]:
        return [(catalogue.STATE_LABELS[s], self.by_state[s]) for s in catalogue.STATES
                if self.by_state.get(s)]


def summary(vault: Vault, slugs: Iterable[str]) -> list[SummarySection]:
    """Current answers (not "not sure yet") in the chosen categories, grouped by state."""
    wanted = [s for s in slugs if s in catalogue.CATEGORY_BY_SLUG]
    sections = {s: SummarySection(catalogue.CATEGORY_BY_SLUG[s]) for s in wanted}
    order = {i.key: n for n, i in enumerate(catalogue.ITEMS)}
    for record in items_in_categories(vault, wanted):
        section = sections.get(record.category)
        if section is None or not record.state:
            continue
        section.by_state.setdefault(record.state, []).append(record)
    for section in sections.values():
        for group in section.by_state.values():
            group.sort(key=lambda r: order.get(r.key, len(order)))
    return [sections[s] for s in wanted]


# ---------------------------------------------------------------------------- review


def review_settings(vault: Vault) -> ReviewSettings | None:
    return ReviewSettings.objects.owned_by(vault).order_by("created_at").first()


def set_review_cadence(vault: Vault, days: Any) -> ReviewSettings:
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = -1
    if days not in catalogue.REVIEW_DAYS:
        raise ValidationError({"cadence_days": [_("Please pick one of the choices.")]})
    settings = review_settings(vault) or _new(ReviewSettings, vault)
    settings.cadence_days = days
    if not settings.last_reviewed:
        settings.last_reviewed = timezone.localdate().isoformat()
    settings.quiet_until = ""
    settings.save()
    return settings


def offer_review(settings: ReviewSettings | None, today: dt.date | None = None) -> bool:
    """Whether to offer a look at boundaries today: only if the person asked for it."""
    if settings is None or not settings.cadence_days:
        return False
    today = today or timezone.localdate()
    if settings.quiet_until and today < dt.date.fromisoformat(settings.quiet_until):
        return False
    last = settings.last_reviewed or settings.created_at.date().isoformat()
    return today >= dt.date.fromisoformat(last) + dt.timedelta(days=int(settings.cadence_days))


def review_not_now(vault: Vault) -> None:
    settings = review_settings(vault)
    if settings is None or not settings.cadence_days:
        return
    until = timezone.localdate() + dt.timedelta(days=int(settings.cadence_days))
    settings.quiet_until = until.isoformat()
    settings.save(update_fields=["quiet_until", "updated_at"])


def mark_reviewed(vault: Vault) -> None:
    settings = review_settings(vault)
    if settings is None:
        return
    settings.last_reviewed = timezone.localdate().isoformat()
    settings.quiet_until = ""
    settings.save(update_fields=["last_reviewed", "quiet_until", "updated_at"])


def review_item(vault: Vault, position: int) -> BoundaryItem | None:
    """The item at `position` in the order they were first answered: one row, opened."""
    if position < 0:
        return None
    return items(vault)[position:position + 1].first()


# ---------------------------------------------------------------------------- comfort list


def comfort_list(vault: Vault) -> list[ComfortGesture]:
    # Bounded even if the API was raced past the limit.
    gestures = ComfortGesture.objects.owned_by(vault).order_by("created_at")
    return list(gestures[: catalogue.COMFORT_LIMIT * 2])


def add_comfort(vault: Vault, text: Any) -> ComfortGesture:
    text = _clean_text("text", text, TITLE_MAX, required=True)
    if ComfortGesture.objects.owned_by(vault).count() >= catalogue.COMFORT_LIMIT:
        raise ValidationError({"text": [
            _("Your list has %(limit)s already. It stays short on purpose, so it is easy to "
              "remember and share. You can change or remove one to make room.")
            % {"limit": catalogue.COMFORT_LIMIT}
        ]})
    gesture = _new(ComfortGesture, vault, text=text)
    gesture.save()
    return gesture


def change_comfort(gesture: ComfortGesture, text: Any) -> ComfortGesture:
    gesture.text = _clean_text("text", text, TITLE_MAX, required=True)
    gesture.save(update_fields=["text", "updated_at"])
    return gesture


# ---------------------------------------------------------------------------- situations


def _clean_zone(value: Any) -> str:
    if value not in catalogue.ZONES:
        raise ValidationError({"zone": [_("Please pick one of the three places on the map.")]})
    return str(value)


def situations(vault: Vault) -> list[Situation]:
    return list(Situation.objects.owned_by(vault).order_by("created_at"))


def situation_map(vault: Vault) -> list[tuple[str, Any, list[Situation]]]:
    grouped: dict[str, list[Situation]] = {z: [] for z in catalogue.ZONES}
    for situation in situations(vault):
        grouped.setdefault(situation.zone, []).append(situation)
    return [(z, catalogue.ZONE_LABELS[z], grouped[z]) for z in catalogue.ZONES]


@transaction.atomic
def add_situation(vault: Vault, title: Any, zone: Any, notes: Any = "") -> Situation:
    situation = _new(Situation, vault, title=_clean_text("title", title, TITLE_MAX, required=True),
                          zone=_clean_zone(zone), notes=_clean_text("notes", notes, NOTES_MAX))
    situation.save()
    _new(SituationChange, vault, situation=situation, title=situation.title,
                    before="", after=situation.zone).save()
    return situation


@transaction.atomic
def change_situation(situation: Situation, title: Any, zone: Any, notes: Any = "") -> Situation:
    before = situation.zone
    situation.title = _clean_text("title", title, TITLE_MAX, required=True)
    situation.zone = _clean_zone(zone)
    situation.notes = _clean_text("notes", notes, NOTES_MAX)
    situation.save()
    if situation.zone != before:
        _new(SituationChange, situation._vault, situation=situation, title=situation.title,
                        before=before, after=situation.zone).save()
    return situation


def situation_history(vault: Vault, number: Any) -> Page:
    changes = SituationChange.objects.owned_by(vault).order_by("-created_at")
    return Paginator(changes, HISTORY_PAGE_SIZE).get_page(number)


# ---------------------------------------------------------------------------- wishes


def _clean_answer(value: Any) -> str:
    value = value or ""
    if value not in (*catalogue.WISH_ANSWERS, ""):
        raise ValidationError({"answer": [_("Please pick yes, maybe, no or not sure yet.")]})
    return str(value)


def wishes(vault: Vault) -> list[Wish]:
    return list(Wish.objects.owned_by(vault).order_by("created_at"))


def wish_rows(vault: Vault) -> tuple[list[tuple[catalogue.Wish, Wish | None]], list[Wish]]:
    mine = wishes(vault)
    by_key = {w.key: w for w in mine if w.key}
    return ([(w, by_key.get(w.key)) for w in catalogue.WISHES], [w for w in mine if not w.key])


def answer_wish(vault: Vault, key: str, answer: Any) -> Wish:
    if key not in catalogue.WISH_BY_KEY:
        raise ValidationError({"key": [_("We could not find that wish.")]})
    answer = _clean_answer(answer)
    for wish in wishes(vault):
        if wish.key == key:
            return change_wish(wish, answer)
    wish = _new(Wish, vault, key=key, title="", answer=answer)
    wish.save()
    return wish


def change_wish(wish: Wish, answer: Any) -> Wish:
    wish.answer = _clean_answer(answer)
    wish.save(update_fields=["answer", "updated_at"])
    return wish


def add_own_wish(vault: Vault, title: Any, answer: Any = "") -> Wish:
    wish = _new(Wish, vault, key="", title=_clean_text("title", title, TITLE_MAX, required=True),
                answer=_clean_answer(answer))
    wish.save()
    return wish


def wish_answers(vault: Vault) -> dict[str, str]:
    """Catalogue wish answers by key: the input mutual_reveal expects for this person."""
    return {w.key: w.answer for w in wishes(vault) if w.key and w.answer}


# ---------------------------------------------------------------------------- phrases


def _clean_moment(value: Any) -> str:
    if value not in catalogue.MOMENT_BY_SLUG:
        raise ValidationError({"moment": [_("Please pick when you might say this.")]})
    return str(value)


def phrase_choices(vault: Vault) -> list[PhraseChoice]:
    return list(PhraseChoice.objects.owned_by(vault).order_by("created_at"))


@dataclass
class PhraseRow:
    text: Any
    moment: str
    key: str = ""
    choice: PhraseChoice | None = None

    @property
    def favourite(self) -> bool:
        return bool(self.choice and self.choice.favourite)

    @property
    def own(self) -> bool:
        return not self.key


def phrase_library(vault: Vault) -> list[tuple[catalogue.Moment, list[PhraseRow]]]:
    choices = phrase_choices(vault)
    by_key = {c.key: c for c in choices if c.key}
    rows: dict[str, list[PhraseRow]] = {m.slug: [] for m in catalogue.MOMENTS}
    for phrase in catalogue.PHRASES:
        rows[phrase.moment].append(PhraseRow(phrase.text, phrase.moment, phrase.key,
                                             by_key.get(phrase.key)))
    for choice in choices:
        if not choice.key and choice.moment in rows:
            rows[choice.moment].append(PhraseRow(choice.text, choice.moment, "", choice))
    return [(m, rows[m.slug]) for m in catalogue.MOMENTS]


def set_favourite(vault: Vault, key: str, favourite: bool) -> PhraseChoice:
    phrase = catalogue.PHRASE_BY_KEY.get(key)
    if phrase is None:
        raise ValidationError({"key": [_("We could not find that phrase.")]})
    for choice in phrase_choices(vault):
        if choice.key == key:
            choice.favourite = bool(favourite)
            choice.save(update_fields=["favourite", "updated_at"])
            return choice
    choice = _new(PhraseChoice, vault, key=key, text="", moment=phrase.moment,
                          favourite=bool(favourite))
    choice.save()
    return choice


def set_own_favourite(choice: PhraseChoice, favourite: bool) -> PhraseChoice:
    choice.favourite = bool(favourite)
    choice.save(update_fields=["favourite", "updated_at"])
    return choice


def add_own_phrase(vault: Vault, text: Any, moment: Any, favourite: bool = True) -> PhraseChoice:
    choice = _new(PhraseChoice, vault, key="", text=_clean_text("text", text, PHRASE_MAX, True),
                          moment=_clean_moment(moment), favourite=bool(favourite))
    choice.save()
    return choice


def rehearsal_set(vault: Vault, which: str) -> list[Any]:
    """Phrases to rehearse: "favourites", a moment slug, or "all"."""
    library = phrase_library(vault)
    if which == "favourites":
        return [r.text for _m, rows in library for r in rows if r.favourite]
    if which in catalogue.MOMENT_BY_SLUG:
        return [r.text for m, rows in library if m.slug == which for r in rows]
    return [r.text for _m, rows in library for r in rows]
