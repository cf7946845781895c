"""Check-in and reminder forms."""

from __future__ import annotations

from functools import cache
from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cove.core.forms import CoveForm, version_field
from cove.progress.choices import CheckinQuestion, ReminderWhat, Weekday

SCALE_CHOICES = [("", _("No answer")), *[(str(n), str(n)) for n in range(11)]]

# (name, question, words for 0, words for 10)
CHECKIN_QUESTIONS = (
    ("mood", _("How is your mood?"), _("very low"), _("very good")),
    ("distress", _("How much distress do you feel?"), _("none"), _("the most you can imagine")),
    ("tension", _("How tense does your body feel?"), _("relaxed"), _("very tense")),
    ("sleep", _("How did you sleep?"), _("very badly"), _("very well")),
    ("stress", _("How stressed do you feel?"), _("not at all"), _("extremely")),
)
QUESTION_LABELS = {name: label for name, label, _low, _high in CHECKIN_QUESTIONS}
SHORT_LABELS = dict(CheckinQuestion.choices)
MAX_NOTE = 5_000


class CheckInForm(CoveForm):
    version = version_field()
    note = forms.CharField(label=_("A note for today"), required=False, max_length=MAX_NOTE,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label, _low, _high in CHECKIN_QUESTIONS:
            self.fields[name] = forms.TypedChoiceField(
                label=label, choices=SCALE_CHOICES, coerce=int, empty_value=None,
                required=False, widget=forms.RadioSelect)
        self.order_fields([q[0] for q in CHECKIN_QUESTIONS] + ["note", "version"])

    def questions(self) -> list[dict[str, Any]]:
        return [{"field": self[name], "low": low, "high": high}
                for name, _label, low, high in CHECKIN_QUESTIONS]

    def ratings(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name, *_rest in CHECKIN_QUESTIONS
                if self.cleaned_data.get(name) is not None}


WHAT_LABELS = dict(ReminderWhat.choices)
WEEKDAYS = [(str(value), label) for value, label in Weekday.choices]
WEEKDAY_SHORT = {"0": _("Mon"), "1": _("Tue"), "2": _("Wed"), "3": _("Thu"), "4": _("Fri"),
                 "5": _("Sat"), "6": _("Sun")}


@cache
def time_zones() -> tuple[str, ...]:
    return tuple(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))


class ReminderForm(CoveForm):
    what = forms.ChoiceField(label=_("What is it for?"), choices=ReminderWhat.choices,
                             widget=forms.RadioSelect,
                             help_text=_("Only you see this. The reminder itself just says "
                                         "“A moment for you”."))
    time_of_day = forms.TimeField(label=_("At what time?"),
                                  widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                                  help_text=_("For example 19:30."))
    weekdays = forms.MultipleChoiceField(label=_("On which days?"), choices=WEEKDAYS,
                                         widget=forms.CheckboxSelectMultiple)
    by_email = forms.BooleanField(label=_("Also send me an email"), required=False)
    timezone = forms.ChoiceField(
        label=_("Your time zone, for emails"), required=False,
        help_text=_("So an email comes at your time. Calendar apps use your device's time."))

    def __init__(self, *args: Any, email_possible: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not email_possible:
            del self.fields["by_email"]
            del self.fields["timezone"]
        else:
            zone_field = self.fields["timezone"]
            assert isinstance(zone_field, forms.ChoiceField)
            zone_field.choices = [(z, z) for z in time_zones()]
            zone_field.initial = settings.TIME_ZONE

    def clean_timezone(self) -> str:
        return self.cleaned_data.get("timezone") or settings.TIME_ZONE
