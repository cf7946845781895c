"""Closed choices of the together app, declared once (see cove.core.choices)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.core import choices


class AgreementTopic(models.TextChoices):
    """The parts of a shared agreement."""

    STOP_WORDS = "stop_words", _("Stop words")
    SIGNALS = "signals", _("Signals without words")
    AFTERCARE = "aftercare", _("Aftercare checklist")
    LIMITS = "limits", _("What we leave out for now")
    SESSION_MINUTES = "session_minutes", _("Longest time together in one go")
    AFTER_PAUSE = "after_pause", _("What we do after a pause")


class ChangeStatus(models.TextChoices):
    """Where a suggested change to an agreement stands."""

    WAITING = "waiting", _("Waiting for the other person")
    ACCEPTED = "accepted", _("Agreed")
    AT_ONCE = "at_once", _("Safer, so it counted at once")
    REPLACED = "replaced", _("Changed or replaced")
    SET_ASIDE = "set_aside", _("Set aside")


class PartnerWishAnswer(models.TextChoices):
    """A private answer about one wish. Only yes and curious can ever be matched."""

    YES = "yes", _("Yes")
    CURIOUS = "curious", _("Curious")
    NOT_NOW = "not_now", _("Not now")
    NO = "no", _("No")


class Overlap(models.TextChoices):
    """How a shared wish is labelled once released."""

    BOTH_YES = "both_yes", _("Both yes")
    BOTH_CURIOUS = "both_curious", _("Both curious")


class RoundState(models.TextChoices):
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Ended")


class PracticeState(models.TextChoices):
    ACTIVE = "active", _("Practising")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


class NoteKind(models.TextChoices):
    THANKS = "thanks", _("Thank you")
    WIN = "win", _("Small win")


class CheckInPart(models.TextChoices):
    """The four prompts of the weekly trust check-in."""

    FELT_GOOD = "felt_good", _("What felt good this week")
    BOUNDARY = "boundary", _("A boundary to honour or update")
    NEED = "need", _("One thing I need")
    APPRECIATION = "appreciation", _("One thing I appreciate about you")


choices.register("together.topic", AgreementTopic)
choices.register("together.change_status", ChangeStatus)
choices.register("together.wish_answer", PartnerWishAnswer)
choices.register("together.overlap", Overlap)
choices.register("together.round_state", RoundState)
choices.register("together.practice_state", PracticeState)
choices.register("together.note_kind", NoteKind)
choices.register("together.checkin_part", CheckInPart)
