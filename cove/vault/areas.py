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
# One area per part a person may show a linked partner (cove.partners.sharing). Each holds
# only that part's published snapshot, so a partner given the pause plan reads nothing else.
PARTNER_BOUNDARIES = "partner_boundaries"
PARTNER_PAUSE = "partner_pause"
PARTNER_AFTERCARE = "partner_aftercare"
PARTNER_COMFORT = "partner_comfort"
PARTNER_LADDER = "partner_ladder"
PARTNER_SAFETY = "partner_safety"

LABELS = {
    PRIVATE: _("Only me"),
    SAFETY: _("Safety plan"),
    BOUNDARIES: _("Boundaries"),
    LADDER: _("Comfort ladder and practice"),
    JOURNAL: _("Journal (private entries)"),
    JOURNAL_SHARED: _("Journal entries marked shareable"),
    MEASURES: _("Questionnaires"),
    CHECKINS: _("Daily check-ins"),
    PARTNER_BOUNDARIES: _("Boundaries shown to a partner"),
    PARTNER_PAUSE: _("Pause plan shown to a partner"),
    PARTNER_AFTERCARE: _("Aftercare shown to a partner"),
    PARTNER_COMFORT: _("Comfort list shown to a partner"),
    PARTNER_LADDER: _("Steps shown to a partner"),
    PARTNER_SAFETY: _("Safety plan parts shown to a partner"),
}

ALL = tuple(LABELS)
# Partner areas are granted only to a linked partner, by the partners app.
PARTNER = (PARTNER_BOUNDARIES, PARTNER_PAUSE, PARTNER_AFTERCARE, PARTNER_COMFORT,
           PARTNER_LADDER, PARTNER_SAFETY)
# Areas a person may grant as a whole (to a clinician, through the sharing API).
SHAREABLE = tuple(area for area in ALL if area not in {PRIVATE, JOURNAL, *PARTNER})
# Every area a Grant may name.
GRANTABLE = SHAREABLE + PARTNER


def is_known(area: str) -> bool:
    return area in LABELS
