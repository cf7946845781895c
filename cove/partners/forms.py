"""Partner forms: redeeming a code, and what one partner may see."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cove.core.forms import CoveForm

from .models import SharePart


class RedeemForm(CoveForm):
    code = forms.CharField(
        label=_("The code you were given"), max_length=20,
        help_text=_("Eight letters and numbers, like K7QM-3WXP."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false",
                                      "inputmode": "text"}),
    )


class ShareForm(CoveForm):
    """Which parts this partner may see, and what the parts include (for every partner)."""

    parts = forms.MultipleChoiceField(
        label=_("What they may see"), required=False, choices=SharePart.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    history = forms.BooleanField(
        label=_("Also show how my boundaries changed over time"), required=False,
    )
    steps = forms.MultipleChoiceField(
        label=_("Steps to practise together"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    plan_parts = forms.MultipleChoiceField(
        label=_("Parts of my safety plan"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contacts = forms.MultipleChoiceField(
        label=_("People from my plan, one by one"), required=False,
        help_text=_("Names and numbers stay hidden unless you tick them here."),
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, steps: list[tuple[str, str]], plan_parts: list[tuple[str, Any]],
                 contacts: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["steps"].choices = steps  # type: ignore[attr-defined]
        self.fields["plan_parts"].choices = plan_parts  # type: ignore[attr-defined]
        self.fields["contacts"].choices = [(c, c) for c in contacts]  # type: ignore[attr-defined]
