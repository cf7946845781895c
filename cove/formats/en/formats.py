"""Cove's one date format in English: "27 November 2026", the same on every page.

Day first and the month in words, so it reads the same to people anywhere. Other
languages get their own folder beside this one.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j M"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
