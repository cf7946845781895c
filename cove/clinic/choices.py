"""The closed sets of the clinician third, registered for GET /api/v1/choices."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.core.choices import register


class HomeworkKind(models.TextChoices):
    LADDER_STEP = "ladder_step", _("A step on the comfort ladder")
    GROUNDING = "grounding", _("A grounding exercise")
    JOURNAL_PROMPT = "journal_prompt", _("Something to write about")
    QUESTIONNAIRE = "questionnaire", _("A questionnaire")
    LEARN = "learn", _("Something to read")


class HomeworkAnswer(models.TextChoices):
    ACCEPTED = "accepted", _("I will try it")
    CHANGED = "changed", _("I will try my own version")
    DECLINED = "declined", _("Not for me right now")


class ShareEnd(models.TextChoices):
    NONE = "none", _("Until I stop it")
    DATE = "date", _("Until a date")
    AFTER_SESSION = "after_session", _("Until after my next session")


class Flag(models.TextChoices):
    PHQ9_ITEM9 = "phq9_item9", _("Item 9 above 0 on my last PHQ-9")
    RELIABLE_RISE = "reliable_rise", _("A reliable rise on my last questionnaire")


class BriefPart(models.TextChoices):
    HAPPENED = "happened", _("What happened since last time")
    TALK_ABOUT = "talk_about", _("What I want to talk about")
    NOT_READY = "not_ready", _("What I am not ready to talk about today")
    QUESTIONS = "questions", _("My questions")


register("clinic.homework_kind", HomeworkKind)
register("clinic.homework_answer", HomeworkAnswer)
register("clinic.share_end", ShareEnd)
register("clinic.flag", Flag)
register("clinic.brief_part", BriefPart)
