from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class ClinicConfig(AppConfig):
    name = "cove.clinic"
    label = "clinic"
    cove_nav = [
        NavItem(_("My clinician"), "clinic:sharing",
                _("Share chosen parts with a therapist, answer suggestions, prepare a session."),
                order=80),
    ]

    def ready(self) -> None:
        from cove.clinic import choices  # noqa: F401  (registers the closed sets)

    def display_names(self, user_ids: set[int]) -> dict[int, str]:
        """Names people chose to show (the access receipts use them)."""
        from cove.clinic.models import ClinicianProfile

        return dict(ClinicianProfile.objects.filter(user_id__in=user_ids, approved_at__isnull=False)
                    .values_list("user_id", "name"))

    def is_approved(self, user: object) -> bool:
        from cove.clinic.services import is_approved

        return is_approved(user)  # type: ignore[arg-type]

    def reading_paused(self, owner_id: int, reader_id: int) -> bool:
        """Asked by cove.vault.sharing before any shared read (see services.reading_paused)."""
        from cove.clinic.services import reading_paused

        return reading_paused(owner_id, reader_id)
