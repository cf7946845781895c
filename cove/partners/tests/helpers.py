"""Linking two test people quickly (services; the linking flow itself is tested over HTTP)."""

from __future__ import annotations

from cove.conftest import Person
from cove.partners import services
from cove.partners.models import Link


def link(a: Person, b: Person) -> Link:
    """`a` invites, `b` redeems, both confirm: an active link."""
    code = services.create_invitation(a.user).code
    pending = services.redeem_invitation(b.user, code)
    services.confirm_link(a.user, pending.pk)
    return services.confirm_link(b.user, pending.pk)
