"""The first-session prep sheet: what a person may want a new professional to know."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cove.safety.parts import Part

QUESTIONS: tuple[Part, ...] = (
    Part("help_with", _("What I want help with"),
         _("In your own words. A few notes is enough."),
         (_("Feeling safe with closeness again"), _("Panic when I am touched"),
          _("Talking with my partner"))),
    Part("unsafe", _("What makes me feel unsafe"),
         _("Things to avoid or to ask about first, in the room or in how they talk to you."),
         (_("A closed door"), _("Sudden questions about details"),
          _("Being touched without asking"))),
    Part("know", _("What I want them to know"),
         _("Anything you want to say early on, or want to say only later."),
         (_("I may go quiet when I am overwhelmed"), _("I want to go slowly"))),
    Part("practical", _("Practical needs"),
         _("Times, access, cost, the gender of the person you see, a support person with you."),
         (_("Evening sessions"), _("Step-free access"), _("I want to bring a friend"))),
    Part("questions", _("Questions I want to ask"),
         _("You can copy some from the list of questions to ask a provider."),
         (_("How do you work with trauma?"), _("What happens if I want to stop?"))),
)
PREP_KEYS: tuple[str, ...] = tuple(q.key for q in QUESTIONS)
