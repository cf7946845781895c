from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cove.core.forms import CoveForm
from cove.voice import services


class RecordForm(CoveForm):
    audio = forms.FileField(
        label=_("A recording"), required=False, allow_empty_file=True,
        help_text=_("Record below, or choose a file: WAV, OGG, WebM or M4A."),
        widget=forms.ClearableFileInput(attrs={"accept": "audio/*"}),
    )
    title = forms.CharField(label=_("A name for it"), required=False,
                            max_length=services.TITLE_MAX)
    transcript = forms.CharField(
        label=_("The words, typed"), required=False, max_length=services.TRANSCRIPT_MAX,
        help_text=_("If you like, type what you said. Nothing listens to your recording to do "
                    "this for you."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    journal_entry = forms.CharField(required=False, widget=forms.HiddenInput)
    practice = forms.CharField(required=False, widget=forms.HiddenInput)


class DescribeForm(CoveForm):
    title = forms.CharField(label=_("Name"), required=False, max_length=services.TITLE_MAX)
    transcript = forms.CharField(label=_("The words, typed"), required=False,
                                 max_length=services.TRANSCRIPT_MAX,
                                 widget=forms.Textarea(attrs={"rows": 6}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
