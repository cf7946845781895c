"""What other apps may read from the safety plan (the ladder's practice screens use it).

Owned by the safety app: these signatures are a contract; the bodies read the newest
saved version of the person's own plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


@dataclass(frozen=True)
class PausePlan:
    stop_word: str
    signal: str
    after_pause: str


def get_pause_plan(vault: Vault) -> PausePlan | None:
    """The person's pause plan, or None if they have not written one."""
    from cove.safety import services

    parts = services.plan_parts(services.current_plan(vault))
    plan = PausePlan(
        stop_word=parts["stop_word"], signal=parts["signal"], after_pause=parts["after_pause"]
    )
    if not (plan.stop_word or plan.signal or plan.after_pause):
        return None
    return plan


def get_aftercare_wishes(vault: Vault) -> list[str]:
    """The aftercare the person wants, one item per entry (may be empty)."""
    from cove.safety import services
    from cove.safety.parts import lines

    return lines(services.plan_parts(services.current_plan(vault))["aftercare"])
