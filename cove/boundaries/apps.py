from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class BoundariesConfig(AppConfig):
    name = "cove.boundaries"
    label = "boundaries"
    verbose_name = _("Boundaries")
    cove_nav = [
        NavItem(
            label=_("Boundaries"),
            url_name="boundaries:index",
            description=_("Your yes, maybe, not now and no, in your own time. "
                          "Plus a comfort list and words for asking and saying no."),
            order=30,
        )
    ]
