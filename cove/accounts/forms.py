from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cove.accounts import presence
from cove.accounts.passphrase import MAX_LENGTH, MIN_LENGTH
from cove.core.forms import CoveForm, PassphraseInput


class SignUpForm(CoveForm):
    username = forms.CharField(
        label=_("Username"),
        max_length=40,
        help_text=_("Any name you like. It does not need to be your real name."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none",
                                      "spellcheck": "false"}),
    )
    passphrase = forms.CharField(
        label=_("Passphrase"),
        max_length=MAX_LENGTH,
        strip=False,
        help_text=_("At least %(min)d characters. A few words you can remember work well. "
                    "Pasting is fine.") % {"min": MIN_LENGTH},
        widget=PassphraseInput(autocomplete="new-password"),
    )
    passphrase_again = forms.CharField(
        label=_("Passphrase again"),
        max_length=MAX_LENGTH,
        strip=False,
        widget=PassphraseInput(autocomplete="new-password"),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("passphrase") and data.get("passphrase") != data.get("passphrase_again"):
            self.add_error("passphrase_again", _("The two passphrases are not the same."))
        return data


class SignInForm(CoveForm):
    username = forms.CharField(
        label=_("Username"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none",
                                      "spellcheck": "false"}),
    )
    passphrase = forms.CharField(
        label=_("Passphrase"), max_length=MAX_LENGTH, strip=False, widget=PassphraseInput()
    )


class PassphraseCheckForm(CoveForm):
    passphrase = forms.CharField(
        label=_("Your passphrase"), max_length=MAX_LENGTH, strip=False, widget=PassphraseInput()
    )


class ChangePassphraseForm(CoveForm):
    current = forms.CharField(
        label=_("Your passphrase now"), max_length=MAX_LENGTH, strip=False,
        widget=PassphraseInput(),
    )
    new = forms.CharField(
        label=_("New passphrase"), max_length=MAX_LENGTH, strip=False,
        help_text=_("At least %(min)d characters.") % {"min": MIN_LENGTH},
        widget=PassphraseInput(autocomplete="new-password"),
    )
    new_again = forms.CharField(
        label=_("New passphrase again"), max_length=MAX_LENGTH, strip=False,
        widget=PassphraseInput(autocomplete="new-password"),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("new") and data.get("new") != data.get("new_again"):
            self.add_error("new_again", _("The two new passphrases are not the same."))
        return data


class RecoverForm(CoveForm):
    username = forms.CharField(
        label=_("Username"), max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    recovery_code = forms.CharField(
        label=_("Recovery code"), max_length=80,
        help_text=_("The code you were given when you made your account. Dashes and spaces "
                    "do not matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false"}),
    )
    new = forms.CharField(
        label=_("New passphrase"), max_length=MAX_LENGTH, strip=False,
        help_text=_("At least %(min)d characters.") % {"min": MIN_LENGTH},
        widget=PassphraseInput(autocomplete="new-password"),
    )


class IdleTimeoutForm(CoveForm):
    # Empty means the site's default (COVE_IDLE_TIMEOUT_MINUTES); the others are shorter.
    minutes = forms.TypedChoiceField(
        label=_("When I have been away, lock my things"),
        help_text=_("Locking keeps what you wrote safe. To open it again, you enter your "
                    "passphrase. Anything you were writing stays on the page."),
        choices=(), coerce=int, empty_value=None, required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["minutes"].choices = presence.idle_choices()  # type: ignore[attr-defined]


class EmailForm(CoveForm):
    email = forms.EmailField(
        label=_("Email for reminders"),
        required=False,
        help_text=_("Only for reminders you turn on. It is never used to sign in. "
                    "Leave it empty to remove it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class DeleteAccountForm(PassphraseCheckForm):
    confirm = forms.BooleanField(
        label=_("I understand that everything will be erased and cannot be brought back."),
    )
