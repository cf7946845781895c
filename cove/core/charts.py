"""Server-rendered SVG line charts, one module for every chart in Cove (progress, ladder).

Render with `{% include "cove/includes/chart.html" with chart=chart %}` and load
`cove/chart.css`; show the same numbers in a table beside it. The include shows
`Chart.figure`, drawn here with one format_html call (every value escaped): a
page of nine charts cost more in template loops than everything else on it.

Written here because the charts are small and must meet rules a library would fight:
no script, no inline style (strict CSP), role="img" with a title and description, and
shapes and dash patterns as well as colour, so colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from django.utils.html import format_html
from django.utils.safestring import SafeString

# Sized for a phone: at 360 px the drawing is shown near 1:1, so its text stays readable.
WIDTH = 320
HEIGHT = 180
LEFT = 30
RIGHT = 14
TOP = 12
BOTTOM = 30
MARKERS = ("circle", "square", "diamond")
# Each marker's shape in the legend's key, where it is drawn a little larger.
KEYS = {
    "circle": format_html('<circle cx="{}" cy="{}" r="{}"/>', 14, 6, 4),
    "square": format_html('<rect x="{}" y="{}" width="{}" height="{}"/>', 10, 2, 8, 8),
    "diamond": format_html('<polygon points="{}"/>', "14,1 19,6 14,11 9,6"),
}


@dataclass
class Series:
    label: str
    values: list[float | None]


# Each marker's shape at a dot, and the numbers it takes from the dot's centre (x, y).
_MARKS = {
    "circle": ('<circle cx="{}" cy="{}" r="3"/>', lambda x, y: (x, y)),
    "square": ('<rect x="{}" y="{}" width="6" height="6"/>',
               lambda x, y: (round(x - 3, 1), round(y - 3, 1))),
    "diamond": ('<polygon points="{}"/>', lambda x, y: (
        f"{x},{y - 4:.1f} {x + 4:.1f},{y} {x},{y + 4:.1f} {x - 4:.1f},{y}",)),
}


@dataclass
class DrawnSeries:
    label: str
    css: str
    marker: str
    segments: list[str]
    dots: list[tuple[float, float]]  # each dot's centre


@dataclass
class Chart:
    key: str
    title: str
    desc: str
    x_labels: list[str]
    series: list[DrawnSeries] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str, str]] = field(default_factory=list)  # x, label, anchor
    lines: list[dict[str, float]] = field(default_factory=list)
    # Every chart has the same size, so these are part of the markup, not values in it.
    width: ClassVar[int] = WIDTH
    height: ClassVar[int] = HEIGHT
    plot_left: ClassVar[int] = LEFT
    plot_right: ClassVar[int] = WIDTH - RIGHT
    plot_top: ClassVar[int] = TOP
    plot_bottom: ClassVar[int] = HEIGHT - BOTTOM
    ylabel_x: ClassVar[int] = LEFT - 5
    xlabel_y: ClassVar[int] = HEIGHT - 9

    @property
    def has_data(self) -> bool:
        return any(s.dots for s in self.series)

    @property
    def figure(self) -> SafeString:
        """The whole <figure>: the SVG with its title and description, and a legend when
        there is more than one series.

        One format_html call for the whole chart (every value still escaped): a two-year
        page has hundreds of dots, and a call or a template tag per dot cost more than
        everything else on the chart.
        """
        parts = [_HEAD]
        args: list[object] = [self.key, self.key, self.key, self.title, self.key, self.desc]
        for y, label in self.y_ticks:
            parts.append(_Y_TICK)
            args += (y, y, y, label)
        parts.append("\n      ")
        for x, label, anchor in self.x_ticks:
            parts.append(_X_TICK)
            args += (x, anchor, label)
        parts.append("\n    </g>\n    ")
        for line in self.lines:
            parts.append(_REFERENCE)
            args += (line["y"], line["y"])
        parts.append("\n    ")
        for s in self.series:
            parts.append('<g class="chart__series {}">\n      ')
            args.append(s.css)
            parts.append('<polyline fill="none" points="{}"/>' * len(s.segments))
            args += s.segments
            parts.append("\n      ")
            shape, numbers = _MARKS[s.marker]
            parts.append(shape * len(s.dots))
            for x, y in s.dots:
                args += numbers(x, y)
            parts.append("\n    </g>")
        parts.append("\n  </svg>\n  ")
        if len(self.series) > 1:
            parts.append('<figcaption><ul class="chart__legend">')
            for s in self.series:
                parts.append('<li class="{}"><svg class="chart__key" viewBox="0 0 28 12" '
                             'aria-hidden="true" focusable="false">'
                             '<line x1="0" x2="28" y1="6" y2="6"/>{}</svg>{}</li>')
                args += (s.css, KEYS[s.marker], s.label)
            parts.append("</ul></figcaption>")
        parts.append("\n</figure>\n")
        return format_html("".join(parts), *args)


# The parts of a chart's markup that are the same for every chart (its size is fixed).
# (f-strings: the size goes in now, and each {{}} stays a {} for format_html).
_HEAD = (f'<figure class="chart">\n  <svg class="chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
         'role="img" aria-labelledby="{}-title {}-desc" focusable="false">\n'
         '    <title id="{}-title">{}</title>\n    <desc id="{}-desc">{}</desc>\n'
         '    <g class="chart__grid">\n      ')
_Y_TICK = (f'<line x1="{Chart.plot_left}" x2="{Chart.plot_right}" y1="{{}}" y2="{{}}"/>'
           f'<text class="chart__ylabel" x="{Chart.ylabel_x}" y="{{}}" text-anchor="end" '
           'dominant-baseline="middle">{}</text>')
_X_TICK = f'<text class="chart__xlabel" x="{{}}" y="{Chart.xlabel_y}" text-anchor="{{}}">{{}}</text>'
_REFERENCE = (f'<line class="chart__reference" x1="{Chart.plot_left}" x2="{Chart.plot_right}" '
              'y1="{}" y2="{}"/>')


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
        dots: list[tuple[float, float]] = []
        for index, maybe in enumerate(item.values):
            if maybe is None:
                if current:
                    segments.append(" ".join(current))
                current = []
                continue
            x, y = _x(index, count), _y(maybe, y_max)
            current.append(f"{x},{y}")
            dots.append((x, y))
        if current:
            segments.append(" ".join(current))
        chart.series.append(DrawnSeries(item.label, f"series-{number + 1}", marker, segments,
                                        dots))
    return chart
