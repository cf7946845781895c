"""Every page that takes no argument in its address, by who may open it (for sweeps)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

from cove.core.policy import Policy, policy_of


def parameterless_pages(policy_filter):
    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if str(entry.pattern).startswith("api/"):
                    continue
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern) and not entry.pattern.converters:
                route = "/" + prefix + str(entry.pattern)
                skipped = ("sw.js", ".webmanifest", "healthz", "readyz", "livez", "exit/", "logout/")
                if route.endswith(skipped):
                    continue
                if "." in route.rsplit("/", 1)[-1] or route.endswith((".ics", ".json")):
                    continue
                if policy_filter(policy_of(entry.callback)):
                    yield route

    return sorted(set(walk(get_resolver().url_patterns)))


PUBLIC_PAGES = parameterless_pages(lambda p: p == Policy.PUBLIC)
SIGNED_IN_PAGES = parameterless_pages(lambda p: p in (Policy.SIGNED_IN, Policy.SIGNED_IN_LOCKED))
