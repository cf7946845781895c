"""Sharing areas: every sealed record belongs to exactly one.

An area has its own key, so granting it to a partner or clinician shares that area and
nothing else. `PRIVATE` is never offered for sharing.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

PRIVATE = "private"
SAFETY = "safety"
BOUNDARIES = "boundaries"
LADDER = "ladder"
JOURNAL_SHARED = "journal_shared"
JOURNAL = "journal"
MEASURES = "measures"
CHECKINS = "checkins"

LABELS = {
    PRIVATE: _("Only me"),
    SAFETY: _("Safety plan"),
    BOUNDARIES: _("Boundaries"),
    LADDER: _("Comfort ladder and practice"),
    JOURNAL: _("Journal (private entries)"),
    JOURNAL_SHARED: _("Journal entries marked shareable"),
    MEASURES: _("Questionnaires"),
    CHECKINS: _("Daily check-ins"),
}

ALL = tuple(LABELS)
SHAREABLE = tuple(area for area in ALL if area not in {PRIVATE, JOURNAL})


def is_known(area: str) -> bool:
    return area in LABELS
