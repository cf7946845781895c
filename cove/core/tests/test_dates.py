"""One date format: day, month in words, year, from the language's format file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from django.template import Context, Template

COVE = Path(__file__).resolve().parents[2]
NAMED = {"DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT",
         "MONTH_DAY_FORMAT", "TIME_FORMAT"}
MACHINE = {"c", "Y-m-d"}  # inside datetime="" attributes, never shown


def test_a_date_reads_day_month_year():
    shown = Template("{{ d|date }} | {{ d|date:'SHORT_DATE_FORMAT' }}").render(
        Context({"d": dt.date(2026, 11, 27)}))
    assert shown == "27 November 2026 | 27 Nov 2026"


def test_a_moment_reads_day_month_year_and_24_hour_time():
    shown = Template("{{ d|date:'DATETIME_FORMAT' }}").render(
        Context({"d": dt.datetime(2026, 11, 27, 21, 5)}))
    assert shown == "27 November 2026, 21:05"


def test_templates_use_only_the_named_date_formats():
    odd = []
    for path in COVE.rglob("*.html"):
        for fmt in re.findall(r"\|date:[\"']([^\"']*)[\"']", path.read_text()):
            if fmt not in NAMED | MACHINE:
                odd.append(f"{path.relative_to(COVE)}: {fmt}")
    assert odd == []
