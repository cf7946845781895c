from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class ProgressConfig(AppConfig):
    name = "cove.progress"
    label = "progress"
    verbose_name = _("Progress")
    cove_nav = [
        NavItem(_("Check-in"), "progress:checkin",
                _("A quick, optional check-in: five taps and a note if you like."), order=45),
        NavItem(_("Progress"), "progress:index",
                _("Small wins, practices and how things have changed over time."), order=50),
    ]

    def ready(self) -> None:
        from cove.accounts.signals import credentials_replaced
        from cove.progress import choices  # noqa: F401 - registers the progress choices
        from cove.progress.reminders import replace_feed_token

        # A changed passphrase or an emergency reset also replaces the calendar address.
        credentials_replaced.connect(replace_feed_token, dispatch_uid="progress.feed")
