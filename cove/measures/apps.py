from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "cove.measures"
    label = "measures"
