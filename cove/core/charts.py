"""Server-rendered SVG line charts, one module for every chart in Cove (progress, ladder).

Render with `{% include "cove/includes/chart.html" with chart=chart %}` and load
`cove/chart.css`; show the same numbers in a table beside it.

Written here because the charts are small and must meet rules a library would fight:
no script, no inline style (strict CSP), role="img" with a title and description, and
shapes and dash patterns as well as colour, so colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

# Sized for a phone: at 360 px the drawing is shown near 1:1, so its text stays readable.
WIDTH = 320
HEIGHT = 180
LEFT = 30
RIGHT = 14
TOP = 12
BOTTOM = 30
MARKERS = ("circle", "square", "diamond")


@dataclass
class Series:
    label: str
    values: list[float | None]


@dataclass
class Dot:
    x: float
    y: float
    marker: str

    @property
    def corner(self) -> tuple[float, float]:
        return round(self.x - 3, 1), round(self.y - 3, 1)

    @property
    def diamond(self) -> str:
        x, y = self.x, self.y
        return f"{x},{y - 4:.1f} {x + 4:.1f},{y} {x},{y + 4:.1f} {x - 4:.1f},{y}"

    @property
    def svg(self) -> SafeString:
        if self.marker == "circle":
            return format_html('<circle cx="{}" cy="{}" r="3"/>', self.x, self.y)
        if self.marker == "square":
            return format_html('<rect x="{}" y="{}" width="6" height="6"/>', *self.corner)
        return format_html('<polygon points="{}"/>', self.diamond)


@dataclass
class DrawnSeries:
    label: str
    css: str
    marker: str
    segments: list[str]
    dots: list[Dot]

    @property
    def marks(self) -> SafeString:
        """Every dot's shape, drawn here in one pass: a two-year chart has hundreds, and a
        template tag per dot cost more than the rest of the chart (numbers only, escaped)."""
        return format_html_join("", "{}", ((dot.svg,) for dot in self.dots))


@dataclass
class Chart:
    key: str
    title: str
    desc: str
    x_labels: list[str]
    series: list[DrawnSeries] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str, str]] = field(default_factory=list)  # x, label, anchor
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_top: int = TOP
    plot_bottom: int = HEIGHT - BOTTOM
    lines: list[dict[str, float]] = field(default_factory=list)
    ylabel_x: int = LEFT - 5
    xlabel_y: int = HEIGHT - 9

    @property
    def has_data(self) -> bool:
        return any(s.dots for s in self.series)


def _x(index: int, count: int) -> float:
    span = WIDTH - RIGHT - LEFT
    if count <= 1:
        return LEFT + span / 2
    return round(LEFT + span * index / (count - 1), 1)


def _y(value: float, y_max: float) -> float:
    span = HEIGHT - BOTTOM - TOP
    value = min(max(value, 0), y_max)
    return round(HEIGHT - BOTTOM - span * value / y_max, 1)


def nice_step(y_max: float) -> float:
    """A round step for about four to six labels: 27 gives 5 (0, 5 … 25), never 6.75.

    Labels such as "20.25" are wider than the space left of the plot and were cut off.
    """
    if y_max <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if y_max / step <= 6:
            return float(step)
    return y_max / 4


def line_chart(key: str, title: str, desc: str, x_labels: list[str], series: list[Series],
               y_max: float, y_step: float | None = None,
               reference_lines: list[float] | None = None) -> Chart:
    """Lay out one chart: x positions by index, y from 0 to y_max, gaps where a value is None."""
    chart = Chart(key=key, title=title, desc=desc, x_labels=x_labels)
    count = len(x_labels)
    step = y_step or nice_step(y_max)
    level = 0.0
    while level <= y_max + 1e-9:
        chart.y_ticks.append((_y(level, y_max), f"{level:g}"))
        level += step
    if count:
        every = max(1, -(-count // 4))  # at most about four labels along the bottom
        indexes = list(range(0, count, every))
        if (count - 1) % every:
            if len(indexes) > 1:
                indexes.pop()  # too close to the last label to fit beside it
            indexes.append(count - 1)
        for i in indexes:
            # The end labels line up with the plot's edges so they are never cut off.
            anchor = "middle"
            if count > 1 and i == 0:
                anchor = "start"
            elif count > 1 and i == count - 1:
                anchor = "end"
            chart.x_ticks.append((_x(i, count), x_labels[i], anchor))
    for value in reference_lines or []:
        y = _y(value, y_max)
        chart.lines.append({"y": y})
    for number, item in enumerate(series):
        marker = MARKERS[number % len(MARKERS)]
        segments: list[str] = []
        current: list[str] = []
        dots: list[Dot] = []
        for index, maybe in enumerate(item.values):
            if maybe is None:
                if current:
                    segments.append(" ".join(current))
                current = []
                continue
            x, y = _x(index, count), _y(maybe, y_max)
            current.append(f"{x},{y}")
            dots.append(Dot(x, y, marker))
        if current:
            segments.append(" ".join(current))
        chart.series.append(DrawnSeries(item.label, f"series-{number + 1}", marker, segments,
                                        dots))
    return chart
