from django.apps import AppConfig


class SampleAppConfig(AppConfig):
    """A test-only app with sealed models, installed by cove.settings_test only."""

    name = "cove.vault.tests.sampleapp"
    label = "vaultsample"
