"""The questionnaire form, built from an instrument's data: one radio group per item."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
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
        self.item_choices = choices = [(str(o.value), o.text) for o in instrument.options]
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
        """Each item with its id, errors and drawn answers, for the template's
        fieldset/legend markup."""
        rows = []
        for item in self.instrument.items:
            field = self[item_field_name(item.number)]
            rows.append({"number": item.number, "text": item.text, "id": field.auto_id,
                         "errors": field.errors, "radios": _radios(field, self.item_choices)})
        return rows

    def extras(self) -> list[dict[str, Any]]:
        return [{"key": e.key, "text": e.text,
                 "radios": _radios(self[e.key], [(str(o.value), o.text) for o in e.options])}
                for e in self.instrument.extra_items]

    def answers(self) -> list[int]:
        return [int(self.cleaned_data[item_field_name(i.number)]) for i in self.instrument.items]

    def extra_answers(self) -> dict[str, object]:
        return {e.key: self.cleaned_data.get(e.key) for e in self.instrument.extra_items}


_RADIO = ('<label class="choice measure-option" for="{0}"><input type="radio" name="{1}" '
          'value="{2}"{3} id="{0}"{4}{5}> <span>{6}</span></label>')


def _radios(bound: forms.BoundField, choices: list[tuple[str, str]]) -> SafeString:
    """A question's answers as radio buttons in their labels, the HTML Django's RadioSelect
    draws, without a template render per button: a form has 40 of them, and drawing them
    one by one was half of the page's time."""
    field = bound.field
    attrs = format_html_join("", " {}{}", (
        (name, "" if value is True else format_html('="{}"', value))
        for name, value in field.widget.attrs.items() if value is not False))
    required = " required" if field.required else ""
    current = bound.value()
    chosen = None if current is None else str(current)
    return format_html_join("", _RADIO, (
        (f"{bound.auto_id}_{index}", bound.html_name, value, attrs, required,
         " checked" if value == chosen else "", label)
        for index, (value, label) in enumerate(choices)))
