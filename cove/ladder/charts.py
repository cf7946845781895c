"""A small server-rendered SVG chart of distress before, at the peak and after each practice.

Written here rather than pulled from a chart library: it is a few lines of arithmetic,
needs no JavaScript, and stays inside the strict CSP. The chart is drawn with shapes and
line styles as well as colours, so colour is never the only signal, and it never uses
alarm colours: a harder day is just another point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

WIDTH, HEIGHT = 480, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 40


@dataclass
class Series:
    key: str
    label: str
    path: str = ""
    points: list[tuple[float, float, int, int]] = field(default_factory=list)


@dataclass
class Chart:
    width: int
    height: int
    series: list[Series]
    gridlines: list[tuple[float, int]]
    xlabels: list[tuple[float, int]]
    plot_left: int
    plot_right: int
    plot_bottom: int
    description: str
    empty: bool


def _x(index: int, count: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    if count <= 1:
        return LEFT + inner / 2
    return round(LEFT + inner * (index / (count - 1)), 1)


def _y(value: int) -> float:
    inner = HEIGHT - TOP - BOTTOM
    return round(TOP + inner * (1 - value / 100), 1)


def distress_chart(points: Sequence[Any]) -> Chart:
    count = len(points)
    series = [Series("before", _("Before")), Series("peak", _("Peak")),
              Series("after", _("After"))]
    for one in series:
        segments: list[str] = []
        for index, point in enumerate(points):
            value = getattr(point, one.key)
            if value is None:
                continue
            x, y = _x(index, count), _y(value)
            one.points.append((x, y, value, point.number))
            segments.append(f"{'M' if not segments else 'L'}{x},{y}")
        one.path = " ".join(segments)
    step = max(1, count // 8)
    xlabels = [(_x(i, count), p.number) for i, p in enumerate(points) if i % step == 0]
    description = _(
        "Distress from 0 to 100 for each of %(count)s practices, in order. Three lines: "
        "before, at the peak and after. The table below has the same numbers."
    ) % {"count": count}
    return Chart(
        width=WIDTH, height=HEIGHT, series=series,
        gridlines=[(_y(v), v) for v in (0, 25, 50, 75, 100)], xlabels=xlabels,
        plot_left=LEFT, plot_right=WIDTH - RIGHT, plot_bottom=HEIGHT - BOTTOM,
        description=description, empty=not any(s.points for s in series),
    )
