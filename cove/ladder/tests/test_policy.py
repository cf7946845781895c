"""Every ladder page and API operation declares exactly one access policy."""

from __future__ import annotations

from django.urls import URLPattern

from cove.api import operations
from cove.core.policy import Policy, policy_of
from cove.ladder import urls

# Pause never asks for a sign-in (it opens the pause screen in every state); both
# views load nothing that is not the person's own (see test_pause_anywhere.py).
OPEN_TO_EVERYONE = {"pause", "pause_practice"}


def test_every_ladder_view_is_for_the_signed_in_owner():
    for pattern in urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        expected = Policy.PUBLIC if pattern.name in OPEN_TO_EVERYONE else Policy.SIGNED_IN
        assert policy_of(pattern.callback) == expected, pattern.name


def test_every_ladder_api_operation_is_for_the_signed_in_owner():
    ours = [(m, p, v) for m, p, v in operations() if p.startswith("/ladder/")]
    assert len(ours) >= 20
    for method, path, view in ours:
        assert policy_of(view) == Policy.SIGNED_IN, (method, path)
