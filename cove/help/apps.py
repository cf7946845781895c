import logging
from datetime import date

from django.apps import AppConfig

logger = logging.getLogger(__name__)


class HelpConfig(AppConfig):
    name = "cove.help"
    label = "help"

    def ready(self) -> None:
        from cove.help import choices, lines  # noqa: F401 - registers the topic choices

        # An entry without a source and a verified date (Cove's file or an operator's) stops
        # the app here; entries checked over a year ago are logged so someone checks them again.
        old = lines.stale(lines.data(), date.today())
        if old:
            logger.warning("Crisis lines last checked over a year ago, please check them again: %s",
                           ", ".join(old))
