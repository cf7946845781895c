from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class TogetherConfig(AppConfig):
    name = "cove.together"
    label = "together"
    cove_nav = [
        NavItem(
            label=_("Together"),
            url_name="together:index",
            description=_("For two linked partners: agreements, wishes, practice and "
                          "small rituals, at the pace of the slower one."),
            order=58,
        ),
    ]
