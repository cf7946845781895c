"""Closed choices of the grounding exercises, declared once (see cove.core.choices)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.core import choices


class Feeling(models.TextChoices):
    """The answers to "how are you now?" after an exercise (the value is what is kept)."""

    CALMER = "calmer", _("A little calmer")
    SAME = "same", _("About the same")
    NOT_OKAY = "not-okay", _("Not okay right now")


choices.register("grounding.feeling", Feeling)
