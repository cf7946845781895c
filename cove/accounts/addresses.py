"""The real client address, also behind trusted reverse proxies.

A proxy in front of Cove makes every request arrive from the proxy's address. The client's
address is then the right-most entry of X-Forwarded-For that is not itself a trusted
proxy, and only when the request really came from one (COVE_TRUSTED_PROXIES, addresses or
CIDR networks). Anyone else's X-Forwarded-For is ignored: a client cannot choose which
address its guesses are counted against.

django-ipware was considered: it trusts proxies by address prefix strings, while operators
write their networks as CIDRs; the standard library's `ipaddress` checks those exactly, in
a dozen lines.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _parse(text: str) -> Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.9:51234"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: Address) -> bool:
    return any(address in network for network in settings.COVE_TRUSTED_PROXIES)


def client_address(request: HttpRequest) -> str:
    """The address the request came from, seen through trusted proxies only."""
    peer = _parse(str(request.META.get("REMOTE_ADDR") or ""))
    if peer is None:
        return "unknown"
    if not _trusted(peer):
        return str(peer)
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    hops = [part for part in forwarded.split(",") if part.strip()]
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            # Something unreadable: stop here rather than trust anything to its left.
            return str(peer)
        if not _trusted(address):
            return str(address)
        peer = address
    return str(peer)
