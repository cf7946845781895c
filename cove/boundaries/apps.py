from django.apps import AppConfig


class BoundariesConfig(AppConfig):
    name = "cove.boundaries"
    label = "boundaries"
