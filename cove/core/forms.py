"""Form helpers shared by every app: accessible error and hint wiring."""

from __future__ import annotations

from typing import Any

from django import forms


class CoveForm(forms.Form):
    """A form whose inputs point at their hint and errors (aria-describedby, aria-invalid)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def full_clean(self) -> None:
        super().full_clean()
        self.describe_fields()

    def describe_fields(self) -> None:
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}_hint")
            if self.is_bound and name in self.errors:
                ids.append(f"{bound.auto_id}_errors")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def add_errors(self, errors: dict[str, list[str]]) -> None:
        for name, messages in errors.items():
            for message in messages:
                self.add_error(name if name in self.fields else None, message)
        self.describe_fields()


class PassphraseInput(forms.PasswordInput):
    """A passphrase box that welcomes pasting and password managers."""

    def __init__(self, autocomplete: str = "current-password", **kwargs: Any) -> None:
        attrs = {"autocomplete": autocomplete, "spellcheck": "false", "autocapitalize": "none"}
        attrs.update(kwargs.pop("attrs", {}) or {})
        super().__init__(attrs=attrs, **kwargs)
