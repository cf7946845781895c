"""A person's safety plan (every saved version kept), comfort box and first-session notes."""

from __future__ import annotations

from django.db import models

from cove.vault import areas
from cove.vault.fields import SealedJSONField, SealedTextField
from cove.vault.records import SealedRecord


class SafetyPlanVersion(SealedRecord):
    """One saved version of the plan. A save adds a row, so earlier versions stay readable."""

    sharing_area = areas.SAFETY
    # {part key: text}; keys from cove.safety.parts.PLAN_KEYS.
    parts = SealedJSONField(plain_default={})

    class Meta:
        ordering = ("-created_at",)
        indexes = (models.Index(fields=("owner", "-created_at"), name="plan_owner_created"),)


class ComfortBox(SealedRecord):
    """The person's own soothing things and their reset ritual (one row per person)."""

    sharing_area = areas.SAFETY
    # {category key: text}; keys from cove.safety.parts.COMFORT_KEYS.
    items = SealedJSONField(plain_default={})
    reset_ritual = SealedTextField()


class SessionPrep(SealedRecord):
    """Notes to take to a first session with a new professional (one row per person)."""

    sharing_area = areas.PRIVATE
    # {question key: text}; keys from cove.safety.prep.QUESTIONS.
    answers = SealedJSONField(plain_default={})
