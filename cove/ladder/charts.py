"""The step page's chart of distress before, at the peak and after each practice.

Drawn by the one chart module (cove/core/charts.py), the same as the progress page's, so
both look and read alike: shapes and line styles as well as colours, never alarm colours
(a harder day is just another point).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

from cove.core import charts


def _value(value: int | None) -> float | None:
    return float(value) if value is not None else None


def distress_chart(points: Sequence[Any]) -> charts.Chart:
    description = _(
        "Distress from 0 to 100 for each of %(count)s practices, in order. Three lines: "
        "before, at the peak and after. The table below has the same numbers."
    ) % {"count": len(points)}
    return charts.line_chart(
        "distress", _("Distress before, at the peak and after each practice"), description,
        [str(p.number) for p in points],
        [charts.Series(_("Before"), [_value(p.before) for p in points]),
         charts.Series(_("Peak"), [_value(p.peak) for p in points]),
         charts.Series(_("After"), [_value(p.after) for p in points])],
        y_max=100, y_step=25)
