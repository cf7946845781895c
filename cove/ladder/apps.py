from django.apps import AppConfig


class LadderConfig(AppConfig):
    name = "cove.ladder"
    label = "ladder"
