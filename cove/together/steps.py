"""The person's own ladder steps, to choose one to practise together (read only).

The ladder app has no public reader for steps yet (cove/ladder/public.py offers only past
practices), so this one small module reads its models directly; it never writes them.
Only the signed-in person's own steps are read, with their own vault.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cove.vault.records import get_owned_or_404

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

STEP_LIMIT = 100


@dataclass(frozen=True)
class StepChoice:
    id: str
    title: str
    ladder_title: str
    minutes: int | None
    with_partner: bool


def own_steps(vault: Vault) -> list[StepChoice]:
    """Up to STEP_LIMIT of the person's steps; steps meant for a partner come first."""
    from cove.ladder.models import ComfortStep, Ladder

    ladders = {lad.pk: lad for lad in Ladder.objects.owned_by(vault).order_by("created_at")[:50]}
    rows = ComfortStep.objects.owned_by(vault).filter(ladder_id__in=list(ladders)).order_by(
        "ladder__created_at", "position")[:STEP_LIMIT]
    found = [StepChoice(id=str(s.pk), title=s.title, ladder_title=ladders[s.ladder_id].title,
                        minutes=s.minutes, with_partner=s.with_whom == "partner") for s in rows]
    return sorted(found, key=lambda s: not s.with_partner)


def own_step(vault: Vault, step_id: object) -> StepChoice:
    """One of the person's own steps; anyone else's is the same 404 as a missing one."""
    from cove.ladder.models import ComfortStep

    step = get_owned_or_404(ComfortStep, vault, step_id)
    return StepChoice(id=str(step.pk), title=step.title, ladder_title="",
                      minutes=step.minutes, with_partner=step.with_whom == "partner")
