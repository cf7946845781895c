# ruff: noqa: RUF001 - typographic apostrophes and dashes are intended in what people read
"""Grounding and breathing exercises, as data: the words, the steps and the timings.

Timings follow the team's clinical brief (docs/clinical.md, "Grounding and breathing"):
- 5-4-3-2-1: five things seen, four touched, three heard, two smelled, one tasted.
- Box breathing: in 4 s, hold 4 s, out 4 s, hold 4 s; about 4-5 rounds; holds optional.
  Holds are off until the person turns them on: breath holds can feel like being
  smothered or frozen for some survivors (clinical.md, "Breath holds and muscle tensing").
- Paced (resonance) breathing: about 6 breaths a minute, e.g. in 4 s / out 6 s; adjustable.
  (Lehrer & Gevirtz 2014, Front Psychol 5:756: resonance near 6 breaths per minute.) The
  breath out is always longer than the breath in, whatever the settings (`longer_out`):
  a long exhale is what settles the body, and a short one can feel like gasping.
- Cyclic sighing: two inhales through the nose, then a long slow exhale; about 5 minutes
  (Balban et al. 2023, Cell Rep Med 4:100895). The study gives no fixed seconds per phase;
  Cove's 2 s + 1 s in, 6 s out keeps the exhale longer than both inhales, as the protocol
  asks, and is adjustable by the length setting only.
- Progressive muscle relaxation: tense 5-7 s, release 30-40 s per muscle group; short
  versions allowed (Bernstein & Borkovec 1973, abbreviated forms). Cove uses 5 s and 30 s
  over 6 groups, about 3.5 minutes. Belly and thighs are left out unless the person
  chooses them (setting "core"), for the same reason the body scan leaves out the pelvis.
- Body scan: no standard timing in the brief; Cove's short version gives each of 7 areas
  20 s (about 2.5 minutes) and leaves out the pelvis and chest, which can be hard places
  to attend to after sexual trauma (Cove's own choice, not a clinical rule).
Breath holds and muscle tensing can feel bad for some survivors: every exercise is
optional, stoppable and adjustable, and the page says so first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from cove.grounding.choices import Feeling

Text = str | Promise


@dataclass(frozen=True)
class Phase:
    """One timed (or, when seconds is 0, self-paced) moment of an exercise."""

    kind: str  # in, top-up, hold-full, out, hold-empty, tense, release, notice
    label: Text
    seconds: int
    detail: Text = ""
    # The name of a checkbox setting that switches this phase on ("holds", "core").
    optional: str = ""
    # Self-paced phases: the label of this phase's own "what you notice" box.
    note_label: Text = ""


@dataclass(frozen=True)
class Setting:
    name: str
    label: Text
    choices: tuple[tuple[int, Text], ...] = ()
    default: int = 0
    kind: str = "select"  # select | checkbox
    hint: Text = ""


@dataclass(frozen=True)
class Exercise:
    slug: str
    title: Text
    summary: Text
    intro: tuple[Text, ...]
    care_note: Text
    steps: tuple[Text, ...]  # the step-by-step text everyone can read, with or without JS
    phases: tuple[Phase, ...]
    rounds: int = 1
    settings: tuple[Setting, ...] = field(default_factory=tuple)
    self_paced: bool = False
    # Rounds come from a "minutes" setting: rounds = minutes * 60 / seconds per round.
    rounds_from_minutes: bool = False
    # The breath out is kept longer than the breath in, whatever the settings say.
    longer_out: bool = False

    def client_data(self) -> dict[str, Any]:
        """What the page script needs to run the exercise (labels already translated)."""
        return {
            "slug": self.slug,
            "selfPaced": self.self_paced,
            "rounds": self.rounds,
            "roundsFromMinutes": self.rounds_from_minutes,
            "longerOut": self.longer_out,
            "phases": [
                {"kind": p.kind, "label": str(p.label), "detail": str(p.detail),
                 "seconds": p.seconds, "optional": p.optional}
                for p in self.phases
            ],
        }


def _fill(template: Text, **values: Text | int) -> Text:
    """Fill a translatable template only when shown, in the language of the request."""
    return lazy(lambda: str(template) % {k: str(v) for k, v in values.items()}, str)()


def _seconds_choices(values: range) -> tuple[tuple[int, Text], ...]:
    return tuple((v, _fill(_("%(n)s seconds"), n=v)) for v in values)


def _minutes_choices(values: tuple[int, ...]) -> tuple[tuple[int, Text], ...]:
    return tuple((v, _fill(_("%(n)s minutes"), n=v) if v != 1 else _("1 minute")) for v in values)


SENSES = Exercise(
    slug="senses",
    title=_("5-4-3-2-1: notice what is around you"),
    summary=_("Bring yourself back to the here and now, one sense at a time."),
    intro=(
        _("This exercise brings your mind back to the room you are in. Go one sense at a "
          "time, as slowly as you like."),
        _("You can jot down what you notice for each sense if that helps. What you type "
          "stays on this page. It is not sent or saved."),
    ),
    care_note=_("You can skip any sense, or stop at any time."),
    steps=(
        _("Look around. Find five things you can see. Name them to yourself."),
        _("Find four things you can touch. Notice how each one feels."),
        _("Listen. Find three things you can hear, near or far."),
        _("Find two things you can smell. If you can’t smell anything, name two smells "
          "you like."),
        _("Find one thing you can taste, or one taste you like."),
    ),
    phases=(
        Phase("notice", _("Five things you can see"), 0, _("Look around and name them."),
              note_label=_("What you see (optional, not saved)")),
        Phase("notice", _("Four things you can touch"), 0, _("Notice how each one feels."),
              note_label=_("What you touch (optional, not saved)")),
        Phase("notice", _("Three things you can hear"), 0, _("Near or far."),
              note_label=_("What you hear (optional, not saved)")),
        Phase("notice", _("Two things you can smell"), 0, _("Or two smells you like."),
              note_label=_("What you smell (optional, not saved)")),
        Phase("notice", _("One thing you can taste"), 0, _("Or one taste you like."),
              note_label=_("What you taste (optional, not saved)")),
    ),
    self_paced=True,
)

BOX = Exercise(
    slug="box",
    title=_("Box breathing"),
    summary=_("Breathe in, hold, out and hold, for four seconds each."),
    intro=(
        _("Box breathing gives your breath an even shape, like the four sides of a box. "
          "Each side takes four seconds. Most people do four or five rounds."),
        _("The box has two short holds, but they are off unless you turn them on. Just "
          "breathing in and out is a full exercise too."),
    ),
    care_note=_("Holding your breath can feel bad for some people, so the holds are off "
                "to start with. Turn them on only if they feel okay."),
    steps=(
        _("Breathe in slowly through your nose for 4 seconds."),
        _("Only if you chose the holds: hold your breath gently for 4 seconds."),
        _("Breathe out slowly for 4 seconds."),
        _("Only if you chose the holds: hold again for 4 seconds."),
        _("Do this four or five times, then breathe normally."),
    ),
    phases=(
        Phase("in", _("Breathe in"), 4),
        Phase("hold-full", _("Hold"), 4, optional="holds"),
        Phase("out", _("Breathe out"), 4),
        Phase("hold-empty", _("Hold"), 4, optional="holds"),
    ),
    rounds=4,
    settings=(
        Setting("holds", _("Include the holds"), kind="checkbox", default=0,
                hint=_("Off to start with. Leave it off if holding your breath feels bad.")),
        Setting("rounds", _("Rounds"), ((4, _("4 rounds")), (5, _("5 rounds"))), default=4),
    ),
)

PACED = Exercise(
    slug="paced",
    title=_("Slow, steady breathing"),
    summary=_("About six slow breaths a minute, with a long breath out."),
    intro=(
        _("Breathing slowly, with a breath out that is longer than the breath in, can help "
          "your body settle. This pace is about six breaths a minute."),
        _("Change the timing until it feels easy. It is never meant to feel like a strain."),
    ),
    care_note=_("If you feel dizzy, go back to your normal breathing for a while."),
    steps=(
        _("Breathe in gently through your nose for about 4 seconds."),
        _("Breathe out slowly for about 6 seconds."),
        _("Keep going for a few minutes. Stop whenever you like."),
    ),
    phases=(
        Phase("in", _("Breathe in"), 4),
        Phase("out", _("Breathe out"), 6),
    ),
    rounds=18,
    rounds_from_minutes=True,
    longer_out=True,
    settings=(
        Setting("in", _("Breathe in for"), _seconds_choices(range(3, 7)), default=4),
        Setting("out", _("Breathe out for"), _seconds_choices(range(4, 9)), default=6,
                hint=_("Always longer than the breath in.")),
        Setting("minutes", _("How long"), _minutes_choices((1, 2, 3, 5)), default=3),
    ),
)

SIGHING = Exercise(
    slug="sighing",
    title=_("Calming sighs"),
    summary=_("Two breaths in through the nose, then a long, slow breath out."),
    intro=(
        _("Take a breath in through your nose, then a second, shorter one on top of it. Then "
          "let it all out slowly through your mouth, like a long sigh."),
        _("People often do this for about five minutes. A shorter time is fine too."),
    ),
    care_note=_("If you feel dizzy, slow down or go back to your normal breathing."),
    steps=(
        _("Breathe in through your nose."),
        _("Take one more short breath in through your nose, to fill up a little more."),
        _("Breathe out slowly through your mouth, for as long as feels easy."),
        _("Repeat for up to five minutes."),
    ),
    phases=(
        Phase("in", _("Breathe in through your nose"), 2),
        Phase("top-up", _("A little more"), 1),
        Phase("out", _("Slow sigh out"), 6),
    ),
    rounds=33,
    rounds_from_minutes=True,
    settings=(
        Setting("minutes", _("How long"), _minutes_choices((1, 3, 5)), default=5),
    ),
)

_SCAN_AREAS = (
    (_("Your feet"), _("Notice where they touch the floor.")),
    (_("Your legs"), _("Notice if they feel heavy or light.")),
    (_("Your hands"), _("Notice if they feel warm or cool.")),
    (_("Your arms"), _("Let them rest.")),
    (_("Your shoulders"), _("Let them drop a little, if that feels okay.")),
    (_("Your face"), _("Notice your jaw and your forehead.")),
    (_("Your breath"), _("Just notice it. No need to change it.")),
)

BODY_SCAN = Exercise(
    slug="body-scan",
    title=_("A short body scan"),
    summary=_("Move your attention slowly through a few parts of your body."),
    intro=(
        _("This is a short, gentle check-in with your body. You just notice. There is nothing "
          "to fix and no right way to feel."),
        _("You can keep your eyes open. You can skip any part of your body, or rest your "
          "attention on something in the room instead."),
    ),
    care_note=_("Paying attention to your body can bring up hard feelings after trauma. "
                "If it does, you can stop, look around the room, and name what you see."),
    steps=tuple(_fill(_("%(area)s. %(detail)s"), area=a, detail=d) for a, d in _SCAN_AREAS),
    phases=tuple(Phase("notice", area, 20, detail) for area, detail in _SCAN_AREAS),
)

# (group, how to tense, how to let go, the setting that must be on, or "" for always).
# Belly and thighs sit close to places that can hold hard memories, so they are left out
# unless the person turns them on; the calves stand in for the legs.
_MUSCLE_GROUPS: tuple[tuple[Text, Text, Text, str], ...] = (
    (_("Hands"), _("Make gentle fists."), _("Open your hands. Notice the change."), ""),
    (_("Arms"), _("Bend your elbows and tighten your arms."), _("Let your arms go loose."), ""),
    (_("Shoulders"), _("Lift your shoulders toward your ears."), _("Let them drop."), ""),
    (_("Face"), _("Scrunch up your face."), _("Let your face go soft."), ""),
    (_("Belly"), _("Tighten your belly a little."), _("Let it go. Breathe easy."), "core"),
    (_("Thighs"), _("Tighten the tops of your legs a little."), _("Let your legs rest."),
     "core"),
    (_("Calves"), _("Point your toes up toward your knees."), _("Let your feet rest."), ""),
    (_("Feet"), _("Curl your toes."), _("Let your toes relax."), ""),
)

MUSCLES = Exercise(
    slug="muscles",
    title=_("Tense and let go"),
    summary=_("Tighten one part of your body for a few seconds, then let it go."),
    intro=(
        _("You tense one group of muscles for about five seconds, then let go and rest for "
          "about thirty. The change from tight to loose can help your body let go of stress."),
        _("Use only a little effort. It is never meant to hurt."),
    ),
    care_note=_("Tensing can feel bad for some people. Skip any part that hurts or feels "
                "wrong, and just rest and breathe instead. The belly and thighs are left "
                "out unless you choose them."),
    steps=tuple(
        _fill(_("%(group)s: %(tense)s Hold for about 5 seconds. %(release)s Rest for about "
                "30 seconds."), group=g, tense=t, release=r)
        if not only_if else
        _fill(_("Only if you chose it, %(group)s: %(tense)s Hold for about 5 seconds. "
                "%(release)s Rest for about 30 seconds."), group=g, tense=t, release=r)
        for g, t, r, only_if in _MUSCLE_GROUPS
    ),
    phases=tuple(
        phase
        for group, tense, release, only_if in _MUSCLE_GROUPS
        for phase in (Phase("tense", group, 5, tense, optional=only_if),
                      Phase("release", _("Let go"), 30, release, optional=only_if))
    ),
    settings=(
        Setting("core", _("Include the belly and thighs"), kind="checkbox", default=0,
                hint=_("Off to start with. Turn it on only if it feels okay.")),
    ),
)

EXERCISES: tuple[Exercise, ...] = (SENSES, BOX, PACED, SIGHING, BODY_SCAN, MUSCLES)
BY_SLUG: dict[str, Exercise] = {exercise.slug: exercise for exercise in EXERCISES}


# "How are you now?" answers: the value stored (sealed) and what the page says back.
# Labels come from choices.Feeling (declared once); the replies live here.
_REPLIES: dict[str, Text] = {
    Feeling.CALMER: _("Good. Notice what helped, so you can find it again when you need it."),
    Feeling.SAME: _("That’s okay. Sometimes it takes a few tries, or a different exercise. "
                    "Resting is fine too."),
    Feeling.NOT_OKAY: _("Thank you for checking in with yourself. You don’t have to get "
                        "through this alone. The people on the help page are there for "
                        "moments like this."),
}
FEELINGS: tuple[tuple[str, Text, Text], ...] = tuple(
    (str(feeling.value), feeling.label, _REPLIES[feeling]) for feeling in Feeling
)
FEELING_LABELS: dict[str, Text] = {key: label for key, label, _reply in FEELINGS}
FEELING_REPLIES: dict[str, Text] = {key: reply for key, _label, reply in FEELINGS}
