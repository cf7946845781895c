"""Sample ladder data for `cove demo`: the survivor gets a ladder with a few practices."""

from __future__ import annotations

from cove.ladder import services
from cove.vault.keyring import Vault


def populate(vault: Vault, role: str) -> None:
    if role != "survivor":
        return
    services.save_distress_words(vault, {
        0: "still, like a lake", 25: "a little tight in my chest", 50: "on edge, but here",
        75: "I want to get away", 100: "flooded",
    })
    ladder = services.create_ladder(vault, "Closeness with Sam", "closeness")
    steps = services.steps_of(vault, ladder)
    services.set_status(vault, steps[0].pk, "comfortable")
    services.set_status(vault, steps[1].pk, "practising")
    for before, peak, after, win in ((30, 55, 25, False), (25, 45, 20, True), (20, 35, 10, True)):
        session = services.start_practice(vault, steps[1], services.YES)
        assert session is not None
        services.record_before(session, expected=50, now=before, minutes=10,
                               fear="that I will freeze up", checkin_every=5)
        services.record_gentle_checkin(session, services.CONTINUE)
        services.finish_during(session)
        services.record_after(session, peak=peak, after=after,
                              felt_ok="Sam's shoulder was warm",
                              compared_to_fear="I felt tense, but I did not freeze",
                              would_change="put on music first", small_win=win)
    paused = services.start_practice(vault, steps[2], services.YES)
    assert paused is not None
    services.record_before(paused, expected=40, now=30)
    services.pause_practice(paused)
    services.end_for_today(paused)
    own = services.create_ladder(vault, "At home in my body", "own-body")
    services.set_status(vault, services.steps_of(vault, own)[0].pk, "practising")
