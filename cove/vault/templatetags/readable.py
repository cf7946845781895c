"""`{% readable_document sections as areas %}`: the export's sections as a document."""

from __future__ import annotations

from typing import Any

from django import template

from cove.vault import readable

register = template.Library()


@register.simple_tag
def readable_document(sections: list[dict[str, Any]]) -> list[readable.Area]:
    return readable.document(sections)
