"""Consent phrases: Cove's library by moment, the person's favourites and own phrases, and
the set to rehearse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from cove.boundaries import catalogue
from cove.boundaries.cleaning import PHRASE_MAX, clean_moment, clean_text, new
from cove.boundaries.models import PhraseChoice
from cove.core.errors import InputError
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_for_update


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


@transaction.atomic
def set_favourite(vault: Vault, key: Any, favourite: bool) -> PhraseChoice:
    """Mark or unmark a phrase from Cove's library as a favourite."""
    phrase = catalogue.PHRASE_BY_KEY.get(key)
    if phrase is None:
        raise InputError({"key": [_("We could not find that phrase.")]})
    for found in phrase_choices(vault):
        if found.key == key:
            choice = get_owned_for_update(PhraseChoice, vault, found.pk)
            choice.favourite = bool(favourite)
            choice.save(update_fields=["favourite", "updated_at"])
            return choice
    choice = new(PhraseChoice, vault, key=key, text="", moment=phrase.moment,
                 favourite=bool(favourite))
    choice.save()
    return choice


@transaction.atomic
def set_own_favourite(vault: Vault, choice_id: Any, favourite: bool, *,
                      version: int | None = None) -> PhraseChoice:
    choice = get_owned_for_update(PhraseChoice, vault, choice_id, version=version,
                                  yours={"favourite": bool(favourite)})
    choice.favourite = bool(favourite)
    choice.save(update_fields=["favourite", "updated_at"])
    return choice


def add_own_phrase(vault: Vault, text: Any, moment: Any, favourite: bool = True) -> PhraseChoice:
    choice = new(PhraseChoice, vault, key="", text=clean_text("text", text, PHRASE_MAX, True),
                 moment=clean_moment(moment), favourite=bool(favourite))
    choice.save()
    return choice


@transaction.atomic
def remove_own_phrase(vault: Vault, choice_id: Any) -> None:
    """Remove one of the person's own phrases (Cove's are only un-favourited)."""
    choice = get_owned_for_update(PhraseChoice, vault, choice_id)
    if choice.key:
        raise Http404
    choice.delete()


def rehearsal_set(vault: Vault, which: str) -> list[Any]:
    """Phrases to rehearse: "favourites", a moment slug, or "all"."""
    library = phrase_library(vault)
    if which == "favourites":
        return [r.text for _m, rows in library for r in rows if r.favourite]
    if which in catalogue.MOMENT_BY_SLUG:
        return [r.text for m, rows in library if m.slug == which for r in rows]
    return [r.text for _m, rows in library for r in rows]
