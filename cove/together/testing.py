"""Test helpers: link two people the way the partners app does (code, redeem, confirm)."""

from __future__ import annotations

from typing import Any

from cove.partners import services as partners
from cove.partners.public import Link


def link_people(a: Any, b: Any) -> Link:
    """`a` makes a code, `b` redeems it, both confirm: an active link with its key."""
    made = partners.create_invitation(a.user)
    link = partners.redeem_invitation(b.user, made.code)
    partners.confirm_link(a.user, link.pk)
    return partners.confirm_link(b.user, link.pk)


def base(link: Link) -> str:
    return f"/partners/together/{link.pk}/"


def api_base(link: Link) -> str:
    return f"/together/{link.pk}/"


def make_step(person: Any, title: str = "Holding hands on the sofa") -> str:
    """A ladder with one step of `person`'s own, made through the ladder API; its id."""
    ladder = person.api("post", "/ladder/ladders", {"title": "Closeness"})
    assert ladder.status_code == 201, ladder.content
    step = person.api("post", f"/ladder/ladders/{ladder.json()['id']}/steps",
                      {"title": title, "with_whom": "partner", "minutes": 15})
    assert step.status_code == 201, step.content
    return str(step.json()["id"])
