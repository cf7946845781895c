"""Demo: demo-river and demo-sol are linked, and river shows sol the pause plan and the
aftercare wished for (`cove demo`)."""

from __future__ import annotations

from cove.partners import services
from cove.partners.models import SharePart
from cove.vault.keyring import Vault


def populate(vault: Vault, role: str) -> None:
    """Nothing for one account alone: linking needs two (see populate_together)."""


def populate_together(vaults: dict[str, Vault]) -> None:
    river, sol = vaults.get("survivor"), vaults.get("partner")
    if river is None or sol is None:
        return
    code = services.create_invitation(river.user).code
    pending = services.redeem_invitation(sol.user, code)
    services.confirm_link(river.user, pending.pk)
    link = services.confirm_link(sol.user, pending.pk)
    services.set_parts_for(river, link, [SharePart.PAUSE.value, SharePart.AFTERCARE.value])
