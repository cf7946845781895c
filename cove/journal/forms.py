"""Entry forms built from a kind's prompts, so HTML and the API validate the same way."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cove.core.errors import Conflict
from cove.core.forms import CoveForm, version_field
from cove.journal import kinds
from cove.journal.kinds import Kind

MAX_TEXT = 20_000
MAX_LINE = 300
MAX_TAGS = 12
MAX_TAG_LENGTH = 40
SCALE_CHOICES = [(str(n), str(n)) for n in range(11)]


def parse_tags(raw: str) -> list[str]:
    seen: list[str] = []
    for part in raw.replace("#", " ").split(","):
        tag = " ".join(part.split())[:MAX_TAG_LENGTH]
        if tag and tag.casefold() not in {t.casefold() for t in seen}:
            seen.append(tag)
    return seen


class EntryForm(CoveForm):
    """Every prompt is optional: leaving something blank is always fine."""

    def __init__(self, kind: Kind, *args: Any, **kwargs: Any) -> None:
        self.kind = kind
        super().__init__(*args, **kwargs)
        for prompt in kind.prompts:
            self.fields[prompt.name] = self._field_for(prompt)
        self.fields["tags"] = forms.CharField(
            label=_("Tags"), required=False, max_length=MAX_TAGS * (MAX_TAG_LENGTH + 2),
            help_text=_("Short words to find this again, separated by commas."),
        )
        self.fields["shareable"] = forms.BooleanField(
            label=_("I might share this entry later"), required=False,
            help_text=_("Nobody sees it unless you choose to share journal entries with "
                        "someone. You can change this at any time."),
        )
        self.fields["version"] = version_field()

    def show_conflict(self, conflict: Conflict) -> None:
        """Show the saved entry in words, beside what the person typed (still in the form)."""
        super().show_conflict(conflict)
        answers = conflict.current.get("answers") or {}
        rows = []
        for prompt in self.kind.prompts:
            if prompt.name in answers:
                value = answers[prompt.name]
                labels = dict(prompt.choices) if prompt.style != kinds.BODY else kinds.BODY_AREAS
                values = value if isinstance(value, list) else [value]
                rows.append((str(prompt.label),
                             ", ".join(str(labels.get(v, v)) for v in values)))
        rows.append((str(self.fields["tags"].label), ", ".join(conflict.current.get("tags", []))))
        self.conflict_rows = rows

    @staticmethod
    def _field_for(prompt: kinds.Prompt) -> forms.Field:
        common: dict[str, Any] = {"label": prompt.label, "required": False,
                                  "help_text": prompt.hint}
        if prompt.style == kinds.TEXT:
            return forms.CharField(max_length=MAX_LINE, **common)
        if prompt.style == kinds.LONG:
            return forms.CharField(max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 4}),
                                   **common)
        if prompt.style == kinds.SCALE:
            return forms.TypedChoiceField(choices=[("", _("No answer")), *SCALE_CHOICES],
                                          coerce=int, empty_value=None,
                                          widget=forms.RadioSelect, **common)
        if prompt.style == kinds.CHOICE:
            return forms.ChoiceField(choices=[("", _("No answer")), *prompt.choices],
                                     widget=forms.RadioSelect, **common)
        if prompt.style == kinds.PICKS:
            return forms.MultipleChoiceField(choices=prompt.choices,
                                             widget=forms.CheckboxSelectMultiple, **common)
        if prompt.style == kinds.BODY:
            return forms.MultipleChoiceField(choices=list(kinds.BODY_AREAS.items()),
                                             widget=forms.CheckboxSelectMultiple, **common)
        raise ValueError(prompt.style)

    def prompt_fields(self) -> list[dict[str, Any]]:
        """What the template needs for each prompt: the prompt, its field, body groups."""
        return [
            {"prompt": prompt, "field": self[prompt.name],
             "groups": self.body_groups(prompt.name) if prompt.style == kinds.BODY else None}
            for prompt in self.kind.prompts
        ]

    def body_groups(self, name: str) -> list[tuple[str, list[dict[str, Any]]]]:
        """The body-area checkboxes grouped by region, each with its checked state."""
        bound = self[name]
        chosen = {str(v) for v in (bound.value() or [])}
        groups = []
        for index, (region, areas) in enumerate(kinds.BODY_REGIONS):
            boxes = [{"id": f"{bound.auto_id}_{index}_{key}", "value": key, "label": label,
                      "checked": key in chosen} for key, label in areas]
            groups.append((str(region), boxes))
        return groups

    def clean_tags(self) -> list[str]:
        tags = parse_tags(self.cleaned_data.get("tags") or "")
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                _("Up to %(n)s tags fit on one entry.") % {"n": MAX_TAGS})
        return tags

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not self.answers() and not cleaned.get("tags"):
            raise forms.ValidationError(
                _("There is nothing to save yet. Write or choose anything you like, or "
                  "leave without saving."), code="empty")
        return cleaned

    def answers(self) -> dict[str, Any]:
        """The answers given, without blanks."""
        found: dict[str, Any] = {}
        for prompt in self.kind.prompts:
            value = self.cleaned_data.get(prompt.name)
            if isinstance(value, str):
                value = value.strip()
            if value in (None, "", []):
                continue
            found[prompt.name] = value
        return found

    @classmethod
    def initial_from(cls, answers: dict[str, Any], tags: list[str],
                     shareable: bool) -> dict[str, Any]:
        initial = {k: (str(v) if isinstance(v, int) else v) for k, v in answers.items()}
        initial["tags"] = ", ".join(tags)
        initial["shareable"] = shareable
        return initial

    @classmethod
    def initial_for(cls, entry: Any) -> dict[str, Any]:
        """The edit form's starting values for a stored entry, with its version."""
        initial = cls.initial_from(entry.answer_map, entry.tag_list, entry.shareable)
        initial["version"] = entry.version
        return initial


class SearchForm(CoveForm):
    # Sent by POST and never remembered by the browser (no autofill entry, no history).
    q = forms.CharField(label=_("Search your journal"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off",
                                                      "spellcheck": "false"}))
