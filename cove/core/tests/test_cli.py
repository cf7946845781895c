"""The cove command: demo accounts, and refusing unsafe ways to serve."""

import pytest

from cove.accounts.models import User
from cove.cli import main

pytestmark = pytest.mark.django_db(transaction=True)


def test_demo_creates_three_accounts_and_says_how_to_sign_in(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert {"demo-river", "demo-sol", "demo-ash"} <= set(User.objects.values_list("username", flat=True))
    assert "demo-river" in out and "passphrase" in out
    assert User.objects.get(username="demo-ash").is_clinician


def test_demo_can_run_twice(capsys):
    assert main(["demo"]) == 0
    assert main(["demo"]) == 0
    assert User.objects.filter(username="demo-river").count() == 1


def test_serving_on_a_network_address_without_tls_is_refused(capsys, monkeypatch):
    monkeypatch.delenv("COVE_ALLOW_PLAIN_HTTP", raising=False)
    assert main(["serve", "--host", "0.0.0.0", "--port", "8999"]) == 2
    assert "without TLS" in capsys.readouterr().err
