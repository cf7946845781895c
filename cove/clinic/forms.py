from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cove.clinic.choices import BriefPart, Flag, HomeworkAnswer, HomeworkKind, ShareEnd
from cove.core.forms import CoveForm
from cove.vault import areas

DATE = forms.DateInput(attrs={"type": "date"})


class ProfileForm(CoveForm):
    name = forms.CharField(label=_("Name clients will see"), max_length=80,
                           help_text=_("For example “Dr Ash Rivera”."))
    practice = forms.CharField(label=_("Practice"), max_length=120, required=False)
    note = forms.CharField(label=_("A short note for clients"), max_length=300, required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))


class CodeForm(CoveForm):
    code = forms.CharField(label=_("Code from your clinician"), max_length=20,
                           help_text=_("Eight letters and numbers, like K7QM-3WXP."))


def area_choices() -> list[tuple[str, Any]]:
    return [(a, areas.LABELS[a]) for a in areas.SHAREABLE]


class ShareForm(CoveForm):
    areas = forms.MultipleChoiceField(
        label=_("What to share"), choices=area_choices, widget=forms.CheckboxSelectMultiple,
        help_text=_("Only these parts. You can change this or stop at any time."))
    end = forms.ChoiceField(label=_("For how long"), choices=ShareEnd.choices,
                            initial=ShareEnd.NONE, widget=forms.RadioSelect)
    until = forms.DateField(label=_("Share until this date"), required=False, widget=DATE)
    next_session = forms.DateField(label=_("My next session"), required=False, widget=DATE,
                                   help_text=_("Your clinician sees this date."))
    flags = forms.MultipleChoiceField(
        label=_("Signs my clinician may see on their list"), choices=Flag.choices,
        required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Only the ones you tick. None is fine."))


class LinkForm(ShareForm):
    """Changing an existing link: carries the version it was based on."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class JoinForm(ShareForm):
    code = forms.CharField(widget=forms.HiddenInput)


class SuggestForm(CoveForm):
    kind = forms.ChoiceField(label=_("Kind of suggestion"), choices=HomeworkKind.choices)
    title = forms.CharField(label=_("Suggestion"), max_length=200)
    detail = forms.CharField(label=_("More about it"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(CoveForm):
    answer = forms.ChoiceField(label=_("Your answer"), choices=HomeworkAnswer.choices,
                               widget=forms.RadioSelect,
                               help_text=_("Any answer is fine. No reason needed."))
    my_version = forms.CharField(label=_("My version"), required=False, max_length=2000,
                                 widget=forms.Textarea(attrs={"rows": 2}))
    how_it_went = forms.CharField(
        label=_("How it went, in my words"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Your clinician can read what you write here. Leave it empty to keep it "
                    "to yourself."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class BriefForm(CoveForm):
    session_date = forms.DateField(label=_("Session date"), widget=DATE)
    happened = forms.CharField(label=BriefPart.HAPPENED.label, required=False, max_length=4000,
                               widget=forms.Textarea(attrs={"rows": 3}))
    talk_about = forms.CharField(label=BriefPart.TALK_ABOUT.label, required=False,
                                 max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    not_ready = forms.CharField(label=BriefPart.NOT_READY.label, required=False,
                                max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    questions = forms.CharField(label=BriefPart.QUESTIONS.label, required=False,
                                max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    hidden = forms.MultipleChoiceField(
        label=_("Leave out when I share"), choices=lambda: [
            (value, format_lazy(_("Leave out: {}"), label)) for value, label in BriefPart.choices],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Parts you tick stay only with you. Your clinician never gets them."))


class NoteForm(CoveForm):
    body = forms.CharField(label=_("Private note"), max_length=8000,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Only you can read this. It is in your own export."))
