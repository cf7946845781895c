from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class SafetyConfig(AppConfig):
    name = "cove.safety"
    label = "safety"
    cove_nav = [
        NavItem(_("My plan"), "safety:index",
                _("Notes to yourself for a hard moment, and your pause plan."), order=10),
        NavItem(_("Comfort box"), "safety:comfort",
                _("Things that soothe you, and your reset ritual."), order=11),
    ]
