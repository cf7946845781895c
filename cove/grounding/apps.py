from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class GroundingConfig(AppConfig):
    name = "cove.grounding"
    label = "grounding"
    cove_nav = [
        NavItem(_("Grounding"), "grounding:index",
                _("Breathing and grounding exercises. No sign-in needed."), order=12),
    ]
