"""The kinds of journal entry and their gentle prompts, as data.

Every prompt is written for Cove. A kind's `key` appears in URLs, so keys are neutral
words that say nothing about what is written ("moment", not the clinical name).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

TEXT = "text"  # one line
LONG = "long"  # a few lines
SCALE = "scale"  # 0 to 10, one tap
CHOICE = "choice"  # one of a few words
PICKS = "picks"  # any of a list (checkboxes)
BODY = "body"  # body areas, grouped by region


@dataclass(frozen=True)
class Prompt:
    name: str
    label: str | Promise
    style: str = LONG
    hint: str | Promise = ""
    choices: tuple[tuple[str, str | Promise], ...] = ()
    low: str | Promise = ""  # words for 0 on a scale
    high: str | Promise = ""  # words for 10 on a scale


@dataclass(frozen=True)
class Kind:
    key: str
    label: str | Promise
    description: str | Promise
    prompts: tuple[Prompt, ...]
    content_note: str | Promise = ""
    intro: str | Promise = ""

    def prompt(self, name: str) -> Prompt:
        return next(p for p in self.prompts if p.name == name)


# Body regions for the picker: a fieldset per region keeps it short to tab through.
BODY_REGIONS: tuple[tuple[str | Promise, tuple[tuple[str, str | Promise], ...]], ...] = (
    (_("Head and neck"), (("head", _("Head")), ("face", _("Face")), ("jaw", _("Jaw")),
                          ("throat", _("Throat")), ("neck", _("Neck")))),
    (_("Upper body"), (("shoulders", _("Shoulders")), ("chest", _("Chest")),
                       ("upper_back", _("Upper back")), ("arms", _("Arms")),
                       ("hands", _("Hands")))),
    (_("Middle"), (("belly", _("Belly")), ("lower_back", _("Lower back")),
                   ("hips", _("Hips")), ("pelvis", _("Pelvis")))),
    (_("Lower body"), (("thighs", _("Thighs")), ("knees", _("Knees")), ("legs", _("Lower legs")),
                       ("feet", _("Feet")))),
    (_("All over"), (("whole_body", _("My whole body")), ("skin", _("My skin")))),
)
BODY_AREAS = {key: label for _region, areas in BODY_REGIONS for key, label in areas}

# What people often reach for in a hard moment. The same words feed the patterns page.
HELPERS: tuple[tuple[str, str | Promise], ...] = (
    ("breathing", _("Slow breathing")),
    ("grounding", _("Grounding (noticing what is around me)")),
    ("pause", _("Taking a pause")),
    ("moving_away", _("Moving to another place")),
    ("talking", _("Talking to someone I trust")),
    ("movement", _("Moving my body")),
    ("water", _("Water, a shower or a bath")),
    ("music", _("Music or sound")),
    ("writing", _("Writing it down")),
    ("comfort_object", _("Something soft or comforting")),
)
HELPER_LABELS = dict(HELPERS)

CONTEXTS: tuple[tuple[str, str | Promise], ...] = (
    ("home", _("At home")),
    ("alone", _("On my own")),
    ("partner", _("With a partner")),
    ("family", _("With family")),
    ("friends", _("With friends")),
    ("work", _("At work or school")),
    ("out", _("Out and about")),
    ("screen", _("Something on a screen")),
    ("touch", _("During touch or closeness")),
    ("memory", _("A memory came up")),
    ("night", _("At night or in bed")),
)
CONTEXT_LABELS = dict(CONTEXTS)

_CONTENT_NOTE = _(
    "These prompts ask about hard moments. Go only as far as feels okay today. You can "
    "stop, skip any question, or leave without saving."
)

KINDS: tuple[Kind, ...] = (
    Kind(
        key="free",
        label=_("Free writing"),
        description=_("Write whatever is on your mind. No rules."),
        prompts=(Prompt("body", _("What would you like to write?"), LONG),),
    ),
    Kind(
        key="body",
        label=_("What I noticed in my body"),
        description=_("Notice where you feel something and what it is like."),
        intro=_("Take a breath first if you like. There are no right answers, and "
                "\u201cI don't know\u201d is a fine answer too."),
        prompts=(
            Prompt("areas", _("Where did you notice something?"), BODY,
                   hint=_("Choose any that fit.")),
            Prompt("warmth", _("Warmth"), CHOICE,
                   choices=(("cool", _("Cool")), ("neutral", _("Neither")),
                            ("warm", _("Warm")))),
            Prompt("pressure", _("Pressure"), CHOICE,
                   choices=(("none", _("None")), ("light", _("Light")),
                            ("medium", _("Medium")), ("firm", _("Firm")))),
            Prompt("texture", _("Texture"), TEXT,
                   hint=_("For example soft, tingly, buzzing, smooth, heavy.")),
            Prompt("calm", _("Calm or tense?"), SCALE, low=_("very calm"),
                   high=_("very tense")),
            Prompt("notes", _("Anything else you noticed?"), LONG),
        ),
    ),
    Kind(
        key="moment",
        label=_("A hard moment"),
        description=_("Write about a moment that stirred something up, and what helped."),
        content_note=_CONTENT_NOTE,
        prompts=(
            Prompt("what_happened", _("What happened?"), LONG,
                   hint=_("A few words are enough.")),
            Prompt("context", _("Where were you, and who was there?"), PICKS, choices=CONTEXTS),
            Prompt("context_more", _("Anything else about where or who?"), TEXT),
            Prompt("body_felt", _("What did you feel in your body?"), LONG),
            Prompt("what_i_did", _("What did you do?"), LONG),
            Prompt("tried", _("What did you try, to feel a bit better?"), PICKS,
                   choices=HELPERS),
            Prompt("helped", _("Which of those helped, even a little?"), PICKS, choices=HELPERS),
            Prompt("helped_other", _("Anything else that helped?"), TEXT),
            Prompt("how_much", _("How much did it help?"), SCALE, low=_("not at all"),
                   high=_("a lot")),
        ),
    ),
    Kind(
        key="win",
        label=_("A small win"),
        description=_("Keep a note of something that went well, however small."),
        prompts=(
            Prompt("what", _("What went well?"), LONG),
            Prompt("meaning", _("What does it mean to you?"), LONG),
        ),
    ),
    Kind(
        key="story",
        label=_("Rewriting an old story"),
        description=_("Look at old messages about closeness and choose what fits you now."),
        content_note=_(
            "This can bring up messages from the past that hurt. Take your time. You can "
            "skip any question or leave without saving."
        ),
        prompts=(
            Prompt("absorbed", _("A message I took in about what closeness is supposed to be"),
                   LONG, hint=_("From family, friends, media, a partner, or anywhere.")),
            Prompt("letting_go", _("What I am letting go of"), LONG),
            Prompt("fits_me", _("What fits me now"), LONG),
        ),
    ),
    Kind(
        key="thought",
        label=_("A kinder look at a harsh thought"),
        description=_("Write a harsh thought, then look at it the way a kind friend would."),
        content_note=_(
            "Writing a harsh thought down can sting for a moment. You can stop at any "
            "point or leave without saving."
        ),
        prompts=(
            Prompt("thought", _("The harsh thought"), LONG),
            Prompt("friend", _("What would a kind friend say to you?"), LONG),
            Prompt("fairer", _("A fairer way to put it"), LONG),
        ),
    ),
    Kind(
        key="terms",
        label=_("Closeness on my own terms"),
        description=_("Imagine closeness that you design yourself."),
        prompts=(
            Prompt("looks_like", _("If I designed closeness myself, it would look like…"), LONG),
            Prompt("feel", _("How I would like to feel"), LONG),
            Prompt("leave_out", _("What I would leave out, for now or for good"), LONG),
        ),
    ),
)

BY_KEY = {kind.key: kind for kind in KINDS}


def get_kind(key: str) -> Kind | None:
    return BY_KEY.get(key)


def answers_in_words(kind: Kind | None, answers: dict[str, Any]) -> Iterator[tuple[object, str]]:
    """(prompt label, answer in words) in the kind's order, one at a time (a preview stops
    at the first). Answers of a kind no longer known are given as stored."""
    if kind is None:
        yield from ((k, str(v)) for k, v in answers.items())
        return
    for prompt in kind.prompts:
        if prompt.name not in answers:
            continue
        value = answers[prompt.name]
        if prompt.style == BODY:
            text = ", ".join(str(BODY_AREAS.get(v, v)) for v in value)
        elif prompt.style in (PICKS, CHOICE):
            labels = dict(prompt.choices)
            values = value if isinstance(value, list) else [value]
            text = ", ".join(str(labels.get(v, v)) for v in values)
        elif prompt.style == SCALE:
            text = gettext("%(n)s out of 10") % {"n": value}
        else:
            text = str(value)
        yield prompt.label, text
