from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "cove.safety"
    label = "safety"
