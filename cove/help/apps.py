from django.apps import AppConfig


class HelpConfig(AppConfig):
    name = "cove.help"
    label = "help"
