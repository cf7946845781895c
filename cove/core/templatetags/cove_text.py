"""Small template filters for showing what people wrote."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def lines(text: object) -> list[str]:
    """A text box's lines, without blank ones: `{% for line in plan.after|lines %}`."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]
