"""Sample journal entries for the demo survivor account (`cove demo`)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from cove.journal import services
from cove.journal.models import JournalEntry

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

SAMPLES: tuple[tuple[int, str, dict[str, Any], list[str], bool], ...] = (
    (20, "free", {"body": "Quiet Sunday. I read on the couch and felt settled for a while."},
     ["rest"], False),
    (17, "body", {"areas": ["shoulders", "jaw"], "warmth": "neutral", "pressure": "medium",
                  "texture": "tight, a bit buzzy", "calm": 6,
                  "notes": "My shoulders softened after a few slow breaths."}, ["body"], False),
    (14, "moment", {"what_happened": "A scene in a film caught me off guard.",
                    "context": ["home", "screen"], "body_felt": "My chest went tight.",
                    "what_i_did": "Paused the film and went to the kitchen.",
                    "tried": ["breathing", "moving_away", "water"],
                    "helped": ["breathing", "moving_away"], "how_much": 7}, ["evening"], False),
    (12, "win", {"what": "I told my partner I wanted to stop, and we stopped.",
                 "meaning": "My no was heard."}, ["voice"], True),
    (9, "story", {"absorbed": "Closeness means you always say yes.",
                  "letting_go": "The idea that I owe anyone my body.",
                  "fits_me": "Yes, maybe and not today are all real answers."}, [], False),
    (7, "moment", {"what_happened": "Someone stood very close on the bus.",
                   "context": ["out"], "tried": ["breathing", "grounding"],
                   "helped": ["grounding"], "how_much": 5}, [], False),
    (5, "thought", {"thought": "I should be past this by now.",
                    "friend": "There is no deadline for healing.",
                    "fairer": "I am moving at the pace that keeps me safe."}, [], False),
    (3, "terms", {"looks_like": "Slow mornings, holding hands, lots of talking.",
                  "feel": "Unhurried and safe.", "leave_out": "Surprises, for now."}, [], False),
    (1, "win", {"what": "Held hands on a walk for ten minutes and enjoyed it."}, ["walk"],
     False),
)


def populate(vault: Vault, role: str) -> None:
    if role != "survivor":
        return
    now = timezone.now()
    for days_ago, kind, answers, tags, shareable in SAMPLES:
        entry = services.write_entry(vault, kind, answers, tags, shareable)
        JournalEntry.objects.filter(pk=entry.pk).update(
            created_at=now - timedelta(days=days_ago, hours=3))
