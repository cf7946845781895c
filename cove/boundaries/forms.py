"""Forms for the boundaries pages. Values are checked again in services (the API uses those)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cove.boundaries import catalogue, services
from cove.core.forms import CoveForm


def _category_choices() -> list[tuple[str, Any]]:
    return [(c.slug, c.title) for c in catalogue.CATEGORIES]


def _state_choices() -> list[tuple[str, Any]]:
    return [(s, catalogue.STATE_LABELS[s]) for s in (*catalogue.STATES, "")]


class OwnItemForm(CoveForm):
    title = forms.CharField(label=_("Your words for it"), max_length=services.TITLE_MAX,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))
    category = forms.ChoiceField(label=_("Group"), choices=_category_choices)
    state = forms.ChoiceField(label=_("Your answer for now"), choices=_state_choices,
                              required=False, widget=forms.RadioSelect, initial="")
    condition = forms.CharField(label=_("Only if…"), max_length=services.CONDITION_MAX,
                                required=False,
                                help_text=_("Finish the sentence, for example: “I start it”."))
    ask_first = forms.BooleanField(label=_("Ask me first"), required=False)


class RenameItemForm(CoveForm):
    title = forms.CharField(label=_("Your words for it"), max_length=services.TITLE_MAX,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))
    category = forms.ChoiceField(label=_("Group"), choices=_category_choices)


class ReviewSettingsForm(CoveForm):
    cadence_days = forms.TypedChoiceField(
        label=_("How often would you like Cove to offer a look?"),
        choices=catalogue.REVIEW_CHOICES, coerce=int, widget=forms.RadioSelect,
        help_text=_("Cove only offers this when you open this page. It never sends anything."),
    )


class ComfortForm(CoveForm):
    text = forms.CharField(label=_("A gesture that helps you feel safe and cared for"),
                           max_length=services.TITLE_MAX,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))


class SituationForm(CoveForm):
    title = forms.CharField(label=_("The situation or reminder, in your words"),
                            max_length=services.TITLE_MAX,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))
    zone = forms.ChoiceField(label=_("Where it sits for you now"), widget=forms.RadioSelect,
                             choices=[(z, catalogue.ZONE_LABELS[z]) for z in catalogue.ZONES])
    notes = forms.CharField(label=_("Notes"), required=False, max_length=services.NOTES_MAX,
                            widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("What helps, or the plan you have in mind."))


class OwnWishForm(CoveForm):
    title = forms.CharField(label=_("Something you might like to explore someday"),
                            max_length=services.TITLE_MAX,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))
    answer = forms.ChoiceField(
        label=_("Your answer for now"), widget=forms.RadioSelect, required=False, initial="",
        choices=[(a, catalogue.WISH_LABELS[a]) for a in (*catalogue.WISH_ANSWERS, "")],
    )


class OwnPhraseForm(CoveForm):
    text = forms.CharField(label=_("Your phrase"), max_length=services.PHRASE_MAX,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    moment = forms.ChoiceField(label=_("When you might say it"),
                               choices=[(m.slug, m.title) for m in catalogue.MOMENTS])
