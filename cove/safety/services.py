"""Actions and reads for the safety plan, the comfort box and the first-session sheet.

Bad input raises `InputError` (by part key). Each save takes the `version` the person's
copy was based on (None: "whatever is there now") and raises `Conflict` if it moved on.
The plan keeps every saved version, so its version is the number of saves: a save based
on an older one is the conflict. The comfort box and the prep sheet are one row each;
their version is the row's (0 before the first save).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cove.core.errors import Conflict, InputError
from cove.safety.models import ComfortBox, SafetyPlanVersion, SessionPrep
from cove.safety.parts import ALL_PLAN_PARTS, COMFORT_PARTS, PLAN_KEYS, RESET_RITUAL, Part
from cove.safety.prep import QUESTIONS
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_for_update


def _opened(value: Any) -> dict[str, Any]:
    """A sealed JSON value, opened (django-stubs sees sealed fields as bytes)."""
    return value if isinstance(value, dict) else {}


def opened_text(value: Any) -> str:
    """A sealed text value, opened."""
    return value if isinstance(value, str) else ""


def clean_parts(parts_def: tuple[Part, ...], values: Mapping[str, Any]) -> dict[str, str]:
    """Known keys only, text only, within length; trimmed. Raises InputError."""
    known = {part.key: part for part in parts_def}
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, str] = {}
    for key, value in values.items():
        part = known.get(key)
        if part is None:
            errors.setdefault(key, []).append(_("This is not a part Cove knows."))
            continue
        if value is None:
            value = ""
        if not isinstance(value, str):
            errors.setdefault(key, []).append(_("Please send text here."))
            continue
        value = value.replace("\r\n", "\n").strip()
        if len(value) > part.max_length:
            errors.setdefault(key, []).append(
                _("Please keep this to %(limit)s characters or fewer.")
                % {"limit": part.max_length}
            )
            continue
        cleaned[key] = value
    if errors:
        raise InputError(errors)
    return {part.key: cleaned.get(part.key, "") for part in parts_def}


# --- Safety plan --------------------------------------------------------------------------

def current_plan(vault: Vault) -> SafetyPlanVersion | None:
    return SafetyPlanVersion.objects.owned_by(vault).order_by("-created_at").first()


def plan_parts(plan: SafetyPlanVersion | None) -> dict[str, str]:
    """Every part key with its text ('' where the person wrote nothing)."""
    stored = _opened(plan.parts) if plan is not None else {}
    return {key: str(stored.get(key, "") or "") for key in PLAN_KEYS}


def plan_version(vault: Vault) -> int:
    """How many times the plan was saved: the version a new save is based on."""
    return SafetyPlanVersion.objects.filter(owner_id=vault.user.pk).count()


@transaction.atomic
def save_plan(vault: Vault, parts: Mapping[str, Any], *,
              version: int | None = None) -> SafetyPlanVersion:
    """Keep a new version of the plan; an unchanged plan adds no version."""
    cleaned = clean_parts(ALL_PLAN_PARTS, parts)
    # Two saves at once queue here (the newest version's row is locked), so the second
    # sees the first when it counts.
    list(SafetyPlanVersion.objects.select_for_update().filter(owner_id=vault.user.pk)
         .order_by("-created_at").values_list("id", flat=True)[:1])
    latest = current_plan(vault)
    current = plan_version(vault)
    if version is not None and version != current:
        raise Conflict(current=plan_parts(latest), yours=cleaned, version=current)
    if latest is not None and plan_parts(latest) == cleaned:
        return latest
    saved = SafetyPlanVersion(vault=vault, parts=cleaned)  # type: ignore[misc]
    saved.save()
    return saved


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


@transaction.atomic
def save_comfort_box(vault: Vault, items: Mapping[str, Any], reset_ritual: Any, *,
                     version: int | None = None) -> ComfortBox:
    cleaned = clean_parts(COMFORT_PARTS, items)
    ritual = clean_parts((RESET_RITUAL,), {RESET_RITUAL.key: reset_ritual})[RESET_RITUAL.key]
    yours = {"items": cleaned, "reset_ritual": ritual}
    found = comfort_box(vault)
    if found is None:
        if version:
            raise Conflict(current={}, yours=yours, version=0)
        box = ComfortBox(vault=vault, items=cleaned, reset_ritual=ritual)  # type: ignore[misc]
        box.save()
        return box
    box = get_owned_for_update(ComfortBox, vault, found.pk, version=version, yours=yours)
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


@transaction.atomic
def save_session_prep(vault: Vault, answers: Mapping[str, Any], *,
                      version: int | None = None) -> SessionPrep:
    cleaned = clean_parts(QUESTIONS, answers)
    found = session_prep(vault)
    if found is None:
        if version:
            raise Conflict(current={}, yours={"answers": cleaned}, version=0)
        prep = SessionPrep(vault=vault, answers=cleaned)  # type: ignore[misc]
        prep.save()
        return prep
    prep = get_owned_for_update(SessionPrep, vault, found.pk, version=version,
                                yours={"answers": cleaned})
    prep.answers = cleaned
    prep.save(update_fields=["answers", "updated_at"])
    return prep
