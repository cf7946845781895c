"""The areas shown in the menu and on the home page, gathered from each app's AppConfig.

A feature app adds itself by giving its AppConfig a `cove_nav` list of NavItem, so no
app has to edit the base layout to appear in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    description: str | Promise = ""
    order: int = 100
    signed_in_only: bool = True
    # A symbol id in cove/core/static/cove/icons.svg; "" takes the one in ICONS below.
    icon: str = ""

    @property
    def icon_name(self) -> str:
        return self.icon or ICONS.get(self.url_name, "leaf")


# Icons for the areas that do not name one themselves (see docs/design.md, "Icons").
ICONS = {
    "safety:index": "map",
    "safety:comfort": "gift",
    "grounding:index": "wind",
    "learn:index": "book-open",
    "boundaries:index": "fence",
    "ladder:index": "footprints",
    "journal:index": "notebook-pen",
    "measures:index": "clipboard-list",
    "progress:checkin": "calendar-check",
    "progress:index": "sprout",
    "voice:index": "mic",
    "clinic:sharing": "stethoscope",
}


@cache
def nav_items() -> tuple[NavItem, ...]:
    items: list[NavItem] = []
    for config in apps.get_app_configs():
        items.extend(getattr(config, "cove_nav", ()))
    return tuple(sorted(items, key=lambda item: (item.order, str(item.label))))
