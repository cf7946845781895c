"""Keep published partner snapshots true when their source changes.

Connected in PartnersConfig.ready(). A source record saved (or deleted) with a vault bound
re-publishes the parts it feeds, using that vault: it is always the owner's own request
(a vault only opens its own person's area keys for writing). Nothing is published for a
part nobody is shown, and the source apps are not edited.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from . import sources


def _republish(sender: Any, instance: Any, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "version" not in update_fields:
        # A re-seal under a new key (rotation) changes nothing anyone wrote; the other
        # rows of the area may not be re-sealed yet, so building now could not open them.
        return
    vault = getattr(instance, "_vault", None)
    if vault is None or vault.user.pk != getattr(instance, "owner_id", None):
        return
    from . import sharing

    sharing.republish_for_source(vault, sender._meta.label_lower, instance,
                                 deleted="created" not in kwargs)


def connect() -> None:
    for label in sources.SOURCES:
        model = apps.get_model(label)
        post_save.connect(_republish, sender=model, dispatch_uid=f"partners.publish.{label}")
        post_delete.connect(_republish, sender=model,
                            dispatch_uid=f"partners.unpublish.{label}")
