"""Forms for ladders, steps, distress words and the phases of a practice."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cove.core.forms import CoveForm, version_field
from cove.ladder import models as m
from cove.ladder import services
from cove.ladder.choices import CheckinEvery, LadderStarter, MoveDirection, StepStatus, WithWhom

ROWS = {"rows": 3}


class RangeInput(forms.NumberInput):
    input_type = "range"


def rating_field(label: Any, help_text: Any = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label, min_value=0, max_value=100, required=False, help_text=help_text,
        widget=RangeInput(attrs={"min": 0, "max": 100, "step": 5, "class": "distress__input"}),
    )


class RatingsForm(CoveForm):
    """A form with distress sliders: each shows the number and the person's own words."""

    rating_names: tuple[str, ...] = ()

    def __init__(self, *args: Any, words: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.words = words
        for name in self.rating_names:
            value = self._current(name)
            attrs = self.fields[name].widget.attrs
            attrs["aria-valuetext"] = f"{value}, {services.words_for(value, words)}"
            attrs["data-words"] = "|".join(words[p] for p in m.SCALE_POINTS)

    def _current(self, name: str) -> int:
        raw = self[name].value()
        try:
            value = int(raw)
        except (TypeError, ValueError):
            return 0
        return max(0, min(100, value))

    def rating_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.rating_names]


class NewLadderForm(CoveForm):
    starter = forms.ChoiceField(
        label=_("Start from"), widget=forms.RadioSelect, initial=LadderStarter.BLANK,
        choices=LadderStarter.choices,
    )
    title = forms.CharField(
        label=_("Name for this ladder"), max_length=services.TITLE_MAX, required=False,
        help_text=_("Leave it empty to use the starting point's name. Only you see it."),
    )


class LadderForm(CoveForm):
    version = version_field()
    title = forms.CharField(label=_("Name for this ladder"), max_length=services.TITLE_MAX)
    about = forms.CharField(label=_("A few words about it"), required=False,
                            max_length=services.TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3}))


class StepForm(RatingsForm):
    rating_names = ("expected_distress",)

    version = version_field()
    title = forms.CharField(label=_("The step, in your words"), max_length=services.TITLE_MAX)
    with_whom = forms.ChoiceField(label=_("With whom"), widget=forms.RadioSelect,
                                  choices=WithWhom.choices, initial=m.ALONE)
    minutes = forms.IntegerField(label=_("How long you might try it, in minutes"),
                                 min_value=1, max_value=240, required=False)
    expected_distress = rating_field(_("How much distress you expect (0 to 100)"))
    notes = forms.CharField(label=_("Notes"), required=False, max_length=services.TEXT_MAX,
                            widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(label=_("Where you are with it"), widget=forms.RadioSelect,
                               choices=StepStatus.choices, initial=m.NOT_YET,
                               help_text=_("Only you change this. Any choice is fine."))


class StatusForm(CoveForm):
    status = forms.ChoiceField(label=_("Where you are with it"),
                               choices=StepStatus.choices)


class SplitForm(RatingsForm):
    rating_names = ("first_distress", "second_distress")

    version = version_field()
    first = forms.CharField(label=_("First, gentler step"), max_length=services.TITLE_MAX)
    first_distress = rating_field(_("Distress you expect for the first step"))
    second = forms.CharField(label=_("Second, gentler step"), max_length=services.TITLE_MAX)
    second_distress = rating_field(_("Distress you expect for the second step"))


class WordsForm(CoveForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for point in m.SCALE_POINTS:
            self.fields[f"w{point}"] = forms.CharField(
                label=_("Your words for %(point)s") % {"point": point},
                max_length=services.TITLE_MAX, required=False,
            )


class BeforeForm(RatingsForm):
    rating_names = ("expected", "now")

    expected = rating_field(_("How much distress do you expect during this practice?"))
    now = rating_field(_("How much distress do you feel right now?"))
    minutes = forms.IntegerField(label=_("How long you plan to practise, in minutes"),
                                 min_value=1, max_value=240, required=False,
                                 help_text=_("You can stop sooner. Any length is fine."))
    checkin_every = forms.TypedChoiceField(
        label=_("Gentle “still OK?” check-ins"), widget=forms.RadioSelect, coerce=int,
        initial=0, choices=CheckinEvery.choices,
    )
    fear = forms.CharField(label=_("What are you afraid might happen?"), required=False,
                           max_length=services.TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Afterwards you can compare it with what really happened."))
    skip_ratings = forms.BooleanField(label=_("I would rather not rate this time"), required=False)


class AfterForm(RatingsForm):
    rating_names = ("peak", "now")

    peak = rating_field(_("What was the highest distress during the practice?"))
    now = rating_field(_("How much distress do you feel now?"))
    skip_ratings = forms.BooleanField(label=_("I would rather not rate this time"), required=False)
    aftercare = forms.MultipleChoiceField(label=_("Aftercare that happened"), required=False,
                                          widget=forms.CheckboxSelectMultiple)
    aftercare_skipped = forms.BooleanField(label=_("Skip the aftercare list this time"),
                                           required=False)
    felt_ok = forms.CharField(label=_("What felt OK, or even good?"), required=False,
                              max_length=services.TEXT_MAX, widget=forms.Textarea(attrs=ROWS))
    was_hard = forms.CharField(label=_("What was hard?"), required=False,
                               max_length=services.TEXT_MAX, widget=forms.Textarea(attrs=ROWS))
    compared_to_fear = forms.CharField(
        label=_("What happened, compared with what you feared?"), required=False,
        max_length=services.TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3}))
    would_change = forms.CharField(label=_("What would you change next time?"), required=False,
                                   max_length=services.TEXT_MAX,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    small_win = forms.BooleanField(label=_("This felt like a small win"), required=False)

    def __init__(self, *args: Any, aftercare_wishes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["aftercare"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(wish, wish) for wish in aftercare_wishes]
        if not aftercare_wishes:
            del self.fields["aftercare"]
            del self.fields["aftercare_skipped"]


class MoveForm(CoveForm):
    direction = forms.ChoiceField(label=_("Move"), choices=MoveDirection.choices)
