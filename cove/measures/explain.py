"""Plain words about each questionnaire and its result, written for Cove.

Never a diagnosis: a result is described as something to talk over with a professional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cove.measures.instruments import Instrument
from cove.measures.scoring import Score

ABOUT = {
    "mood": gettext_lazy("Nine questions about mood, sleep, energy and interest in things over "
                         "the last two weeks."),
    "worry": gettext_lazy("Seven questions about worry and feeling on edge over the last two "
                          "weeks."),
    "stress": gettext_lazy("Twenty questions about how a very stressful experience may still "
                           "affect you."),
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
    change_sentence: str = ""
    change_note: str = ""
    clusters: list[dict[str, Any]] = field(default_factory=list)


class _Explain:
    def about(self, instrument: Instrument) -> str:
        text = ABOUT.get(instrument.kind)
        if text is None:
            return _("%(n)s questions.") % {"n": len(instrument.items)}
        if instrument.period == "the past week":
            return _("Twenty questions about how a very stressful experience may have affected "
                     "you over the past week.")
        return str(text)

    def result(self, instrument: Instrument, score: Score) -> Explained:
        explained = Explained(summary=_("Your answers add up to %(total)s out of %(max)s.") % {
            "total": score.total, "max": score.max_total})
        band = next((b for b in instrument.bands if b.name == score.band), None)
        if band is not None:
            explained.band_sentence = _(
                "On this questionnaire, totals from %(min)s to %(max)s are described as "
                "“%(name)s”.") % {"min": band.min, "max": band.max, "name": band.name}
        if score.clusters:
            first_last = instrument.clusters
            explained.clusters = [
                {"name": str(CLUSTER_NAMES.get(key, key)), "key": key, "total": value,
                 "max": (first_last[key][1] - first_last[key][0] + 1) * instrument.max_answer}
                for key, value in score.clusters.items()
            ]
        if score.provisional_pattern is True:
            explained.pattern_sentence = _(
                "Your answers show a pattern worth discussing with a professional. It is not a "
                "diagnosis: only a conversation with someone trained can say what it means "
                "for you.")
        elif score.provisional_pattern is False:
            explained.pattern_sentence = _(
                "Your answers do not show the particular pattern this questionnaire looks for. "
                "Whatever the numbers say, what you feel matters, and a professional can help "
                "you make sense of it.")
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
                    "A change of %(n)s points or more is usually seen as a clinically meaningful "
                    "change, in either direction.") % {"n": instrument.change.meaningful}
            elif instrument.change is not None and score.change.response:
                explained.change_note = _(
                    "A change of %(n)s points or more is usually seen as a real change, not "
                    "chance.") % {"n": instrument.change.response}
        return explained


explain = _Explain()
