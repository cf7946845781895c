"""What each shared part contains: built from the owner's own records, exactly as shown.

The snapshot is plain JSON (sealed when stored in `SharedPart.content`) holding only what
the partner will read. Labels are resolved in the owner's language at publish time, so
the preview and the partner's page render the very same values.

Reading other apps' data goes through their services and public modules; nothing here
writes to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import SharePart

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

MAX_ITEMS = 200
# Boundaries can be many (the inventory allows hundreds); show them all, up to this bound.
MAX_BOUNDARIES = 1000
HISTORY_COUNT = 20
# Plan parts a person may show a partner as a whole. Contacts (people_to_ask and
# professionals) are never shared as a part, only line by line when chosen one by one.
PARTNER_SAFE_PLAN_PARTS = ("warning_signs", "on_my_own", "people_places",
                           "safer_surroundings", "what_matters", "safe_space")
CONTACT_PARTS = ("people_to_ask", "professionals")

# Which source models change which part (the re-publish receivers use this).
SOURCES: dict[str, tuple[SharePart, ...]] = {
    "safety.safetyplanversion": (SharePart.PAUSE, SharePart.AFTERCARE, SharePart.SAFETY),
    "boundaries.boundaryitem": (SharePart.BOUNDARIES,),
    "boundaries.boundarychange": (SharePart.BOUNDARIES,),
    "boundaries.comfortgesture": (SharePart.COMFORT,),
    "ladder.comfortstep": (SharePart.LADDER,),
    "ladder.ladder": (SharePart.LADDER,),
}


def source_labels(part: SharePart) -> list[str]:
    return [label for label, parts in SOURCES.items() if part in parts]


def _plan(vault: Vault) -> dict[str, str]:
    from cove.safety import services as safety

    return safety.plan_parts(safety.current_plan(vault))


def _lines(text: str) -> list[str]:
    from cove.safety.parts import lines

    return lines(text)[:MAX_ITEMS]


def plan_part_titles() -> dict[str, Any]:
    from cove.safety.parts import ALL_PLAN_PARTS

    return {part.key: part.title for part in ALL_PLAN_PARTS}


def contact_lines(vault: Vault) -> list[str]:
    """Every contact line of the owner's plan, offered one by one (never shared as a part)."""
    plan = _plan(vault)
    found: list[str] = []
    for key in CONTACT_PARTS:
        for line in _lines(plan.get(key, "")):
            if line not in found:
                found.append(line)
    return found


def ladder_steps(vault: Vault) -> list[tuple[str, str]]:
    """(step id, "ladder: step") for every step the owner may choose to show."""
    from cove.ladder import services as ladder

    found = []
    for each in ladder.ladders_of(vault)[:20]:
        for step in ladder.steps_of(vault, each)[:50]:
            found.append((str(step.pk), f"{each.title}: {step.title}"))
    return found


def build(vault: Vault, part: SharePart, options: dict[str, Any]) -> dict[str, Any]:
    """The snapshot of `part` for the vault's person, given their choices for it."""
    return _BUILDERS[part](vault, options or {})


def boundary_entry(item: Any) -> dict[str, Any] | None:
    """One answered boundary as the partner sees it (None: "not sure yet" is not shown)."""
    from cove.boundaries import catalogue

    if item.state not in catalogue.STATES:
        return None
    return {
        "id": str(item.pk),
        "label": str(item.label),
        "state": str(catalogue.STATE_LABELS[item.state]),
        "condition": item.condition or "",
        "ask_first": bool(item.ask_first),
    }


def history_entry(change: Any) -> dict[str, Any]:
    # No date: the partner learns how a boundary moved, never when the owner was here.
    return {"label": str(change.label), "change": change.describe()}


def _boundaries(vault: Vault, options: dict[str, Any]) -> dict[str, Any]:
    from cove.boundaries import services as boundaries

    entries = (boundary_entry(item) for item in boundaries.items(vault)[:MAX_BOUNDARIES])
    content: dict[str, Any] = {"items": [e for e in entries if e is not None]}
    if options.get("history"):
        content["history"] = [
            history_entry(change) for change in boundaries.recent_changes(vault, HISTORY_COUNT)
        ]
    return content


def with_boundary(content: dict[str, Any], item: Any) -> dict[str, Any]:
    """`content` after one boundary was saved: the same as a full rebuild, without opening
    every other boundary (a saved item keeps its place; a new one is the newest, last)."""
    entry = boundary_entry(item)
    items = [e for e in content.get("items", []) if e.get("id") != str(item.pk)]
    if entry is not None:
        old = [e.get("id") for e in content.get("items", [])]
        place = old.index(str(item.pk)) if str(item.pk) in old else len(items)
        items.insert(place, entry)
    return {**content, "items": items[:MAX_BOUNDARIES]}


def with_change(content: dict[str, Any], change: Any) -> dict[str, Any]:
    """`content` after one boundary change was recorded (history only if it is shown)."""
    if "history" not in content:
        return content
    return {**content, "history": [history_entry(change), *content["history"]][:HISTORY_COUNT]}


def _pause(vault: Vault, options: dict[str, Any]) -> dict[str, Any]:
    plan = _plan(vault)
    return {"stop_word": plan.get("stop_word", ""), "signal": plan.get("signal", ""),
            "after_pause": _lines(plan.get("after_pause", ""))}


def _aftercare(vault: Vault, options: dict[str, Any]) -> dict[str, Any]:
    return {"items": _lines(_plan(vault).get("aftercare", ""))}


def _comfort(vault: Vault, options: dict[str, Any]) -> dict[str, Any]:
    from cove.boundaries import comfort

    return {"items": [g.text for g in comfort.comfort_list(vault)[:MAX_ITEMS] if g.text]}


def _ladder(vault: Vault, options: dict[str, Any]) -> dict[str, Any]:
    chosen = [str(s) for s in options.get("steps", [])]
    titles = dict(ladder_steps(vault))
    return {"steps": [titles[s] for s in chosen if s in titles]}


def _safety(vault: Vault, options: dict[str, Any]) -> dict[str, Any]:
    plan = _plan(vault)
    titles = plan_part_titles()
    chosen = [k for k in PARTNER_SAFE_PLAN_PARTS if k in set(options.get("parts", []))]
    sections = [{"title": str(titles[k]), "lines": _lines(plan.get(k, ""))} for k in chosen]
    available = set(contact_lines(vault))
    contacts = [line for line in options.get("contacts", []) if line in available]
    return {"sections": [s for s in sections if s["lines"]], "contacts": contacts}


_BUILDERS = {
    SharePart.BOUNDARIES: _boundaries,
    SharePart.PAUSE: _pause,
    SharePart.AFTERCARE: _aftercare,
    SharePart.COMFORT: _comfort,
    SharePart.LADDER: _ladder,
    SharePart.SAFETY: _safety,
}


def is_empty(content: dict[str, Any]) -> bool:
    return not any(content.values())

