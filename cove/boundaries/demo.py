"""Sample boundaries for the demo survivor, so a newcomer sees the pages lived in."""

from __future__ import annotations

from cove.boundaries import comfort, phrases, services, situations, wishes
from cove.vault.keyring import Vault

ANSWERS = (
    ("talk.feelings", "yes", "", False),
    ("talk.hard_memory", "not_now", "", False),
    ("talk.just_listen", "yes", "", False),
    ("touch.hold_hands", "yes", "", False),
    ("touch.hug_front", "yes", "", True),
    ("touch.hug_behind", "no", "", False),
    ("touch.sit_close", "yes", "", False),
    ("touch.surprise", "no", "", False),
    ("areas.hands", "yes", "", False),
    ("areas.shoulders", "maybe", "it is over clothes", False),
    ("areas.neck", "not_now", "", False),
    ("gentle.massage_clothed", "maybe", "I ask for it", True),
    ("gentle.kiss_cheek", "yes", "", False),
    ("words.told_what", "yes", "", False),
    ("words.pet_names", "maybe", "we are not in bed", False),
    ("setting.dim", "yes", "", False),
    ("setting.door_open", "yes", "", False),
    ("start.asked_first", "yes", "", False),
    ("start.no_reason", "yes", "", False),
    ("after.hold", "maybe", "", False),
    ("after.reassure", "yes", "", False),
)


def populate(vault: Vault, role: str) -> None:
    if role != "survivor":
        return
    for key, state, condition, ask_first in ANSWERS:
        services.answer_item(vault, key, state, condition, ask_first)
    # A change of mind, kept in the history like any other choice.
    services.answer_item(vault, "touch.hug_behind", "maybe", "I can see you first", True)
    services.add_own_item(vault, "Someone playing with my hair while I fall asleep", "touch",
                          "maybe", "", True)
    services.set_review_cadence(vault, 30)
    for text in ("A cup of tea, made without asking", "Sitting with me in silence",
                 "A hand on my shoulder when I'm reading"):
        comfort.add_comfort(vault, text)
    situations.add_situation(vault, "A certain aftershave", "avoid",
                           "Ask guests not to wear it at home for now.")
    situations.add_situation(vault, "Being in a crowded lift", "plan",
                           "Take the stairs, or wait for the next one.")
    situations.add_situation(vault, "Films with intimate scenes", "manageable",
                           "I can look away or skip ahead.")
    wishes.answer_wish(vault, "wish.slow_evening", "yes")
    wishes.answer_wish(vault, "wish.massage_turns", "maybe")
    wishes.answer_wish(vault, "wish.blindfold", "no")
    wishes.add_own_wish(vault, "A weekend by the sea with no plans", "yes")
    for key in ("p.pause.pause", "p.not_today.plain", "p.no.no_reason", "p.before.safe"):
        phrases.set_favourite(vault, key, True)
    phrases.add_own_phrase(vault, "I'm here, and I'm choosing this.", "before_check")
