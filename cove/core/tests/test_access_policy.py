"""Every view and API operation declares who may use it; undeclared views are refused."""

from __future__ import annotations

from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, path

from cove.api import operations
from cove.core.policy import Policy, policy_of


def walk(patterns=None, prefix=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_every_view_in_the_urlconf_declares_a_policy():
    missing = [
        route for route, callback in walk()
        if getattr(callback, "__module__", "") != "ninja.operation" and policy_of(callback) is None
    ]
    assert missing == []


def test_every_api_operation_declares_a_policy():
    missing = [f"{method} {route}" for method, route, view in operations() if policy_of(view) is None]
    assert missing == []
    assert len(operations()) > 10


def test_public_api_operations_are_the_expected_few():
    public = {f"{m} {r}" for m, r, v in operations() if policy_of(v) == Policy.PUBLIC}
    assert {"POST /auth/signup", "POST /auth/login", "GET /auth/csrf"} <= public


def undeclared(request):
    return HttpResponse("should never be served")


urlpatterns = [path("undeclared/", undeclared)]


@override_settings(ROOT_URLCONF=__name__)
def test_a_view_without_a_policy_is_refused_at_run_time():
    response = Client().get("/undeclared/")
    assert response.status_code == 404
    assert b"should never be served" not in response.content
