"""Closed choices of the questionnaires, declared once (see cove.core.choices)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.core import choices


class Band(models.TextChoices):
    """Severity bands the questionnaires' authors publish (values are what the API returns).

    PHQ-9: Kroenke, Spitzer & Williams 2001; GAD-7: Spitzer et al. 2006. An instrument file
    may use only these names, so every band has a plain label for people.
    """

    NONE_MINIMAL = "none-minimal", _("none to minimal")
    MINIMAL = "minimal", _("minimal")
    MILD = "mild", _("mild")
    MODERATE = "moderate", _("moderate")
    MODERATELY_SEVERE = "moderately severe", _("moderately severe")
    SEVERE = "severe", _("severe")


choices.register("measures.band", Band)
