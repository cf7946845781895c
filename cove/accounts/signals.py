"""What other apps hear from the credential flows, without accounts importing them."""

from __future__ import annotations

from typing import Any

from django.dispatch import Signal

from cove.accounts.models import User

# Sent inside the transaction of a passphrase change or an emergency reset, with `user`.
# Secrets tied to the old credentials are replaced by receivers (the calendar address);
# a receiver may return a dict of new values to show the person once.
credentials_replaced = Signal()


def announce_credentials_replaced(user: User) -> dict[str, Any]:
    shown: dict[str, Any] = {}
    for _receiver, answer in credentials_replaced.send(sender=User, user=user):
        if isinstance(answer, dict):
            shown.update(answer)
    return shown
