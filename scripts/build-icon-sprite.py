"""Build cove/core/static/cove/icons.svg from the Lucide icons we use (ISC licence).

Usage: npm pack lucide-static && tar xzf lucide-static-*.tgz
       python scripts/build-icon-sprite.py package/icons
Only the icons named below go in, so the sprite stays a few kilobytes. Each becomes a
<symbol id="NAME">; pages draw one with
<svg class="icon" aria-hidden="true"><use href="{% static 'cove/icons.svg' %}#NAME"/></svg>.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ICONS = [
    "house", "life-buoy", "menu", "sun", "moon", "settings", "wind", "notebook-pen",
    "footprints", "book-open", "clipboard-list", "calendar-check", "sprout", "map",
    "gift", "fence", "shield-check", "x", "check", "chevron-right", "chevron-left",
    "leaf", "log-out", "printer", "circle-pause", "hand-heart", "users", "stethoscope",
    "sparkles", "heart", "pencil-line", "plus", "minus", "sun-moon", "mic",
]
OUT = Path(__file__).resolve().parent.parent / "cove/core/static/cove/icons.svg"


def body(svg: str) -> str:
    inner = svg.split(">", 2)[2] if svg.startswith("<!--") else svg.split(">", 1)[1]
    inner = inner.rsplit("</svg>", 1)[0]
    inner = re.sub(r"\s*/>", "/>", re.sub(r"\s+", " ", inner)).strip()
    return inner.replace("> <", "><")


def main(folder: str) -> None:
    parts = ['<svg xmlns="http://www.w3.org/2000/svg">',
             "<!-- Icons from Lucide (https://lucide.dev), ISC licence: see icons.LICENSE -->"]
    for name in ICONS:
        svg = (Path(folder) / f"{name}.svg").read_text()
        parts.append(f'<symbol id="{name}" viewBox="0 0 24 24" fill="none" stroke="currentColor"'
                     f' stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
                     f"{body(svg)}</symbol>")
    parts.append("</svg>")
    OUT.write_text("\n".join(parts) + "\n")
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(ICONS)} icons")


if __name__ == "__main__":
    main(sys.argv[1])
