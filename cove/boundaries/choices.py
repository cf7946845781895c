"""Closed choices of the boundaries tools, declared once (see cove.core.choices).

The catalogue (catalogue.py) builds its groups, moments and labels from these classes, the
forms offer `Class.choices`, and the API schemas use the classes as field types.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.core import choices


class BoundaryState(models.TextChoices):
    """An answer to a boundary item, in the order shown; "" is "not sure yet"."""

    YES = "yes", _("Yes")
    MAYBE = "maybe", _("Maybe")
    NOT_NOW = "not_now", _("Not now")
    NO = "no", _("No")
    NOT_SURE = "", _("Not sure yet")


class WishAnswer(models.TextChoices):
    """An answer to a wish or curiosity; "" is "not sure yet"."""

    YES = "yes", _("Yes")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("No")
    NOT_SURE = "", _("Not sure yet")


class Zone(models.TextChoices):
    """Where a situation sits on the person's map."""

    MANAGEABLE = "manageable", _("Manageable now")
    NEEDS_PLAN = "plan", _("Needs a boundary or plan")
    AVOID = "avoid", _("Avoid for now")


class Category(models.TextChoices):
    """The groups of the boundaries inventory. Slugs appear in URLs: neutral words."""

    TALK = "talk", _("Closeness and talk")
    TOUCH = "touch", _("Everyday touch")
    AREAS = "areas", _("Where touch feels okay")
    GENTLE = "gentle", _("Sensual touch")
    MORE = "more", _("Sexual activities")
    WORDS = "words", _("Words")
    SETTING = "setting", _("Setting")
    START = "start", _("How things start")
    AFTER = "after", _("Afterwards")


class Moment(models.TextChoices):
    """When a consent phrase might be said. Slugs appear in URLs: neutral words."""

    ASKING = "asking", _("Before: asking")
    OFFERING = "offering", _("Before: offering")
    BEFORE_CHECK = "before_check", _("Before: checking in")
    DURING_CHECK = "during_check", _("During: checking in")
    SLOWING = "slowing", _("During: slowing down")
    PAUSING = "pausing", _("During: pausing")
    STOPPING = "stopping", _("During: stopping")
    DEBRIEF = "debrief", _("After: talking it over")
    REASSURE = "reassure", _("After: reassurance")
    NO = "no", _("Saying no")
    NOT_TODAY = "not_today", _("Not today")


class ReviewCadence(models.IntegerChoices):
    """How often, in days, a look over the boundaries is offered; 0 is never."""

    NEVER = 0, _("Never ask me")
    TWO_WEEKS = 14, _("Every two weeks")
    MONTH = 30, _("About once a month")
    THREE_MONTHS = 90, _("Every three months")
    SIX_MONTHS = 182, _("Every six months")


choices.register("boundaries.state", BoundaryState)
choices.register("boundaries.wish_answer", WishAnswer)
choices.register("boundaries.zone", Zone)
choices.register("boundaries.category", Category)
choices.register("boundaries.moment", Moment)
choices.register("boundaries.cadence_days", ReviewCadence)
