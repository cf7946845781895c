from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class LadderConfig(AppConfig):
    name = "cove.ladder"
    label = "ladder"
    cove_nav = [
        NavItem(
            label=_("Ladder"),
            url_name="ladder:index",
            description=_("Small steps you choose, at your own pace, and the practice of each."),
            order=40,
        ),
    ]

    def ready(self) -> None:
        from cove.ladder import choices  # noqa: F401 - registers the ladder's choices
