"""Django's {# #} comments end at the end of their line: one that runs on is shown to people."""

from __future__ import annotations

from pathlib import Path

import cove

TEMPLATES = sorted(Path(cove.__file__).parent.glob("**/templates/**/*.html"))


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 50


def test_no_short_comment_runs_onto_a_second_line():
    spilled = []
    for path in TEMPLATES:
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            opened = line.rfind("{#")
            if opened != -1 and "#}" not in line[opened:]:
                spilled.append(f"{path.relative_to(Path(cove.__file__).parent)}:{number}")
    assert spilled == [], "use {% comment %} for comments over several lines"
