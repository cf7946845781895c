from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from cove.core.look import chosen_look
from cove.core.navigation import nav_items


def cove(request: HttpRequest) -> dict[str, Any]:
    signed_in = request.user.is_authenticated
    return {
        "cove": {
            "name": settings.COVE_DISCREET_NAME,
            "quick_exit_url": settings.COVE_QUICK_EXIT_URL,
            "look": chosen_look(request),
            "nav": [item for item in nav_items() if signed_in or not item.signed_in_only],
        }
    }
