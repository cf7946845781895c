# ruff: noqa: RUF001 - typographic apostrophes and dashes are intended in what people read
"""The parts of a safety plan and of the comfort box, as data: key, title, hint, examples.

The six plan parts follow the order of Stanley & Brown's safety planning intervention
(Stanley B, Brown GK. Cogn Behav Pract 2012;19:256-264; first described 2008): warning
signs, coping on your own, people and places that distract, people to ask for help,
professionals and crisis lines, making the surroundings safer. The wording is Cove's own;
the original template and its name are not used. The plan ends, as that template does,
with what matters most to the person and makes life worth living for them ("reasons for
living"), so the last thing read in a hard moment is their own anchor. Cove adds three
parts about closeness: the pause plan, the aftercare wished for, and what helps a space
feel safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

MAX_PART_LENGTH = 2000
MAX_SHORT_LENGTH = 100


@dataclass(frozen=True)
class Part:
    key: str
    title: str | Promise
    hint: str | Promise
    examples: tuple[str | Promise, ...] = ()
    short: bool = False  # one line (a stop word), not a list

    @property
    def max_length(self) -> int:
        return MAX_SHORT_LENGTH if self.short else MAX_PART_LENGTH


PLAN_PARTS: tuple[Part, ...] = (
    Part(
        "warning_signs",
        _("Signs that a hard time is starting"),
        _("Thoughts, feelings or body signals that tell you things are getting hard. "
          "One per line."),
        (_("My chest gets tight"), _("I stop answering messages"),
         _("I feel far away from my body"), _("I can’t sleep")),
    ),
    Part(
        "on_my_own",
        _("Things I can do on my own"),
        _("Small things that help you feel a bit steadier."),
        (_("Slow breathing for a few minutes"), _("Hold something warm"),
         _("Take a short walk"), _("Play a song I like")),
    ),
    Part(
        "people_places",
        _("People and places that help me feel better"),
        _("Places to go, or people to be near, that take your mind somewhere calmer. "
          "You don’t have to talk about how you feel."),
        (_("The park near home"), _("A café with soft music"), _("Coffee with a cousin")),
    ),
    Part(
        "people_to_ask",
        _("People I can ask for help"),
        _("People you trust, and how to reach them."),
        (_("A friend – their number"), _("My sister"), _("A neighbour I trust")),
    ),
    Part(
        "professionals",
        _("Professionals and crisis lines"),
        _("Your therapist, your doctor, or a support line. The “Get help now” page lists "
          "lines for your country."),
        (_("My therapist’s number"), _("My doctor’s office"),
         _("A crisis line I can call or text")),
    ),
    Part(
        "safer_surroundings",
        _("Making my surroundings safer"),
        _("Steps that make a hard moment safer. For example, putting away things you could "
          "hurt yourself with, or asking someone to keep them for now."),
        (_("Ask a friend to keep my medicines"), _("Stay in a room with other people"),
         _("Keep my phone charged")),
    ),
    Part(
        "what_matters",
        _("What matters to me"),
        _("The people, pets, hopes and small joys that make life worth living for you. "
          "Big or small, they all count."),
        (_("My niece and nephew"), _("My cat"), _("Seeing the sea again"),
         _("The friends who stood by me")),
    ),
)

PAUSE_PARTS: tuple[Part, ...] = (
    Part(
        "stop_word",
        _("My stop word"),
        _("A word that means “stop now”. No questions, no explaining."),
        (_("Red"), _("Pause"), _("Orange")),
        short=True,
    ),
    Part(
        "signal",
        _("My signal without words"),
        _("A sign you can give if words won’t come."),
        (_("Two taps on the arm"), _("Raising my hand"), _("Squeezing their hand twice")),
    ),
    Part(
        "after_pause",
        _("What I want after I pause"),
        _("What would help you most in the moments after you stop."),
        (_("Give me some space"), _("Sit with me quietly"), _("Ask before touching me again"),
         _("Bring me a glass of water")),
    ),
)

CLOSENESS_PARTS: tuple[Part, ...] = (
    Part(
        "aftercare",
        _("The aftercare I want"),
        _("What helps you feel cared for after closeness, or after a hard moment. "
          "One per line."),
        (_("A warm blanket"), _("Kind words"), _("Some time alone"), _("A hug, if I ask for one")),
    ),
    Part(
        "safe_space",
        _("What helps a space feel safe for me"),
        _("Light, sound, a ritual you share before being close. Anything that helps."),
        (_("Soft light on"), _("The door unlocked"), _("Music I chose"),
         _("Slow breathing together first")),
    ),
)

ALL_PLAN_PARTS: tuple[Part, ...] = PLAN_PARTS + PAUSE_PARTS + CLOSENESS_PARTS


def _parts(*keys: str) -> tuple[Part, ...]:
    by_key = {part.key: part for part in ALL_PLAN_PARTS}
    return tuple(by_key[key] for key in keys)


# The plan's editor in short steps: a few parts each, in the plan's own order.
PLAN_STEPS: tuple[tuple[str | Promise, tuple[Part, ...]], ...] = (
    (_("When a hard time starts"), _parts("warning_signs", "on_my_own")),
    (_("People and places"), _parts("people_places", "people_to_ask")),
    (_("More help, and a safer space"), _parts("professionals", "safer_surroundings")),
    (_("What matters to me"), _parts("what_matters")),
    (_("My pause plan"), _parts("stop_word", "signal", "after_pause")),
    (_("Closeness and care"), _parts("aftercare", "safe_space")),
)
PLAN_KEYS: tuple[str, ...] = tuple(part.key for part in ALL_PLAN_PARTS)

COMFORT_PARTS: tuple[Part, ...] = (
    Part("words", _("Kind words to myself"), _("Things you would say to a friend."),
         (_("This feeling will pass"), _("I am safe right now"), _("I did nothing wrong"))),
    Part("sounds", _("Songs and sounds"), _("Music, voices or sounds that settle you."),
         (_("Rain sounds"), _("My favourite album"))),
    Part("textures", _("Things to touch"), _("Textures that feel good in your hands."),
         (_("A soft scarf"), _("A smooth stone"), _("A warm mug"))),
    Part("scents", _("Smells I like"), _("Scents that bring you back to now."),
         (_("Lavender"), _("Fresh coffee"), _("Orange peel"))),
    Part("places", _("Places, real or imagined"), _("Somewhere you feel calm."),
         (_("The beach at dawn"), _("My grandmother’s kitchen"))),
    Part("people", _("People and pets"), _("Who you like to be around."),
         (_("My dog"), _("My best friend"))),
    Part("activities", _("Things to do"), _("Small things that help you reset."),
         (_("Make tea"), _("Draw"), _("Stretch"), _("Watch a comfort show"))),
)
COMFORT_KEYS: tuple[str, ...] = tuple(part.key for part in COMFORT_PARTS)

RESET_RITUAL = Part(
    "reset_ritual",
    _("My reset ritual"),
    _("The steps you take when something sets you off. Write them in the order you want "
      "to follow them, one per line."),
    (_("Step out of the room"), _("Cold water on my hands"), _("Three slow breaths"),
     _("Text a friend")),
)


def lines(text: str) -> list[str]:
    """The non-empty lines of a part, trimmed."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
