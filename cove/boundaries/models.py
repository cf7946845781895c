"""Boundaries, their history, comfort list, situations, wishes and consent phrases.

Only ids, owner, timestamps and foreign keys are plain. Even *which* catalogue item an
answer belongs to is sealed, because "this person answered about X" is itself private.

Sharing areas: boundaries, their history, the comfort list and the situations map use
areas.BOUNDARIES, so sharing them with a partner later is only a grant. Wishes stay in
areas.PRIVATE on purpose: granting a whole area would show a "no", and the rules for
wishes are that only matches are ever revealed (see matching.py). Review settings and
consent phrases are personal tools and stay private too.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext as _

from cove.boundaries import catalogue
from cove.vault import areas
from cove.vault.fields import SealedBooleanField, SealedJSONField, SealedTextField
from cove.vault.records import SealedRecord


class BoundaryItem(SealedRecord):
    """One answered catalogue item, or one of the person's own items."""

    sharing_area = areas.BOUNDARIES
    key: Any = SealedTextField()  # catalogue key, or "" for the person's own item
    title: Any = SealedTextField()  # only for the person's own items
    category: Any = SealedTextField()
    state: Any = SealedTextField()  # one of catalogue.STATES, or "" for not sure yet
    condition: Any = SealedTextField()  # "only if …"
    ask_first: Any = SealedBooleanField(plain_default=False)

    class Meta:
        ordering = ("created_at",)
        indexes = (models.Index(fields=("owner", "created_at"), name="bitem_owner_created"),)

    @property
    def is_custom(self) -> bool:
        return not self.key

    @property
    def label(self) -> Any:
        if self.key:
            item = catalogue.ITEM_BY_KEY.get(self.key)
            return item.title if item else self.key
        return self.title

    def snapshot(self) -> dict[str, Any]:
        return {"state": self.state, "condition": self.condition, "ask_first": self.ask_first}


class BoundaryChange(SealedRecord):
    """One change to an item, kept so the person can see how their choices moved."""

    sharing_area = areas.BOUNDARIES
    item = models.ForeignKey(BoundaryItem, on_delete=models.CASCADE, related_name="changes")
    subject: Any = SealedJSONField()  # {"key": …} or {"title": …}, as named at the time
    before: Any = SealedJSONField()  # snapshot dict, or None when first answered
    after: Any = SealedJSONField()

    class Meta:
        ordering = ("-created_at",)
        indexes = (models.Index(fields=("owner", "-created_at"), name="bchange_owner_created"),)

    def describe(self) -> str:
        """The change in plain words, as the person's own choice (never as progress)."""
        before, after = self.before or {}, self.after or {}
        labels = catalogue.STATE_LABELS
        parts = []
        if not self.before:
            parts.append(_("you chose %(to)s") % {"to": labels.get(after.get("state", ""), "")})
        elif before.get("state") != after.get("state"):
            parts.append(_("%(from)s → %(to)s") % {
                "from": labels.get(before.get("state", ""), ""),
                "to": labels.get(after.get("state", ""), "")})
        if self.before and before.get("condition") != after.get("condition"):
            parts.append(_("you changed “only if…”") if after.get("condition")
                         else _("you took away “only if…”"))
        elif not self.before and after.get("condition"):
            parts.append(_("with “only if…”"))
        if before.get("ask_first", False) != after.get("ask_first", False):
            parts.append(_("“ask me first” on") if after.get("ask_first")
                         else _("“ask me first” off"))
        return ", ".join(str(p) for p in parts)

    @property
    def label(self) -> Any:
        subject = self.subject or {}
        key = subject.get("key")
        if key:
            item = catalogue.ITEM_BY_KEY.get(key)
            return item.title if item else key
        return subject.get("title", "")


class BoundaryIndex(SealedRecord):
    """One per person: which group (and catalogue key) each item belongs to, sealed.

    Sealed fields cannot be filtered in SQL, so without this a group page would open the
    group of every item the person has. With it, a page opens one value and then loads
    only its own rows, so its cost grows with what it shows, not with the whole inventory.
    services.py keeps it in step and rebuilds it if the item count ever disagrees.
    """

    sharing_area = areas.BOUNDARIES
    entries: Any = SealedJSONField(plain_default={})  # {item id: [category, key]}
    # Bookkeeping for the pages, not something the person wrote.
    machinery_fields: ClassVar[frozenset[str]] = frozenset({"entries"})


class ReviewSettings(SealedRecord):
    """How often the person wants to be asked to look over their boundaries."""

    sharing_area = areas.PRIVATE
    cadence_days: Any = SealedJSONField(plain_default=0)  # 0: never ask
    last_reviewed: Any = SealedTextField()  # ISO date of the last look, or ""
    quiet_until: Any = SealedTextField()  # ISO date: "not now" was chosen until then


class ComfortGesture(SealedRecord):
    """A small non-sexual gesture that helps the person feel safe and cared for."""

    sharing_area = areas.BOUNDARIES
    text: Any = SealedTextField()

    class Meta:
        ordering = ("created_at",)


class Situation(SealedRecord):
    """A situation or reminder that matters, placed on the person's map."""

    sharing_area = areas.BOUNDARIES
    title: Any = SealedTextField()
    zone: Any = SealedTextField()
    notes: Any = SealedTextField()

    class Meta:
        ordering = ("created_at",)


class SituationChange(SealedRecord):
    sharing_area = areas.BOUNDARIES
    situation = models.ForeignKey(Situation, on_delete=models.CASCADE, related_name="changes")
    title: Any = SealedTextField()
    before: Any = SealedTextField()
    after: Any = SealedTextField()

    class Meta:
        ordering = ("-created_at",)
        indexes = (models.Index(fields=("owner", "-created_at"), name="schange_owner_created"),)


class Wish(SealedRecord):
    """A wish or curiosity: yes, maybe or no. Never shared as a whole (see module doc)."""

    sharing_area = areas.PRIVATE
    key: Any = SealedTextField()  # catalogue wish key, or "" for the person's own
    title: Any = SealedTextField()
    answer: Any = SealedTextField()

    class Meta:
        ordering = ("created_at",)

    @property
    def label(self) -> Any:
        if self.key:
            wish = catalogue.WISH_BY_KEY.get(self.key)
            return wish.title if wish else self.key
        return self.title


class PhraseChoice(SealedRecord):
    """A favourite catalogue phrase (key set) or the person's own phrase (text set)."""

    sharing_area = areas.PRIVATE
    key: Any = SealedTextField()
    text: Any = SealedTextField()
    moment: Any = SealedTextField()
    favourite: Any = SealedBooleanField(plain_default=False)

    class Meta:
        ordering = ("created_at",)

    @property
    def wording(self) -> Any:
        if self.key:
            phrase = catalogue.PHRASE_BY_KEY.get(self.key)
            return phrase.text if phrase else ""
        return self.text
