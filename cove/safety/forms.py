"""Forms built from the part definitions: plan, comfort box and prep sheet share one shape."""

from __future__ import annotations

from typing import Any

from django import forms

from cove.core.errors import Conflict
from cove.core.forms import CoveForm, VersionField
from cove.safety.parts import ALL_PLAN_PARTS, COMFORT_PARTS, RESET_RITUAL, Part
from cove.safety.prep import QUESTIONS


def _field(part: Part) -> forms.CharField:
    widget: forms.Widget
    if part.short:
        widget = forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"})
    else:
        widget = forms.Textarea(attrs={"rows": 3})
    return forms.CharField(
        label=str(part.title), help_text=str(part.hint), required=False, max_length=part.max_length,
        widget=widget, strip=True,
    )


class PartsForm(CoveForm):
    """A form with one optional text box per part; `add_example` appends an example.

    `version` is the version the person's copy was based on (see services)."""

    parts: tuple[Part, ...] = ()
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for part in self.parts:
            self.fields[part.key] = _field(part)

    def part_fields(self) -> list[tuple[Part, forms.BoundField]]:
        return [(part, self[part.key]) for part in self.parts]

    def with_example(self, choice: str) -> dict[str, str] | None:
        """The submitted values with one example added ("key:index"), or None if unknown."""
        key, _, index = choice.partition(":")
        part = next((p for p in self.parts if p.key == key), None)
        if part is None or not index.isdigit() or int(index) >= len(part.examples):
            return None
        values = {p.key: str(self.data.get(p.key, "")) for p in self.parts}
        values["version"] = str(self.data.get("version", ""))
        example = str(part.examples[int(index)])
        current = values[key].rstrip()
        if part.short:
            values[key] = example
        else:
            lines = [line.strip() for line in current.splitlines()]
            if example not in lines:  # tapped twice: added once
                values[key] = f"{current}\n{example}" if current else example
        return values

    def parts_data(self) -> dict[str, str]:
        """The cleaned text of every part, without the version."""
        return {part.key: self.cleaned_data.get(part.key, "") for part in self.parts}

    def show_conflict(self, conflict: Conflict) -> None:
        # What is stored holds the parts inside a value ({"items": {...}}, {"answers":
        # {...}}); the form has one box per part, so show them part by part.
        flat: dict[str, object] = {}
        for name, value in conflict.current.items():
            if isinstance(value, dict):
                flat.update(value)
            else:
                flat[name] = value
        super().show_conflict(Conflict(current=flat, yours=conflict.yours,
                                       version=conflict.version))


class PlanForm(PartsForm):
    parts = ALL_PLAN_PARTS


class ComfortForm(PartsForm):
    parts = (*COMFORT_PARTS, RESET_RITUAL)


class PrepForm(PartsForm):
    parts = QUESTIONS
