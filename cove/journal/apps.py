from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "cove.journal"
    label = "journal"
