"""Plain words about each questionnaire and its result, written for Cove.

Never a diagnosis: a result is described as something to talk over with a professional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cove.measures.choices import Band
from cove.measures.instruments import Instrument
from cove.measures.scoring import Score

ABOUT = {
    "mood": gettext_lazy("Nine questions about mood, sleep, energy and interest in things over "
                         "the last two weeks."),
    "worry": gettext_lazy("Seven questions about worry and feeling on edge over the last two "
                          "weeks."),
    "stress": gettext_lazy("Twenty questions about how a very hard time in your life may "
                           "still affect you."),
}

CLUSTER_NAMES = {
    "B": gettext_lazy("Memories, dreams and reliving"),
    "C": gettext_lazy("Staying away from reminders"),
    "D": gettext_lazy("Thoughts and feelings"),
    "E": gettext_lazy("Alertness, sleep and reactions"),
}


@dataclass
class Explained:
    summary: str
    band_sentence: str = ""
    pattern_sentence: str = ""
    cutpoint_sentence: str = ""
    change_sentence: str = ""
    change_note: str = ""
    clusters: list[dict[str, Any]] = field(default_factory=list)
    # A gentle next step for a high total (never a gate, never alarm colours).
    next_step: list[str] = field(default_factory=list)


def band_label(name: str | None) -> str:
    """The band in plain words ("none to minimal"), never the raw API value."""
    if name in Band.values:
        return str(Band(name).label)
    return name or ""


class _Explain:
    def about(self, instrument: Instrument) -> str:
        text = ABOUT.get(instrument.kind)
        if text is None:
            return _("%(n)s questions.") % {"n": len(instrument.items)}
        if instrument.period == "the past week":
            return _("Twenty questions about how a very hard time in your life may have "
                     "affected you this past week.")
        return str(text)

    def _pattern_and_cutpoint(self, score: Score, explained: Explained) -> None:
        """Both ways a PCL-5 result can be worth discussing, side by side (clinical.md).

        A high total that misses the cluster pattern must never read as reassurance, so the
        "does not match" words appear only together with a total below the cut-point.
        """
        pattern, above, cut = score.provisional_pattern, score.at_or_above_cutpoint, score.cutpoint
        values = {"total": score.total, "cut": cut}
        if pattern is True:
            explained.pattern_sentence = _(
                "Your answers show a pattern worth discussing with a professional. It is not "
                "a diagnosis. Only a talk with someone trained can say what it means for you.")
        if above is True and pattern is True:
            explained.cutpoint_sentence = _(
                "Your total of %(total)s is also at or above %(cut)s, the point this "
                "questionnaire uses. That is another sign worth talking over.") % values
        elif above is True:
            explained.cutpoint_sentence = _(
                "Your total of %(total)s is at or above %(cut)s, the point this questionnaire "
                "uses. A total this high is worth talking over with a professional. That is "
                "true even though your answers do not match the pattern of the four groups "
                "above.") % values
        elif above is False and pattern is True:
            explained.cutpoint_sentence = _(
                "Your total of %(total)s is below %(cut)s, the point this questionnaire uses. "
                "The pattern still matters, and is worth talking over.") % values
        elif above is False and pattern is False:
            explained.pattern_sentence = _(
                "Your answers do not match the pattern this questionnaire looks for, and your "
                "total of %(total)s is below %(cut)s. Even so, what you feel matters. A "
                "professional can help you make sense of it.") % values
        elif pattern is False:  # an instrument with a pattern but no cut-point
            explained.pattern_sentence = _(
                "Your answers do not match the pattern this questionnaire looks for. Even so, "
                "what you feel matters. A professional can help you make sense of it.")

    def _next_step(self, instrument: Instrument, score: Score) -> list[str]:
        if not score.further_help_suggested:
            return []
        if instrument.further_help_at is not None and score.total >= instrument.further_help_at:
            why = _("A total of %(n)s or more is where the people who made this questionnaire "
                    "suggest a closer look with a professional.") % {
                "n": instrument.further_help_at}
        else:
            why = _("A total at or above %(cut)s is where this questionnaire suggests a closer "
                    "look with a professional.") % {"cut": score.cutpoint}
        return [
            why,
            _("It may mean things have been hard for a while. It does not mean something is "
              "wrong with you, and it is not a diagnosis."),
            _("Talking with a doctor, therapist or counsellor can help. You can show them this "
              "result, or just tell them how you have been. It is your choice, and there is "
              "no rush."),
        ]

    def result(self, instrument: Instrument, score: Score) -> Explained:
        explained = Explained(summary=_("Your answers add up to %(total)s out of %(max)s.") % {
            "total": score.total, "max": score.max_total})
        band = next((b for b in instrument.bands if b.name == score.band), None)
        if band is not None:
            explained.band_sentence = _(
                "On this list of questions, a total from %(min)s to %(max)s is called "
                "“%(name)s”.") % {"min": band.min, "max": band.max,
                                  "name": band_label(band.name)}
        if score.clusters:
            first_last = instrument.clusters
            explained.clusters = [
                {"name": str(CLUSTER_NAMES.get(key, key)), "key": key, "total": value,
                 "max": (first_last[key][1] - first_last[key][0] + 1) * instrument.max_answer}
                for key, value in score.clusters.items()
            ]
        self._pattern_and_cutpoint(score, explained)
        explained.next_step = self._next_step(instrument, score)
        if score.change is not None:
            difference = score.change.difference
            if difference < 0:
                explained.change_sentence = _(
                    "Last time your total was %(prev)s. This time it is %(n)s lower.") % {
                    "prev": score.change.previous_total, "n": -difference}
            elif difference > 0:
                explained.change_sentence = _(
                    "Last time your total was %(prev)s. This time it is %(n)s higher.") % {
                    "prev": score.change.previous_total, "n": difference}
            else:
                explained.change_sentence = _("Your total is the same as last time (%(prev)s).") % {
                    "prev": score.change.previous_total}
            if instrument.change is not None and score.change.clinically_meaningful:
                explained.change_note = _(
                    "On this questionnaire, a change of %(n)s points or more, up or down, is a "
                    "big change. A doctor or therapist would see it as real.") % {
                    "n": instrument.change.meaningful}
            elif instrument.change is not None and score.change.response:
                explained.change_note = _(
                    "On this questionnaire, a change of %(n)s points or more is seen as a real "
                    "change, not chance.") % {"n": instrument.change.response}
        return explained


explain = _Explain()
