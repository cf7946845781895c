"""What other apps may read from the help app: the crisis lines for this visitor.

Owned by the help app; other apps (questionnaires, the safety plan) show lines only through
`crisis_help()` and the include `help/includes/lines_compact.html`, so every page follows
the same rules about which country's lines a person sees.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from cove.help import lines
from cove.help.choices import Topic


@dataclass(frozen=True)
class CrisisHelp:
    resolution: lines.Resolution
    directories: tuple[lines.Directory, ...]

    @property
    def country(self) -> lines.Country | None:
        return self.resolution.country

    @property
    def crisis_lines(self) -> list[lines.Line]:
        """The lines for a moment of crisis (suicide and crisis lines), for short lists."""
        if self.country is None:
            return []
        return [line for line in self.country.lines if Topic.SUICIDE.value in line.topics]


def crisis_help(request: HttpRequest) -> CrisisHelp:
    return CrisisHelp(lines.country_for(request), lines.data().directories)
