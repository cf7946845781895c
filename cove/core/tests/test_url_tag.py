"""`{% url %}` remembers addresses without arguments, but never across prefixes or URLconfs."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, path, set_script_prefix

from cove.core import views

urlpatterns = [path("elsewhere/", views.home, name="home")]


def render(source: str) -> str:
    return Template(source).render(Context({}))


def test_an_address_follows_the_script_prefix():
    try:
        set_script_prefix("/cove/")
        assert render("{% url 'core:home' %}") == "/cove/"
        set_script_prefix("/")
        assert render("{% url 'core:home' %}") == "/"
    finally:
        set_script_prefix("/")


def test_an_address_follows_a_changed_urlconf():
    assert render("{% url 'core:home' %}") == "/"
    with override_settings(ROOT_URLCONF=__name__):
        assert render("{% url 'home' %}") == "/elsewhere/"
        with pytest.raises(NoReverseMatch):
            render("{% url 'core:home' %}")
    assert render("{% url 'core:home' %}") == "/"


def test_as_keeps_djangos_meaning():
    assert render("{% url 'core:home' as here %}[{{ here }}]") == "[/]"
    assert render("{% url 'no-such-page' as here %}[{{ here }}]") == "[]"
