"""Facts every client needs: the closed choices and their labels."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from cove.core import choices, policy

PREFIX = "/"
router = Router(tags=["choices"])




@router.get("/choices", response=dict[str, list[dict[str, Any]]], auth=None,
            summary="Every closed set of choices the API accepts, with labels to show")
@policy.public
def list_choices(request: HttpRequest) -> dict[str, list[dict[str, Any]]]:
    return choices.as_json()
