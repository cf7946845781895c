"""Forms of the together pages (every one works without JavaScript)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cove.boundaries.catalogue import WISHES
from cove.core.forms import CoveForm
from cove.together import rules, wishes
from cove.together.choices import CheckInPart, NoteKind, PartnerWishAnswer

LINES_HINT = _("One per line.")


def _lines(text: str) -> list[str]:
    return rules.clean_list(text.splitlines())


class AgreementForm(CoveForm):
    """The whole agreement, as the person would like it to be."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    stop_words = forms.CharField(label=_("Stop words"), required=False, help_text=LINES_HINT,
                                 widget=forms.Textarea(attrs={"rows": 2}))
    signals = forms.CharField(
        label=_("Signals without words"), required=False,
        help_text=_("For example: two taps on the arm. One per line."),
        widget=forms.Textarea(attrs={"rows": 2}))
    aftercare = forms.CharField(label=_("Aftercare checklist"), required=False,
                                help_text=LINES_HINT, widget=forms.Textarea(attrs={"rows": 3}))
    limits = forms.CharField(label=_("What we leave out for now"), required=False,
                             help_text=LINES_HINT, widget=forms.Textarea(attrs={"rows": 3}))
    session_minutes = forms.IntegerField(
        label=_("Longest time together in one go, in minutes"), required=False,
        min_value=rules.MINUTES_MIN, max_value=rules.MINUTES_MAX)
    pause_together = forms.CharField(
        label=_("After a pause, what we do together"), required=False,
        max_length=rules.TEXT_MAX, widget=forms.Textarea(attrs={"rows": 2}))
    pause_mine = forms.CharField(label=_("After a pause, what I do"), required=False,
                                 max_length=rules.TEXT_MAX,
                                 widget=forms.Textarea(attrs={"rows": 2}))
    pause_theirs = forms.CharField(label=_("After a pause, what my partner does"),
                                   required=False, max_length=rules.TEXT_MAX,
                                   widget=forms.Textarea(attrs={"rows": 2}))

    @staticmethod
    def initial_from(terms: dict[str, Any], me: int, other: int,
                     version: int | None) -> dict[str, Any]:
        pause = terms.get("after_pause") or {}
        return {
            "version": version,
            "stop_words": "\n".join(terms["stop_words"]),
            "signals": "\n".join(terms["signals"]),
            "aftercare": "\n".join(terms["aftercare"]),
            "limits": "\n".join(terms["limits"]),
            "session_minutes": terms["session_minutes"],
            "pause_together": pause.get("together", ""),
            "pause_mine": pause.get(str(me), ""),
            "pause_theirs": pause.get(str(other), ""),
        }

    def terms(self, me: int, other: int) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "stop_words": _lines(data["stop_words"]),
            "signals": _lines(data["signals"]),
            "aftercare": _lines(data["aftercare"]),
            "limits": _lines(data["limits"]),
            "session_minutes": data["session_minutes"],
            "after_pause": {"together": data["pause_together"], str(me): data["pause_mine"],
                            str(other): data["pause_theirs"]},
        }


class StartRoundForm(CoveForm):
    cooldown_days = forms.TypedChoiceField(
        label=_("Wait before a next round can start"), coerce=int,
        initial=wishes.DEFAULT_COOLDOWN,
        choices=[(d, _("%(days)d days") % {"days": d}) for d in wishes.COOLDOWN_DAYS],
        help_text=_("You choose this. Nobody is reminded or hurried."))


ANSWER_CHOICES = [("", _("Skip")), *PartnerWishAnswer.choices]


class AnswersForm(CoveForm):
    """One radio group per wish; skipping is the same as no."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, wish in enumerate(WISHES, start=1):
            self.fields[f"w{number}"] = forms.ChoiceField(
                label=str(wish.title), choices=ANSWER_CHOICES, required=False,
                widget=forms.RadioSelect)

    @staticmethod
    def initial_from(answers: dict[str, str]) -> dict[str, str]:
        return {f"w{n}": answers.get(w.key, "") for n, w in enumerate(WISHES, start=1)}

    def answers(self) -> dict[str, str]:
        return {w.key: self.cleaned_data.get(f"w{n}") or ""
                for n, w in enumerate(WISHES, start=1)}


class ReleaseForm(CoveForm):
    keep = forms.MultipleChoiceField(label=_("Share these"), required=False,
                                     widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, overlap: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep = self.fields["keep"]
        assert isinstance(keep, forms.MultipleChoiceField)
        keep.choices = [(key, key) for key, _label in overlap]


class CheckInForm(CoveForm):
    felt_good = forms.CharField(label=CheckInPart.FELT_GOOD.label, required=False,
                                max_length=rules.TEXT_MAX, widget=forms.Textarea(attrs={"rows": 2}))
    boundary = forms.CharField(label=CheckInPart.BOUNDARY.label, required=False,
                               max_length=rules.TEXT_MAX, widget=forms.Textarea(attrs={"rows": 2}))
    need = forms.CharField(label=CheckInPart.NEED.label, required=False,
                           max_length=rules.TEXT_MAX, widget=forms.Textarea(attrs={"rows": 2}))
    appreciation = forms.CharField(label=CheckInPart.APPRECIATION.label, required=False,
                                   max_length=rules.TEXT_MAX,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    share = forms.MultipleChoiceField(
        label=_("Share these parts with your partner"), required=False,
        choices=CheckInPart.choices, widget=forms.CheckboxSelectMultiple,
        help_text=_("Anything you do not tick stays only with you."))

    def parts(self) -> dict[str, str]:
        return {p.value: self.cleaned_data.get(p.value, "") for p in CheckInPart}


class NoteForm(CoveForm):
    kind = forms.ChoiceField(label=_("What is it?"), choices=NoteKind.choices,
                             widget=forms.RadioSelect, initial=NoteKind.THANKS)
    text = forms.CharField(label=_("A few words"), max_length=500)


class AftercareForm(CoveForm):
    done = forms.MultipleChoiceField(label=_("Aftercare we did"), required=False,
                                     widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, checklist: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        done = self.fields["done"]
        assert isinstance(done, forms.MultipleChoiceField)
        done.choices = [(item, item) for item in checklist]


class DebriefForm(CoveForm):
    private_text = forms.CharField(
        label=_("Just for you: how was it?"), required=False, max_length=rules.TEXT_MAX * 4,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only you can read this."))
    shared_text = forms.CharField(
        label=_("To share with your partner"), required=False, max_length=rules.TEXT_MAX * 4,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Leave it empty to share nothing."))
