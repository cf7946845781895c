"""Per-address counting uses the real client address, trusting only configured proxies."""

import ipaddress

import pytest
from django.test import RequestFactory

from cove.accounts.addresses import client_address


@pytest.fixture
def behind_proxy(settings):
    settings.COVE_TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/8"),
                                     ipaddress.ip_network("::1/128")]


def address(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote, **extra))


def test_a_direct_client_is_its_own_address(behind_proxy):
    assert address("203.0.113.7") == "203.0.113.7"


def test_a_direct_client_cannot_choose_its_address_with_a_header(behind_proxy):
    assert address("203.0.113.7", "198.51.100.1") == "203.0.113.7"


def test_a_trusted_proxy_passes_on_the_clients_address(behind_proxy):
    assert address("10.0.0.2", "198.51.100.1") == "198.51.100.1"


def test_the_rightmost_untrusted_hop_is_the_client(behind_proxy):
    # The client wrote the first entry itself; only the part our proxies added counts.
    assert address("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.9") == "198.51.100.1"


def test_an_ipv6_proxy_in_a_cidr_is_trusted(behind_proxy):
    assert address("::1", "2001:db8::5") == "2001:db8::5"


def test_garbage_in_the_header_falls_back_to_the_proxy(behind_proxy):
    assert address("10.0.0.2", "not an address") == "10.0.0.2"


def test_addresses_with_ports_are_read(behind_proxy):
    assert address("10.0.0.2", "[2001:db8::7]:443") == "2001:db8::7"


def test_two_people_behind_one_proxy_are_counted_apart(survivor, settings, behind_proxy, client):
    from django.test import Client

    from cove.accounts import throttle

    for _ in range(throttle.FREE_ATTEMPTS + 1):
        Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1").post(
            "/account/login/", {"username": "nobody-here", "passphrase": "wrong wrong wrong"})
    other = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2")
    response = other.post("/account/login/", {"username": survivor.username,
                                              "passphrase": survivor.passphrase})
    assert response.status_code == 302
