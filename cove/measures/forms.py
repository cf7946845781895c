"""The questionnaire form, built from an instrument's data: one radio group per item."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from cove.core.forms import CoveForm
from cove.measures.instruments import Instrument


def item_field_name(number: int) -> str:
    return f"q{number}"


class QuestionnaireForm(CoveForm):
    """Every scored item is needed for a score; unscored extras are optional."""

    def __init__(self, instrument: Instrument, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        choices = [(str(o.value), o.text) for o in instrument.options]
        for item in instrument.items:
            self.fields[item_field_name(item.number)] = forms.TypedChoiceField(
                label=item.text, choices=choices, coerce=int, widget=forms.RadioSelect,
                error_messages={"required": _("Please choose an answer for question %(n)s.")
                                % {"n": item.number}},
            )
        for extra in instrument.extra_items:
            self.fields[extra.key] = forms.TypedChoiceField(
                label=extra.text, choices=[(str(o.value), o.text) for o in extra.options],
                coerce=int, required=False, empty_value=None, widget=forms.RadioSelect,
            )

    def questions(self) -> list[dict[str, Any]]:
        """Each item with its bound field, for the template's fieldset/legend markup."""
        return [
            {"number": item.number, "text": item.text,
             "field": self[item_field_name(item.number)]}
            for item in self.instrument.items
        ]

    def extras(self) -> list[dict[str, Any]]:
        return [{"key": e.key, "text": e.text, "field": self[e.key]}
                for e in self.instrument.extra_items]

    def answers(self) -> list[int]:
        return [int(self.cleaned_data[item_field_name(i.number)]) for i in self.instrument.items]

    def extra_answers(self) -> dict[str, object]:
        return {e.key: self.cleaned_data.get(e.key) for e in self.instrument.extra_items}
