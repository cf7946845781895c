"""Wishes and curiosities: yes, maybe or no, private to the person (see matching.py)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from cove.boundaries import catalogue
from cove.boundaries.cleaning import TITLE_MAX, clean_answer, clean_text, new
from cove.boundaries.models import Wish
from cove.core.errors import InputError
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_for_update


def wishes(vault: Vault) -> list[Wish]:
    return list(Wish.objects.owned_by(vault).order_by("created_at"))


def wish_rows(vault: Vault) -> tuple[list[tuple[catalogue.Wish, Wish | None]], list[Wish]]:
    mine = wishes(vault)
    by_key = {w.key: w for w in mine if w.key}
    return ([(w, by_key.get(w.key)) for w in catalogue.WISHES], [w for w in mine if not w.key])


def _set_answer(wish: Wish, answer: Any) -> Wish:
    wish.answer = clean_answer(answer)
    wish.save(update_fields=["answer", "updated_at"])
    return wish


@transaction.atomic
def answer_wish(vault: Vault, key: Any, answer: Any) -> Wish:
    """Answer a wish from Cove's list, making the record on first answer."""
    if key not in catalogue.WISH_BY_KEY:
        raise InputError({"key": [_("We could not find that wish.")]})
    answer = clean_answer(answer)
    for wish in wishes(vault):
        if wish.key == key:
            return _set_answer(get_owned_for_update(Wish, vault, wish.pk), answer)
    wish = new(Wish, vault, key=key, title="", answer=answer)
    wish.save()
    return wish


@transaction.atomic
def change_wish(vault: Vault, wish_id: Any, answer: Any, *, version: int | None = None) -> Wish:
    wish = get_owned_for_update(Wish, vault, wish_id, version=version, yours={"answer": answer})
    return _set_answer(wish, answer)


def add_own_wish(vault: Vault, title: Any, answer: Any = "") -> Wish:
    wish = new(Wish, vault, key="", title=clean_text("title", title, TITLE_MAX, required=True),
               answer=clean_answer(answer))
    wish.save()
    return wish


@transaction.atomic
def remove_own_wish(vault: Vault, wish_id: Any) -> None:
    """Remove one of the person's own wishes (those from Cove's list are only answered)."""
    wish = get_owned_for_update(Wish, vault, wish_id)
    if wish.key:
        raise Http404
    wish.delete()


def wish_answers(vault: Vault) -> dict[str, str]:
    """Catalogue wish answers by key: the input mutual_reveal expects for this person."""
    return {w.key: w.answer for w in wishes(vault) if w.key and w.answer}
