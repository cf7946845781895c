"""Demo: demo-river and demo-sol share one agreement, and a wishes round is open in which
two wishes overlap, waiting for river (the starter) to look first (`cove demo`)."""

from __future__ import annotations

from cove.partners.public import link_between
from cove.together import agreements, wishes
from cove.vault.keyring import Vault


def populate(vault: Vault, role: str) -> None:
    """Nothing for one account alone: everything here belongs to two linked people."""


def populate_together(vaults: dict[str, Vault]) -> None:
    river, sol = vaults.get("survivor"), vaults.get("partner")
    if river is None or sol is None:
        return
    link = link_between(river.user, sol.user)
    if link is None:
        return
    # River suggests the whole agreement: the safer parts count at once, and sol agrees
    # to the rest (what each does after a pause).
    done = agreements.suggest(river, link, {
        "stop_words": ["Amber"],
        "signals": ["Two taps on the arm"],
        "aftercare": ["A glass of water", "A blanket", "Hearing that it went fine"],
        "limits": ["Touch from behind"],
        "session_minutes": 20,
        "after_pause": {
            "together": "We sit apart for a few minutes and breathe slowly.",
            str(river.user.pk): "I say what I need, if I can. Quiet is fine too.",
            str(sol.user.pk): "I move back a little, keep my hands still and wait.",
        },
    })
    if done.waiting is not None:
        agreements.accept(sol, link, done.waiting.pk)
    # An open round: river and sol both chose a slow evening (yes) and reading aloud
    # (river curious), so river will see two overlapping wishes first.
    started = wishes.start_round(river, link, wishes.DEFAULT_COOLDOWN)
    wishes.save_answers(river, link, started.pk, {
        "wish.slow_evening": "yes", "wish.read_aloud": "curious",
        "wish.massage_turns": "yes", "wish.blindfold": "no"})
    wishes.save_answers(sol, link, started.pk, {
        "wish.slow_evening": "yes", "wish.read_aloud": "yes", "wish.dance": "yes",
        "wish.massage_turns": "not_now"})
