"""Stored questionnaire responses: everything but the id, owner and times is sealed."""

from __future__ import annotations

from typing import Any, cast

from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.vault import areas
from cove.vault.fields import SealedJSONField, SealedTextField
from cove.vault.records import SealedRecord


class MeasureResponse(SealedRecord):
    """One completed questionnaire. Even which questionnaire it was stays sealed: the
    instrument alone (a trauma checklist) says something sensitive about the person."""

    sharing_area = areas.MEASURES

    instrument = SealedTextField(_("questionnaire"))
    answers = SealedJSONField(_("answers"), plain_default=[])
    extras = SealedJSONField(_("unscored answers"), plain_default={})
    # Padded to one size for every instrument: the result's shape (clusters, change) would
    # otherwise tell a PCL-5 from a PHQ-9 by length.
    result = SealedJSONField(_("result"), plain_default={}, pad_minimum=1024)

    class Meta:
        verbose_name = _("questionnaire answer")
        verbose_name_plural = _("questionnaire answers")
        indexes = (models.Index(fields=("owner", "-created_at"), name="measure_owner_created"),)

    # Typed views of the sealed values (type checkers see the stored bytes otherwise).
    @property
    def instrument_id(self) -> str:
        return cast(str, self.instrument)

    @property
    def answer_list(self) -> list[int]:
        return list(cast(list[int], self.answers))

    @property
    def extra_answers(self) -> dict[str, int]:
        return dict(cast(dict[str, int], self.extras or {}))

    @property
    def stored_result(self) -> dict[str, Any]:
        return dict(cast(dict[str, Any], self.result or {}))
