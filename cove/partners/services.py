"""Partner actions: the one place this app writes (views and the API call these)."""

from __future__ import annotations

from cove.partners.links import (
    cancel_invitation,
    confirm_link,
    create_invitation,
    end_all_links,
    open_invitations,
    pending_links,
    redeem_invitation,
    unlink,
)

__all__ = [
    "cancel_invitation", "confirm_link", "create_invitation", "end_all_links",
    "open_invitations", "pending_links", "redeem_invitation", "unlink",
]
