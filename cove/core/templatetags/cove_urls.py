"""`{% url %}` as Django's, remembering the address of a name given without arguments.

Installed as a template builtin (settings.TEMPLATES), so it replaces Django's tag in every
template. Every page draws the menu, the quick exit and the sign-out form: two dozen
addresses or more without arguments, and Django works each one out again (about 40 µs
each, a large part of a light page's time; docs/performance.md). Those addresses only
change with the URLconf or the script prefix, so they are remembered per name, current
app, prefix and URLconf; an address with arguments is worked out each time, as before.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import Library
from django.template.base import Parser, Token
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = Library()


@lru_cache(maxsize=1024)
def _remembered(view_name: str, current_app: str | None, prefix: str, urlconf: Any) -> str:
    return reverse(view_name, urlconf=urlconf, current_app=current_app)


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs: Any) -> None:
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _remembered.cache_clear()


class RememberingURLNode(URLNode):
    def render(self, context: Any) -> str:
        if self.args or self.kwargs:
            return str(super().render(context))
        view_name = self.view_name.resolve(context)
        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", None)
        if current_app is None:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        url = ""
        try:
            url = _remembered(view_name, current_app, get_script_prefix(), get_urlconf())
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return str(conditional_escape(url)) if context.autoescape else url


@register.tag
def url(parser: Parser, token: Token) -> URLNode:
    node = django_url(parser, token)
    return RememberingURLNode(node.view_name, node.args, node.kwargs, node.asvar)
