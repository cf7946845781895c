"""Small defects from the look-and-feel review (issue 18.7), each kept fixed by a test."""

from __future__ import annotations

import re

import pytest

from cove.safety import services as safety

pytestmark = pytest.mark.django_db


def test_after_a_pause_lines_are_a_list_not_one_run_on_line(survivor):
    safety.save_plan(survivor.vault(),
                     {"after_pause": "Give me some space\nBring me a glass of water"})
    page = survivor.client.get("/ladder/pause/").content.decode()
    assert re.search(r"<li>Give me some space</li>\s*<li>Bring me a glass of water</li>", page)


def _found(pattern: str, text: str) -> re.Match[str]:
    match = re.search(pattern, text)
    assert match is not None, pattern
    return match


def test_an_example_added_twice_without_javascript_is_there_once(survivor):
    page = survivor.client.get("/plan/edit/").content.decode()
    name, value = _found(r'class="chip" name="(add)" value="([^"]+)"', page).groups()
    part = value.split(":")[0]
    box = rf'<textarea[^>]*name="{part}"[^>]*>\s*([^<]*)</textarea>'
    first = survivor.post("/plan/edit/", {name: value}).content.decode()
    text = _found(box, first).group(1).strip()
    second = survivor.post("/plan/edit/", {name: value, part: text}).content.decode()
    assert text and _found(box, second).group(1).strip() == text


@pytest.mark.parametrize("y_max", [27.0, 21.0, 80.0, 10.0, 100.0])
def test_chart_axis_labels_are_round_and_fit_left_of_the_plot(y_max):
    from cove.core import charts

    chart = charts.line_chart("m", "t", "d", ["a", "b"], [charts.Series("s", [1.0, 2.0])],
                              y_max=y_max)
    labels = [label for _y, label in chart.y_ticks]
    assert all(label.isdigit() for label in labels), labels
    # 12 px digits are about 7 units wide: three fit in the space left of the axis.
    assert max(len(label) for label in labels) * 7 <= chart.ylabel_x
    assert 4 <= len(labels) <= 7
