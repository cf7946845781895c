from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "cove.partners"
    label = "partners"
