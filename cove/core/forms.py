"""Form helpers shared by every app: accessible error and hint wiring, and `submit()`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.http import QueryDict

from cove.core.errors import Conflict, InputError

T = TypeVar("T")

# Browsers keep what is typed into these boxes for autofill (Chrome's "Web Data" file),
# where it outlives sign-out and "Leave quickly". A field that wants autofill (an email
# address, a new passphrase for a password manager) says so in its widget's attrs.
TYPED_WIDGETS = (forms.TextInput, forms.Textarea, forms.NumberInput, forms.EmailInput,
                 forms.URLInput)


class CoveForm(forms.Form):
    """A form whose inputs point at their hint and errors (aria-describedby, aria-invalid),
    and whose text boxes are left out of the browser's autofill memory."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def __getitem__(self, name: str) -> forms.BoundField:
        # Here rather than in __init__, so fields that subclasses add afterwards count too.
        field = self.fields.get(name)
        if field is not None and isinstance(field.widget, TYPED_WIDGETS):
            field.widget.attrs.setdefault("autocomplete", "off")
        return super().__getitem__(name)

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

    # The last InputError shown on this form, so a view can answer with its status (429).
    input_error: InputError | None = None
    # Set when the record changed elsewhere since the form was opened (see show_conflict).
    conflict: Conflict | None = None
    conflict_rows: list[tuple[str, Any]] = []

    def show_conflict(self, conflict: Conflict) -> None:
        """Keep what the person typed, show what is stored now beside it, and base the next
        save on the stored version (saving again then means "keep mine")."""
        self.conflict = conflict
        self.conflict_rows = [
            (str(self.fields[name].label or name), self._shown(name, value))
            for name, value in conflict.current.items()
            if name in self.fields and name != "version"
        ]
        if self.is_bound and "version" in self.fields:
            # A QueryDict copy keeps every value of multi-choice fields; a plain dict is fine.
            data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
            data[self.add_prefix("version")] = str(conflict.version)
            self.data = data

    def _shown(self, name: str, value: Any) -> Any:
        """A stored value as the person knows it: a closed choice by its label."""
        choices = getattr(self.fields[name], "choices", None)
        if choices:
            return {str(key): label for key, label in choices}.get(str(value), value)
        return value

    def add_input_error(self, error: InputError) -> None:
        """Show a service's InputError on this form; unknown fields go to the top."""
        self.input_error = error
        self.add_errors(error.errors)


def submit(form: forms.Form, action: Callable[[dict[str, Any]], T]) -> T | None:
    """Validate `form` and run `action(cleaned_data)`: the one place HTML views meet
    InputError and Conflict.

    Returns the action's result, or None when the form or the action refused the input;
    the messages (or, for a Conflict, both versions: `form.conflict_rows`) are then on the
    form and the bound form still holds what was typed. Services check before they write,
    so a refused action has written nothing, except what a refusal must keep (a failed
    passphrase counts towards the throttle); no savepoint here, so that stays.
    """
    if not form.is_valid():
        return None
    try:
        return action(form.cleaned_data)
    except Conflict as conflict:
        if isinstance(form, CoveForm):
            form.show_conflict(conflict)
        else:
            form.add_error(None, str(conflict))
        return None
    except InputError as error:
        if isinstance(form, CoveForm):
            form.add_input_error(error)
        else:
            for name, messages in error.errors.items():
                for message in messages:
                    form.add_error(name if name in form.fields else None, message)
        return None


class VersionField(forms.IntegerField):
    """The hidden `version` of the record a form edits (see get_owned_for_update): the
    version the person's copy was based on; empty means "whatever is there now"."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(**kwargs)


class PassphraseInput(forms.PasswordInput):
    """A passphrase box that welcomes pasting and password managers."""

    def __init__(self, autocomplete: str = "current-password", **kwargs: Any) -> None:
        attrs = {"autocomplete": autocomplete, "spellcheck": "false", "autocapitalize": "none"}
        attrs.update(kwargs.pop("attrs", {}) or {})
        super().__init__(attrs=attrs, **kwargs)


def version_field() -> forms.IntegerField:
    """The hidden `version` an edit form carries: the record's version when it was opened.

    `submit()` moves it on after a Conflict, so saving again means "keep mine"."""
    return forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
