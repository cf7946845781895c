from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cove.core"
    label = "core"
