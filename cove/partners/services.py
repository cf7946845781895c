"""Partner actions: the one place this app writes (views and the API call these).

Linking lives in links.py, sharing by part in sharing.py; this module names the actions
and holds the Safety Check, which uses both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction

from cove.accounts import services as accounts
from cove.accounts.signals import announce_credentials_replaced
from cove.audit import services as audit
from cove.partners.links import (
    cancel_invitation,
    confirm_link,
    create_invitation,
    end_all_links,
    open_invitations,
    pending_links,
    redeem_invitation,
    redeem_reserved_try,
    reserve_redeem_try,
    unlink,
)
from cove.partners.sharing import (
    parts_shared_with,
    preview_for,
    publish_all,
    read_from,
    save_options,
    set_parts_for,
    stop_every_grant,
)

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

__all__ = [
    "SafetyCheckReceipt", "cancel_invitation", "confirm_link", "create_invitation",
    "end_all_links", "open_invitations", "parts_shared_with", "pending_links", "preview_for",
    "publish_all", "read_from", "redeem_invitation", "redeem_reserved_try",
    "reserve_redeem_try", "run_safety_check", "save_options",
    "set_parts_for", "unlink",
]


@dataclass(frozen=True)
class SafetyCheckReceipt:
    """What the Safety Check changed, for the page that follows (counts only)."""

    links_ended: int
    partner_shares_stopped: int
    other_shares_stopped: int
    people: int
    sessions_ended: int
    calendar_replaced: bool
    # The new calendar address's token, shown once (None if there was no calendar).
    calendar_token: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "links_ended": self.links_ended,
            "partner_shares_stopped": self.partner_shares_stopped,
            "other_shares_stopped": self.other_shares_stopped,
            "people": self.people,
            "sessions_ended": self.sessions_ended,
            "calendar_replaced": self.calendar_replaced,
        }


def run_safety_check(vault: Vault, current_session_key: str | None) -> SafetyCheckReceipt:
    """One action: every share the person gave stops (partners and clinicians) and its keys
    rotate, every partner link ends (the others are not told), every other session ends,
    and the calendar address is replaced."""
    user = vault.user
    with transaction.atomic():
        stopped = stop_every_grant(vault)
        links = end_all_links(vault)
        sessions = accounts.end_other_sessions(user, current_session_key)
        shown = announce_credentials_replaced(user)
        receipt = SafetyCheckReceipt(
            links_ended=links,
            partner_shares_stopped=stopped["partner_shares"],
            other_shares_stopped=stopped["other_shares"],
            people=stopped["people"],
            sessions_ended=sessions,
            calendar_replaced="calendar_token" in shown,
            calendar_token=shown.get("calendar_token"),
        )
        audit.record("security.safety_check", subject=user, actor=user,
                     detail=receipt.as_dict())
    return receipt
