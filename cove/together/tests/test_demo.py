"""`cove demo` gives demo-river and demo-sol one agreement and two overlapping wishes."""

from __future__ import annotations

import pytest

from cove.accounts.models import User
from cove.core.demo import create_demo
from cove.partners.public import link_between
from cove.together import agreements, wishes
from cove.vault.keyring import Vault
from cove.vault.services import unlock_with_passphrase

pytestmark = pytest.mark.django_db


def opened(username: str, passphrase: str) -> Vault:
    user = User.objects.find(username)
    assert user is not None
    unlocked = unlock_with_passphrase(user, passphrase)
    assert unlocked is not None
    return Vault(user, unlocked.data_key)


def test_the_demo_pair_shares_an_agreement_and_two_overlapping_wishes():
    accounts = {role: (name, secret) for role, name, secret in create_demo()}
    river = opened(*accounts["survivor"])
    sol = opened(*accounts["partner"])
    link = link_between(river.user, sol.user)
    assert link is not None
    terms = agreements.current_terms(sol, link)
    assert terms["stop_words"] == ["Amber"] and str(sol.user.pk) in terms["after_pause"]
    open_round = wishes.latest_round(river, link)
    assert open_round is not None
    assert wishes.overlap(river, link, open_round) == [
        ("wish.slow_evening", "both_yes"), ("wish.read_aloud", "both_curious")]
