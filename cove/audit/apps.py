from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


class AuditConfig(AppConfig):
    name = "cove.audit"
    label = "audit"

    def export_section(self, vault: Vault) -> tuple[str, Any]:
        """The export carries the person's access receipts (who read which shared part)."""
        from cove.audit.receipts import export_rows

        return "access_receipts", export_rows(vault.user)

    def ready(self) -> None:
        from cove.audit import deferred

        deferred.connect()
