"""How a refused passphrase or a throttled attempt is reported: InputErrors with their own API status.

A busy server (too many sign-ins at once) is `cove.vault.kdf.SignInsBusy`, answered the
same way by `waiting()`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import ngettext

from cove.core.errors import WHOLE_INPUT, InputError
from cove.core.forms import CoveForm
from cove.vault.kdf import SignInsBusy


class PassphraseRefused(InputError):
    """The passphrase or recovery code was not right (API: 403, or 401 at sign-in)."""

    def __init__(self, message: str, *, field: str = "passphrase", status: int = 403) -> None:
        super().__init__({field: [message]})
        self.status = status

    def api_body(self) -> dict[str, Any]:
        return {"detail": self.first_message}


class Throttled(InputError):
    """Too many recent wrong tries: wait before the next one is checked (API: 429)."""

    status = 429

    def __init__(self, seconds: int, field: str = WHOLE_INPUT) -> None:
        self.seconds = seconds
        super().__init__(
            {field: [ngettext("Please wait %(seconds)d second, then try again.",
                              "Please wait %(seconds)d seconds, then try again.", seconds)
                     % {"seconds": seconds}]}
        )

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.seconds)}

    def api_body(self) -> dict[str, Any]:
        return {"detail": self.first_message}


def waiting(response: HttpResponse, form: CoveForm) -> HttpResponse:
    """A form page that refused an attempt because the person must wait: answer with that
    status (429 throttled, 503 many sign-ins at once) and its Retry-After."""
    error = form.input_error
    if isinstance(error, Throttled | SignInsBusy):
        response.status_code = error.status
        for header, value in error.headers().items():
            response[header] = value
    return response
