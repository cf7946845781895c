from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem

if TYPE_CHECKING:
    from cove.vault.keyring import Vault


class MeasuresConfig(AppConfig):
    name = "cove.measures"
    label = "measures"
    cove_nav = [
        NavItem(
            label=_("Questionnaires"),
            url_name="measures:index",
            description=_("Short, widely used questionnaires to notice change over time, "
                          "only when you want to."),
            order=70,
        ),
    ]

    def ready(self) -> None:
        from cove.measures import instruments

        # A broken instrument file, or a cut-point outside its published range, stops the
        # app at start-up, not in the middle of someone's answers.
        instruments.check_cut_points()

    def export_section(self, vault: Vault) -> tuple[str, Any]:
        """The full export carries the FHIR R4 Bundle of questionnaires and answers."""
        from cove.measures.fhir import bundle

        return "fhir_questionnaires", bundle(vault)
