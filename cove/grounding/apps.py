from django.apps import AppConfig


class GroundingConfig(AppConfig):
    name = "cove.grounding"
    label = "grounding"
