# ruff: noqa: RUF001 - typographic apostrophes and dashes are intended in what people read
"""Sample safety plan and comfort box for the demo survivor (`cove demo`)."""

from __future__ import annotations

from cove.safety import services
from cove.vault.keyring import Vault


def populate(vault: Vault, role: str) -> None:
    if role != "survivor":
        return
    services.save_plan(vault, {
        "warning_signs": "My chest gets tight\nI stop answering messages",
        "on_my_own": "Slow breathing for a few minutes\nHold something warm",
        "people_places": "The park near home",
        "people_to_ask": "My sister",
        "professionals": "My therapist’s number",
        "safer_surroundings": "Keep my phone charged",
        "what_matters": "My cat\nSeeing the sea again",
        "stop_word": "Orange",
        "signal": "Two taps on the arm",
        "after_pause": "Sit with me quietly\nAsk before touching me again",
        "aftercare": "A warm blanket\nKind words",
        "safe_space": "Soft light on\nMusic I chose",
    })
    services.save_comfort_box(
        vault,
        {"words": "This feeling will pass", "textures": "A smooth stone", "scents": "Lavender"},
        "Step out of the room\nCold water on my hands\nThree slow breaths",
    )
