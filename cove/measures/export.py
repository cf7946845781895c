"""The questionnaire export: a service action the download page and the API both call."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction

from cove.audit import services as audit
from cove.measures import fhir

if TYPE_CHECKING:
    from cove.accounts.models import User
    from cove.vault.keyring import Vault


def export_answers(person: User, vault: Vault) -> dict[str, Any]:
    """Every questionnaire and the person's answers as a FHIR R4 Bundle, with the export
    written in their activity log (the caller has confirmed their passphrase)."""
    with transaction.atomic():
        audit.record("security.export", subject=person, actor=person, detail={"part": "fhir"})
    return fhir.bundle(vault)
