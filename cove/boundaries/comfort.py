"""The comfort list: a few small gestures that help the person feel safe and cared for."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from cove.boundaries import catalogue
from cove.boundaries.cleaning import TITLE_MAX, clean_text, new
from cove.boundaries.models import ComfortGesture
from cove.core.errors import InputError
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_for_update


def comfort_list(vault: Vault) -> list[ComfortGesture]:
    # Bounded even if the API was raced past the limit.
    gestures = ComfortGesture.objects.owned_by(vault).order_by("created_at")
    return list(gestures[: catalogue.COMFORT_LIMIT * 2])


def add_comfort(vault: Vault, text: Any) -> ComfortGesture:
    text = clean_text("text", text, TITLE_MAX, required=True)
    if ComfortGesture.objects.owned_by(vault).count() >= catalogue.COMFORT_LIMIT:
        raise InputError({"text": [
            _("Your list has %(limit)s already. It stays short on purpose, so it is easy to "
              "remember and share. You can change or remove one to make room.")
            % {"limit": catalogue.COMFORT_LIMIT}
        ]})
    gesture = new(ComfortGesture, vault, text=text)
    gesture.save()
    return gesture


@transaction.atomic
def change_comfort(vault: Vault, gesture_id: Any, text: Any, *,
                   version: int | None = None) -> ComfortGesture:
    gesture = get_owned_for_update(ComfortGesture, vault, gesture_id, version=version,
                                   yours={"text": text})
    gesture.text = clean_text("text", text, TITLE_MAX, required=True)
    gesture.save(update_fields=["text", "updated_at"])
    return gesture


@transaction.atomic
def remove_comfort(vault: Vault, gesture_id: Any) -> None:
    get_owned_for_update(ComfortGesture, vault, gesture_id).delete()
