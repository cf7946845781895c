"""What a signed-in person chose to keep after an exercise ("how are you now?")."""

from __future__ import annotations

from cove.vault import areas
from cove.vault.fields import SealedTextField
from cove.vault.records import SealedRecord


class FeelingAfterExercise(SealedRecord):
    """Kept only when the person ticks "keep this answer"; otherwise nothing is stored."""

    sharing_area = areas.PRIVATE
    exercise = SealedTextField()  # an exercise slug from cove.grounding.exercises
    feeling = SealedTextField()  # a key from cove.grounding.exercises.FEELINGS
