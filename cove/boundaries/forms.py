"""Forms for the boundaries pages. Values are checked again in services (the API uses those).

Forms that edit a stored record carry its hidden `version`, so a save based on an older
copy shows both versions instead of writing over the newer one.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cove.boundaries.choices import BoundaryState, Category, Moment, ReviewCadence, WishAnswer, Zone
from cove.boundaries.cleaning import CONDITION_MAX, NOTES_MAX, PHRASE_MAX, TITLE_MAX
from cove.core.forms import CoveForm, VersionField


class OwnItemForm(CoveForm):
    title = forms.CharField(label=_("Your words for it"), max_length=TITLE_MAX,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))
    category = forms.ChoiceField(label=_("Group"), choices=Category.choices)
    state = forms.ChoiceField(label=_("Your answer for now"), choices=BoundaryState.choices,
                              required=False, widget=forms.RadioSelect, initial="")
    condition = forms.CharField(label=_("Only if…"), max_length=CONDITION_MAX,
                                required=False,
                                help_text=_("Finish the sentence, for example: “I start it”."))
    ask_first = forms.BooleanField(label=_("Ask me first"), required=False)


class RenameItemForm(CoveForm):
    title = forms.CharField(label=_("Your words for it"), max_length=TITLE_MAX,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))
    category = forms.ChoiceField(label=_("Group"), choices=Category.choices)
    version = VersionField()


class ReviewSettingsForm(CoveForm):
    cadence_days = forms.TypedChoiceField(
        label=_("How often would you like Cove to offer a look?"),
        choices=ReviewCadence.choices, coerce=int, widget=forms.RadioSelect,
        help_text=_("Cove only offers this when you open this page. It never sends anything."),
    )
    version = VersionField()


class ComfortForm(CoveForm):
    text = forms.CharField(label=_("A gesture that helps you feel safe and cared for"),
                           max_length=TITLE_MAX,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))


class ComfortEditForm(ComfortForm):
    version = VersionField()


class SituationForm(CoveForm):
    title = forms.CharField(label=_("The situation or reminder, in your words"),
                            max_length=TITLE_MAX,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))
    zone = forms.ChoiceField(label=_("Where it sits for you now"), widget=forms.RadioSelect,
                             choices=Zone.choices)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=NOTES_MAX,
                            widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("What helps, or the plan you have in mind."))


class SituationEditForm(SituationForm):
    version = VersionField()


class OwnWishForm(CoveForm):
    title = forms.CharField(label=_("Something you might like to explore someday"),
                            max_length=TITLE_MAX,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))
    answer = forms.ChoiceField(label=_("Your answer for now"), widget=forms.RadioSelect,
                               required=False, initial="", choices=WishAnswer.choices)


class OwnPhraseForm(CoveForm):
    text = forms.CharField(label=_("Your phrase"), max_length=PHRASE_MAX,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    moment = forms.ChoiceField(label=_("When you might say it"), choices=Moment.choices)


class AnswerForm(CoveForm):
    """One row of the inventory (or of the review): an answer, "only if…", "ask me first".

    Plain text fields on purpose: the services check the values and word the messages.
    """

    state = forms.CharField(required=False)
    condition = forms.CharField(required=False)
    ask_first = forms.BooleanField(required=False)
    version = VersionField()

    def answer(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"state": data["state"], "condition": data["condition"],
                "ask_first": data["ask_first"]}

    def error_text(self) -> str:
        """Every message on the form, as one line for the row's status."""
        if self.conflict is not None:
            return str(self.conflict)
        return " ".join(str(m) for messages in self.errors.values() for m in messages)


class WishAnswerForm(CoveForm):
    """A quick answer to one wish (checked by the service, which words the message)."""

    answer = forms.CharField(required=False)

    def error_text(self) -> str:
        return " ".join(str(m) for messages in self.errors.values() for m in messages)
