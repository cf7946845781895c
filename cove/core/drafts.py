"""Drafts: the one way a long form keeps its answers between steps (docs/architecture.md).

A form in steps (cove.core.steps) keeps what the person wrote as a sealed `Draft` each
time they move on, go back or leave, and finds it again when they come back. A draft is
never the real record: only finishing writes that, through the owning app's service and
with the version the draft was based on. Drafts are PRIVATE records, so they are in the
export and go with the account like every other record.

This module is the drafts' service layer: the only code that writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from cove.core.models import Draft
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_for_update

# A person has at most one draft per form, and there are only a few forms in steps.
MAX_DRAFTS = 50


def find(vault: Vault, form: str) -> Draft | None:
    """The person's draft of `form`, or None. Opens only their few drafts."""
    for draft in Draft.objects.owned_by(vault).order_by("-updated_at")[:MAX_DRAFTS]:
        if draft.form == form:
            return draft
    return None


def answers(draft: Draft | None) -> dict[str, Any]:
    """A draft's answers, opened ({} without a draft)."""
    value = draft.answers if draft is not None else None
    return dict(value) if isinstance(value, dict) else {}


@transaction.atomic
def keep(vault: Vault, form: str, *, step: int, changes: Mapping[str, Any],
         based_on: int | None) -> Draft:
    """Keep `changes` (one step's answers) in the draft of `form`, and where to come back.

    The answers of other steps stay as they are. Two windows saving at once queue on the
    row lock; each adds its own step's answers."""
    found = find(vault, form)
    if found is None:
        draft = Draft(vault=vault, form=form, step=step,  # type: ignore[misc]
                      based_on=based_on, answers=dict(changes))
        draft.save()
        return draft
    draft = get_owned_for_update(Draft, vault, found.pk)
    draft.answers = {**answers(draft), **changes}
    draft.step = step
    draft.based_on = based_on
    draft.save(update_fields=["answers", "step", "based_on"])
    return draft


@transaction.atomic
def throw_away(vault: Vault, form: str) -> bool:
    """Delete the draft of `form` (finished, or thrown away). True if there was one."""
    found = find(vault, form)
    if found is None:
        return False
    get_owned_for_update(Draft, vault, found.pk).delete()
    return True
