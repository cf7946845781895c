"""The errors services raise about what a person sent, and how both front ends show them.

One type per kind of answer, never more:

- `InputError`: what was sent cannot be used. Services raise it with messages by field;
  the API answers 422 in the shape docs/api.md promises, and HTML views put the messages on
  the form with `cove.core.forms.submit()`, keeping everything the person typed.
- `Conflict`: the record changed somewhere else since it was read. The API answers 409
  with both versions; HTML views show both and keep the person's text.

Not found and "not yours" stay `Http404` (they must look the same).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The "field" for messages about the input as a whole.
WHOLE_INPUT = ""

INPUT_DETAIL = _("Some of what was sent could not be used.")
CONFLICT_DETAIL = _("This changed somewhere else since you opened it.")


def _as_messages(value: str | Promise | Iterable[str | Promise]) -> list[str]:
    if isinstance(value, str | Promise):
        return [str(value)]
    return [str(item) for item in value]


class InputError(Exception):
    """What a person sent cannot be used: messages by field name ("" for the whole input).

    A subclass may answer the API with another status than 422 and its own body (a wrong
    passphrase is 401/403, a throttled one 429 with Retry-After); HTML forms show every
    kind the same way, as messages on the form.
    """

    status: int = 422

    def __init__(
        self,
        errors: Mapping[str, str | Promise | Sequence[str | Promise]] | str | Promise,
        *,
        field: str = WHOLE_INPUT,
    ) -> None:
        if isinstance(errors, str | Promise):
            errors = {field: [errors]}
        self.errors: dict[str, list[str]] = {
            name: _as_messages(messages) for name, messages in errors.items()
        }
        super().__init__(self.first_message)

    @property
    def first_message(self) -> str:
        for messages in self.errors.values():
            if messages:
                return messages[0]
        return str(INPUT_DETAIL)

    @property
    def messages(self) -> list[str]:
        return [message for messages in self.errors.values() for message in messages]

    @classmethod
    def from_validation_error(cls, exc: ValidationError) -> InputError:
        """Convert Django's ValidationError (from validators and model checks)."""
        if hasattr(exc, "error_dict"):
            return cls(
                {
                    (WHOLE_INPUT if name == NON_FIELD_ERRORS else name): list(messages)
                    for name, messages in exc.message_dict.items()
                }
            )
        return cls({WHOLE_INPUT: list(exc.messages)})

    def headers(self) -> dict[str, str]:
        """Extra response headers for the API answer."""
        return {}

    def api_body(self) -> dict[str, Any]:
        """The 422 body, the same shape django-ninja gives for schema errors (docs/api.md).

        {"detail", "errors": [{"loc": ["body", "payload", field], "msg", "type"}]}: every
        operation names its body parameter `payload`. A dotted field name ("answers.mood")
        is a place inside the payload: ["body", "payload", "answers", "mood"].
        """
        return {
            "detail": str(INPUT_DETAIL),
            "errors": [
                {"loc": ["body", "payload", *name.split(".")] if name else ["body", "payload"],
                 "msg": message, "type": "invalid"}
                for name, messages in self.errors.items()
                for message in messages
            ],
        }


class Conflict(Exception):
    """A write was based on a version of a record that is no longer the latest.

    `current` is what is stored now (already opened for the person), `yours` is what they
    tried to save, `version` is the current version number to send back with a retry.
    """

    def __init__(self, *, current: Mapping[str, Any], yours: Mapping[str, Any], version: int) -> None:
        super().__init__(str(CONFLICT_DETAIL))
        self.current = dict(current)
        self.yours = dict(yours)
        self.version = version

    def api_body(self) -> dict[str, Any]:
        return {
            "detail": str(CONFLICT_DETAIL),
            "version": self.version,
            "current": self.current,
            "yours": self.yours,
        }
