from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cove.accounts"
    label = "accounts"
