"""Starting points for a new ladder, written for Cove. Each is fully editable once chosen.

The sensate-focus-style ladder follows the stages as commonly taught (Masters & Johnson;
Weiner & Avery-Clark 2014, 2017) with the survivor adaptations described by
Gewirtz-Meydan (2025): map safe and off-limits zones first, touch only chosen zones,
pause for body checks. See docs/ladder.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class StarterStep:
    title: Any
    with_whom: str
    minutes: int
    expected_distress: int
    notes: Any = ""


@dataclass(frozen=True)
class Starter:
    key: str
    title: Any
    about: Any
    steps: tuple[StarterStep, ...]


A, P = "alone", "partner"

STARTERS: tuple[Starter, ...] = (
    Starter(
        "closeness",
        _("Closeness without sex"),
        _("Being near someone you trust, one small step at a time."),
        (
            StarterStep(_("Talk about our day, sitting across the room"), P, 15, 10),
            StarterStep(_("Sit side by side on the sofa"), P, 10, 20),
            StarterStep(_("Hold hands while we watch something"), P, 10, 30),
            StarterStep(_("A long hug, and either of us can let go"), P, 2, 40),
            StarterStep(_("Lie side by side, fully dressed"), P, 10, 50),
            StarterStep(_("Fall asleep near each other"), P, 20, 60),
        ),
    ),
    Starter(
        "own-body",
        _("Feeling at home in my own body"),
        _("Gentle time with your own body, on your own, with no goal."),
        (
            StarterStep(_("Breathe slowly with a hand on my chest"), A, 5, 10),
            StarterStep(_("Notice textures: a soft blanket, a smooth stone"), A, 5, 10),
            StarterStep(_("Warm and cool: hold a warm mug, then a cool glass"), A, 5, 15),
            StarterStep(_("Rub lotion into my hands and arms, slowly"), A, 10, 25),
            StarterStep(_("Look at my body in a mirror for a short time"), A, 3, 45),
            StarterStep(_("Gentle touch for comfort on parts I choose"), A, 10, 40),
        ),
    ),
    Starter(
        "touch-stages",
        _("Touch in stages, at my pace"),
        _("Turn-taking touch for your own interest: notice warmth, pressure and texture. "
          "Not to please anyone and not to get aroused. Either of you can stop at any time."),
        (
            StarterStep(_("Make a map of my body: safe zones, maybe zones, off-limits zones"),
                        A, 15, 20, _("Only I decide the zones. I can change them any time.")),
            StarterStep(_("Share my map with my partner and agree on a stop word"), P, 15, 30),
            StarterStep(_("Take turns touching hands and arms only"), P, 15, 35,
                        _("Pause every few minutes for a body check: where am I, what do I feel?")),
            StarterStep(_("Take turns touching back and shoulders, clothes on"), P, 15, 45,
                        _("No sex and no goal in this step.")),
            StarterStep(_("Touch any of my chosen safe zones, with me guiding"), P, 15, 50,
                        _("My hand can rest on my partner's hand to show pace and pressure.")),
            StarterStep(_("Include more zones I have chosen, without focusing on them"), P, 15, 60,
                        _("Only if we both want this. Body-check pauses stay.")),
            StarterStep(_("Touch each other at the same time, then talk about it"), P, 20, 65,
                        _("More only if both of us want it, on another day.")),
        ),
    ),
    Starter(
        "partnered",
        _("Practising together, with check-ins"),
        _("Closeness with a partner where you both check in often and both can pause."),
        (
            StarterStep(_("Agree on a stop word, a sign without words, and aftercare"), P, 15, 15),
            StarterStep(_("Kiss on the cheek, then check in"), P, 2, 30),
            StarterStep(_("Cuddle with a check-in every few minutes"), P, 10, 40),
            StarterStep(_("Kiss, and say one thing that felt OK"), P, 5, 50),
            StarterStep(_("Undress partly, lie close, check in"), P, 10, 65),
        ),
    ),
    Starter("blank", _("A blank ladder"), _("Start from nothing and write your own steps."), ()),
)

BY_KEY = {starter.key: starter for starter in STARTERS}
