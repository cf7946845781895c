from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "cove.audit"
    label = "audit"
