from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class VoiceConfig(AppConfig):
    name = "cove.voice"
    label = "voice"
    verbose_name = _("Voice notes")
    cove_nav = [
        NavItem(_("Voice notes"), "voice:index",
                _("Say it instead of writing it. Only you can play it back."), order=45),
    ]

    def ready(self) -> None:
        from cove.voice import signals  # noqa: F401  (keeps attached notes on their entry's key)
