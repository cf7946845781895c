from django.apps import AppConfig


class HelpConfig(AppConfig):
    name = "cove.help"
    label = "help"

    def ready(self) -> None:
        from cove.help import choices, lines  # noqa: F401 - registers the topic choices

        lines.data()  # a broken crisis-line file (or operator file) fails at start-up
