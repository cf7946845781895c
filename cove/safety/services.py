"""Actions and reads for the safety plan, the comfort box and the first-session sheet."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from cove.safety.models import ComfortBox, SafetyPlanVersion, SessionPrep
from cove.safety.parts import ALL_PLAN_PARTS, COMFORT_PARTS, PLAN_KEYS, RESET_RITUAL, Part
from cove.safety.prep import QUESTIONS
from cove.vault.keyring import Vault


def vault_of(request: HttpRequest) -> Vault:
    """The unlocked vault the signed-in policy guarantees for this request."""
    vault = getattr(request, "vault", None)
    if vault is None:  # the policy decorators make this unreachable
        raise PermissionDenied
    return vault


def _opened(value: Any) -> dict[str, Any]:
    """A sealed JSON value, opened (django-stubs sees sealed fields as bytes)."""
    return value if isinstance(value, dict) else {}


def opened_text(value: Any) -> str:
    """A sealed text value, opened."""
    return value if isinstance(value, str) else ""


class PlanInputError(ValueError):
    """Something sent for the plan could not be used; `errors` maps part keys to messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


def clean_parts(parts_def: tuple[Part, ...], values: Mapping[str, Any]) -> dict[str, str]:
    """Known keys only, text only, within length; trimmed. Raises PlanInputError."""
    known = {part.key: part for part in parts_def}
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, str] = {}
    for key, value in values.items():
        part = known.get(key)
        if part is None:
            errors.setdefault(key, []).append("This is not a part Cove knows.")
            continue
        if value is None:
            value = ""
        if not isinstance(value, str):
            errors.setdefault(key, []).append("Please send text here.")
            continue
        value = value.replace("\r\n", "\n").strip()
        if len(value) > part.max_length:
            errors.setdefault(key, []).append(
                f"Please keep this to {part.max_length} characters or fewer."
            )
            continue
        cleaned[key] = value
    if errors:
        raise PlanInputError(errors)
    return {part.key: cleaned.get(part.key, "") for part in parts_def}


# --- Safety plan --------------------------------------------------------------------------

def current_plan(vault: Vault) -> SafetyPlanVersion | None:
    return SafetyPlanVersion.objects.owned_by(vault).order_by("-created_at").first()


def plan_parts(plan: SafetyPlanVersion | None) -> dict[str, str]:
    """Every part key with its text ('' where the person wrote nothing)."""
    stored = _opened(plan.parts) if plan is not None else {}
    return {key: str(stored.get(key, "") or "") for key in PLAN_KEYS}


def save_plan(vault: Vault, parts: Mapping[str, Any]) -> SafetyPlanVersion:
    """Keep a new version of the plan; an unchanged plan adds no version."""
    cleaned = clean_parts(ALL_PLAN_PARTS, parts)
    latest = current_plan(vault)
    if latest is not None and plan_parts(latest) == cleaned:
        return latest
    version = SafetyPlanVersion(vault=vault, parts=cleaned)  # type: ignore[misc]
    version.save()
    return version


def plan_versions(vault: Vault) -> QuerySet[SafetyPlanVersion]:
    """Every saved version, newest first; only dates are read until one is opened."""
    return SafetyPlanVersion.objects.owned_by(vault).order_by("-created_at").only(
        "id", "owner", "created_at"
    )


# --- Comfort box --------------------------------------------------------------------------

def comfort_box(vault: Vault) -> ComfortBox | None:
    return ComfortBox.objects.owned_by(vault).order_by("-created_at").first()


def comfort_items(box: ComfortBox | None) -> dict[str, str]:
    stored = _opened(box.items) if box is not None else {}
    return {part.key: str(stored.get(part.key, "") or "") for part in COMFORT_PARTS}


def save_comfort_box(vault: Vault, items: Mapping[str, Any], reset_ritual: Any) -> ComfortBox:
    cleaned = clean_parts(COMFORT_PARTS, items)
    ritual = clean_parts((RESET_RITUAL,), {RESET_RITUAL.key: reset_ritual})[RESET_RITUAL.key]
    box = comfort_box(vault)
    if box is None:
        box = ComfortBox(vault=vault, items=cleaned, reset_ritual=ritual)  # type: ignore[misc]
        box.save()
    else:
        box.items = cleaned
        box.reset_ritual = ritual
        box.save(update_fields=["items", "reset_ritual", "updated_at"])
    return box


# --- First-session prep sheet -------------------------------------------------------------

def session_prep(vault: Vault) -> SessionPrep | None:
    return SessionPrep.objects.owned_by(vault).order_by("-created_at").first()


def prep_answers(prep: SessionPrep | None) -> dict[str, str]:
    stored = _opened(prep.answers) if prep is not None else {}
    return {q.key: str(stored.get(q.key, "") or "") for q in QUESTIONS}


def save_session_prep(vault: Vault, answers: Mapping[str, Any]) -> SessionPrep:
    cleaned = clean_parts(QUESTIONS, answers)
    prep = session_prep(vault)
    if prep is None:
        prep = SessionPrep(vault=vault, answers=cleaned)  # type: ignore[misc]
        prep.save()
    else:
        prep.answers = cleaned
        prep.save(update_fields=["answers", "updated_at"])
    return prep
