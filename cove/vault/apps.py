from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "cove.vault"
    label = "vault"
