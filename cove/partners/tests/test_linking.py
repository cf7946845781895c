"""Linking two accounts through the pages: a code, both confirm, nothing shared yet."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from cove.partners.models import Invitation, Link, LinkState

pytestmark = pytest.mark.django_db


def make_code(person) -> str:
    response = person.post("/partners/invite/")
    assert response.status_code == 200
    match = re.search(r'class="invite-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})<', response.content.decode())
    assert match, "the code is shown once"
    return match.group(1)


def link_id(a, b) -> str:
    return str(Link.objects.get(inviter=a.user, invitee=b.user).pk)


def test_a_code_is_stored_only_as_a_digest(survivor):
    code = make_code(survivor)
    invitation = Invitation.objects.get(inviter=survivor.user)
    assert code not in invitation.code_digest
    assert code.replace("-", "") not in invitation.code_digest


def test_the_invitation_page_shows_an_inline_qr_code_and_a_link_without_the_code_in_the_query(survivor):
    response = survivor.post("/partners/invite/")
    html = response.content.decode()
    assert "<svg" in html
    assert "/partners/join/#" in html
    assert "/partners/join/?" not in html


def test_redeeming_makes_a_pending_link_that_shares_nothing(survivor, other_survivor):
    code = make_code(survivor)
    response = other_survivor.post("/partners/join/", {"code": code.lower()})
    assert response.status_code == 302
    link = Link.objects.get(inviter=survivor.user, invitee=other_survivor.user)
    assert link.state == LinkState.PENDING
    assert survivor.client.get("/partners/").content.decode().count(other_survivor.username) >= 1


def test_the_link_starts_only_when_both_confirm(survivor, other_survivor):
    other_survivor.post("/partners/join/", {"code": make_code(survivor)})
    pk = link_id(survivor, other_survivor)
    other_survivor.post(f"/partners/links/{pk}/confirm/")
    assert Link.objects.get(pk=pk).state == LinkState.PENDING
    survivor.post(f"/partners/links/{pk}/confirm/")
    assert Link.objects.get(pk=pk).state == LinkState.ACTIVE


def test_a_code_works_only_once(survivor, other_survivor, make_person):
    code = make_code(survivor)
    other_survivor.post("/partners/join/", {"code": code})
    third = make_person()
    response = third.post("/partners/join/", {"code": code})
    assert "That code did not work." in response.content.decode()
    assert not Link.objects.filter(invitee=third.user).exists()


def test_an_expired_code_does_not_work(survivor, other_survivor):
    code = make_code(survivor)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = other_survivor.post("/partners/join/", {"code": code})
    assert "That code did not work." in response.content.decode()


def test_a_wrong_code_and_a_used_code_get_the_same_answer(survivor, other_survivor, make_person):
    code = make_code(survivor)
    other_survivor.post("/partners/join/", {"code": code})
    third = make_person()
    used = third.post("/partners/join/", {"code": code})
    wrong = third.post("/partners/join/", {"code": "AAAA-BBBB"})
    assert used.status_code == wrong.status_code == 200
    strip = re.compile(r'value="[^"]*"|nonce="[^"]*"|"X-CSRFToken": "[^"]*"')

    def main(html: bytes) -> str:
        text = html.decode()
        return strip.sub("", text[text.index("<main"):text.index("</main>")])

    assert main(used.content) == main(wrong.content)


def test_your_own_code_does_not_link_you_to_yourself(survivor):
    response = survivor.post("/partners/join/", {"code": make_code(survivor)})
    assert "That code did not work." in response.content.decode()
    assert not Link.objects.exists()


def test_guessing_codes_is_slowed_down(survivor):
    answers = [survivor.post("/partners/join/", {"code": "AAAA-BBBB"}).status_code
               for _ in range(7)]
    # 5 free tries and a sixth that starts the doubling wait, as before the shared throttle.
    assert answers == [200] * 6 + [429]


def test_one_persons_guesses_never_slow_another(survivor, other_survivor):
    for _ in range(7):
        survivor.post("/partners/join/", {"code": "AAAA-BBBB"})
    response = other_survivor.post("/partners/join/", {"code": make_code(survivor)})
    assert response.status_code == 302


def test_several_partners_can_be_linked(survivor, other_survivor, make_person):
    third = make_person()
    for partner in (other_survivor, third):
        partner.post("/partners/join/", {"code": make_code(survivor)})
        pk = link_id(survivor, partner)
        survivor.post(f"/partners/links/{pk}/confirm/")
        partner.post(f"/partners/links/{pk}/confirm/")
    assert Link.objects.filter(state=LinkState.ACTIVE).count() == 2


def test_someone_else_cannot_confirm_a_link(survivor, other_survivor, make_person):
    other_survivor.post("/partners/join/", {"code": make_code(survivor)})
    pk = link_id(survivor, other_survivor)
    response = make_person().post(f"/partners/links/{pk}/confirm/")
    assert response.status_code == 404


def test_a_cancelled_code_stops_working(survivor, other_survivor):
    code = make_code(survivor)
    invitation = Invitation.objects.get(inviter=survivor.user)
    survivor.post(f"/partners/invite/{invitation.pk}/cancel/")
    response = other_survivor.post("/partners/join/", {"code": code})
    assert "That code did not work." in response.content.decode()


def test_only_the_five_newest_codes_keep_working(survivor, other_survivor):
    codes = [make_code(survivor) for _ in range(6)]
    assert Invitation.objects.filter(inviter=survivor.user).count() == 5
    response = other_survivor.post("/partners/join/", {"code": codes[0]})
    assert "That code did not work." in response.content.decode()
