from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "cove.audit"
    label = "audit"

    def ready(self) -> None:
        from cove.audit import deferred

        deferred.connect()
