"""Test helpers: linking two people and writing the owner's sources (services, for setup;
the behaviour under test goes through HTTP)."""

from __future__ import annotations

import re

from cove.conftest import Person
from cove.partners import services
from cove.partners.models import Link

PLAN = {
    "stop_word": "Orange",
    "signal": "Two taps on the arm",
    "after_pause": "Sit with me quietly\nBring water",
    "aftercare": "A warm blanket\nKind words",
    "warning_signs": "I go quiet",
    "people_to_ask": "Mum 0170 555 0101\nAlex 0170 555 0199",
}


def link(a: Person, b: Person) -> Link:
    """`a` invites, `b` redeems, both confirm: an active link."""
    code = services.create_invitation(a.user).code
    pending = services.redeem_invitation(b.user, code)
    services.confirm_link(a.user, pending.pk)
    return services.confirm_link(b.user, pending.pk)


def write_plan(person: Person, **changes: str) -> None:
    response = person.post("/plan/edit/", {**PLAN, **changes})
    assert response.status_code == 302, response.content[:500]


def share(owner: Person, with_link: Link, *parts: str, **options: object) -> None:
    data: dict[str, object] = {"parts": list(parts), **options}
    response = owner.post(f"/partners/links/{with_link.pk}/share/", data)
    assert response.status_code == 302, response.content.decode()[:3000]


def shown(reader: Person, with_link: Link) -> str:
    """The part of the reader's "what they show you" page that holds shared content."""
    response = reader.client.get(f"/partners/links/{with_link.pk}/shared-with-me/")
    assert response.status_code == 200
    return _snapshots(response.content.decode())


def previewed(owner: Person, with_link: Link) -> str:
    response = owner.client.get(f"/partners/links/{with_link.pk}/preview/")
    assert response.status_code == 200
    return _snapshots(response.content.decode())


def _snapshots(html: str) -> str:
    return "".join(re.findall(r'<section class="card shared-part".*?</section>', html, re.S))
