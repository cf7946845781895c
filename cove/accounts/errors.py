"""How a refused passphrase or a throttled attempt is reported: InputErrors with their own API status."""

from __future__ import annotations

from typing import Any

from django.utils.translation import ngettext

from cove.core.errors import WHOLE_INPUT, InputError


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
