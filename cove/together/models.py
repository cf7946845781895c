"""What two linked partners keep together, and what each keeps for themselves.

Records both may read are `LinkRecord`s (cove.partners.public): sealed under the link key,
written by either member (`owner` is the writer), deleted with the link when either
person unlinks. Records only one person may read are ordinary `SealedRecord`s under that
person's own key (area PRIVATE): a starter's wish answers, a private debrief, the private
parts of a check-in. Nothing here is ever part of an area grant.

Plain columns, each with its reason in `plain_fields`, carry no content: which step a
round, a practice or a suggested change is at, and when. See docs/security.md, "Partners
together".
"""

from __future__ import annotations

from typing import Any

from django.db import models

from cove.partners.public import Link, LinkRecord
from cove.together.choices import ChangeStatus, PracticeState, RoundState
from cove.vault import areas
from cove.vault.fields import SealedJSONField, SealedTextField
from cove.vault.records import SealedRecord


class Agreement(LinkRecord):
    """The terms two partners agreed: one per link (see rules.empty_terms)."""

    terms: Any = SealedJSONField(plain_default={})

    class Meta:
        constraints = [models.UniqueConstraint(fields=["link"], name="one_agreement_per_link")]


class AgreementChange(LinkRecord):
    """One suggested change and what became of it: the agreement's history."""

    changes: Any = SealedJSONField(plain_default={})  # {topic: new value}
    status = models.CharField(max_length=16, choices=ChangeStatus.choices)
    decided_at = models.DateTimeField(null=True, blank=True)

    plain_fields = {
        "status": "which suggestion still waits, found without opening the whole history",
    }

    class Meta:
        ordering = ("-created_at",)


class WishRound(LinkRecord):
    """One round of discovering wishes. `owner` is the starter, who sees the overlap first."""

    state = models.CharField(max_length=8, choices=RoundState.choices,
                             default=RoundState.OPEN)
    cooldown_days = models.PositiveSmallIntegerField(default=14)
    closed_at = models.DateTimeField(null=True, blank=True)
    # [[wish key, overlap label], …] the starter chose to share; written when it ends.
    released: Any = SealedJSONField(plain_default=[])

    plain_fields = {
        "state": "whether answers are still taken; says nothing about any answer",
        "cooldown_days": "the wait the starter chose before a next round may begin",
    }


class StarterAnswers(SealedRecord):
    """The starter's answers for one round, under the starter's own key only.

    `codes` is rules.encode_answers(): fixed length, "-" for no, not now and unanswered.
    Deleted when the round ends, so no history of answers exists.
    """

    sharing_area = areas.PRIVATE
    round = models.ForeignKey(WishRound, on_delete=models.CASCADE, related_name="+")
    codes: Any = SealedTextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "owner"],
                                               name="one_starter_answer_set")]


class PartnerAnswers(LinkRecord):
    """The other member's answers for one round (same encoding), deleted when it ends."""

    round = models.ForeignKey(WishRound, on_delete=models.CASCADE, related_name="+")
    codes: Any = SealedTextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "owner"],
                                               name="one_partner_answer_set")]


class SharedPractice(LinkRecord):
    """A ladder step practised together. `owner` is the person whose step it is."""

    state = models.CharField(max_length=8, choices=PracticeState.choices,
                             default=PracticeState.ACTIVE)
    step_title: Any = SealedTextField()
    minutes: Any = SealedJSONField()  # int or None
    aftercare_done: Any = SealedJSONField(plain_default=[])  # checklist items ticked

    plain_fields = {
        "state": "polled every second by both screens so a pause shows at once; no content",
    }


class Debrief(SealedRecord):
    """A private debrief after a shared practice, under the writer's own key."""

    sharing_area = areas.PRIVATE
    practice = models.ForeignKey(SharedPractice, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    step_title: Any = SealedTextField()
    text: Any = SealedTextField()

    class Meta:
        ordering = ("-created_at",)


class PracticeNote(LinkRecord):
    """The part of a debrief its writer chose to share with their partner."""

    practice = models.ForeignKey(SharedPractice, on_delete=models.CASCADE, related_name="+")
    text: Any = SealedTextField()

    class Meta:
        ordering = ("created_at",)


class CheckIn(SealedRecord):
    """The parts of a weekly check-in its writer kept to themselves."""

    sharing_area = areas.PRIVATE
    link = models.ForeignKey(Link, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    parts: Any = SealedJSONField(plain_default={})  # {CheckInPart: text}

    class Meta:
        ordering = ("-created_at",)


class SharedCheckIn(LinkRecord):
    """The parts of a weekly check-in its writer chose to share."""

    parts: Any = SealedJSONField(plain_default={})

    class Meta:
        ordering = ("-created_at",)


class Note(LinkRecord):
    """A line on the shared gratitude list, or a small win to celebrate together."""

    kind: Any = SealedTextField()  # NoteKind
    text: Any = SealedTextField()

    class Meta:
        ordering = ("-created_at",)
