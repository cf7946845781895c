from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class JournalConfig(AppConfig):
    name = "cove.journal"
    label = "journal"
    verbose_name = _("Journal")
    cove_nav = [
        NavItem(_("Journal"), "journal:index",
                _("Write what you notice, what helped and what went well."), order=40),
    ]

    def ready(self) -> None:
        from cove.journal import choices  # noqa: F401 - registers the kinds of entry
