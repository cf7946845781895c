from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "cove.progress"
    label = "progress"
