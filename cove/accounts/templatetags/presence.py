"""`{% presence_config %}`: what a signed-in page's script needs to know about its session."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest

from cove.accounts.presence_views import owner_token, state
from cove.core.policy import Policy, policy_of

register = template.Library()


@register.simple_tag(takes_context=True)
def presence_config(context: dict[str, Any]) -> dict[str, Any]:
    request: HttpRequest | None = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"state": "signed_out"}
    if request.headers.get("Sec-Fetch-Dest") == "empty":
        # Fetched by a script, not opened: the plan's copy kept on this device for use
        # offline (safety.js). It must stay readable later, so it gets no idle clock.
        return {"state": "copy"}
    match = request.resolver_match
    # Public pages (help, grounding) show nothing private: they are not blanked on a lock.
    public = match is None or policy_of(match.func) == Policy.PUBLIC
    return {**state(request), "owner": owner_token(request.user.pk), "public": public}
