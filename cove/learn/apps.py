from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class LearnConfig(AppConfig):
    name = "cove.learn"
    label = "learn"
    cove_nav = [
        NavItem(_("Learn"), "learn:index",
                _("Short, gentle reading about trauma, the body and closeness. No sign-in needed."),
                order=14, signed_in_only=False),
    ]
