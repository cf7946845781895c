"""Closed choices of the help pages, declared once (see cove.core.choices)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.core import choices


class Topic(models.TextChoices):
    """What a support line is for. Every listed country has at least one line for each."""

    SUICIDE = "suicide", _("If you are thinking about suicide or are in crisis")
    SEXUAL_VIOLENCE = "sexual_violence", _("After sexual violence, recent or long ago")
    DOMESTIC_VIOLENCE = "domestic_violence", _("If a partner or someone at home is hurting you")


choices.register("help.topic", Topic)
