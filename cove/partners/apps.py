from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class PartnersConfig(AppConfig):
    name = "cove.partners"
    label = "partners"
    cove_nav = [
        NavItem(_("Partners"), "partners:index",
                _("Link with a partner and choose what they may see."), order=60),
    ]

    def ready(self) -> None:
        from cove.partners import receivers

        receivers.connect()
