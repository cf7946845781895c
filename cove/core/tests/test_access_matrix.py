"""Role x URL matrix: nobody reaches another person's objects by id.

Two survivors get each app's demo data (`demo.py`). Then every URL of the site and the
API that takes an object id is called with the first survivor's ids: as the owner it may
succeed; as the other survivor and as a visitor it must fail exactly like an id that
does not exist (404; or 405 where the method is wrong; visitors are sent to sign in).
Every method is tried (GET, POST, PUT, PATCH, DELETE). Afterwards the owner's data must be
unchanged.
"""

from __future__ import annotations

import itertools
import json
import re
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from cove.conftest import sign_up_person
from cove.core.demo import populate_all
from cove.vault.records import sealed_models

pytestmark = pytest.mark.django_db


def populate(person, role="survivor"):
    populate_all(person.vault(), role)


def id_routes():
    """(route template, [parameter names]) for every site and API URL that takes ids."""

    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern) and entry.pattern.converters:
                yield "/" + prefix + str(entry.pattern)

    found = []
    for route in walk(get_resolver().url_patterns):
        names = re.findall(r"<(?:\w+:)?(\w+)>", route)
        found.append((route, names))
    return found


def fill(route, names, values):
    for name, value in zip(names, values, strict=True):
        route = re.sub(r"<(?:\w+:)?" + name + ">", str(value), route, count=1)
    return route


def owner_ids(person):
    """The owner's first two record ids of each kind, by model name."""
    ids = {}
    for model in sealed_models():
        rows = model.objects.filter(owner=person.user).order_by("created_at")[:2]
        if rows:
            ids[model.__name__.lower()] = [str(row.pk) for row in rows]
    return ids


def candidates(name, ids):
    """Ids that fit a URL parameter: from models whose name matches it, else one id of the
    first two kinds (a link or note the demo does not make; its own tests cover it)."""
    stem = name.removesuffix("_id").removesuffix("_pk").replace("_", "")
    matched = [v for model, values in ids.items() if stem in model or model in stem for v in values]
    return matched or [values[0] for values in list(ids.values())[:2]]


def export(person):
    person.api("post", "/auth/reauth", {"passphrase": person.passphrase})
    data = person.api("get", "/export").json()
    data.pop("exported_at")
    data.pop("activity")
    return json.dumps(data, sort_keys=True)


@pytest.fixture
def two_survivors():
    owner, other = sign_up_person("matrix-owner"), sign_up_person("matrix-other")
    populate(owner)
    populate(other)
    return owner, other


METHODS = ("get", "post", "put", "patch", "delete")
SKIPPED_PARAMETERS = {"username", "area", "token", "instrument", "slug", "exercise", "kind"}


def urls_with_owner_ids(owner):
    """(url with the owner's ids, the same url with ids that exist for nobody)."""
    ids = owner_ids(owner)
    assert len(ids) >= 5, "demo data should give the matrix something to try"
    for route, names in id_routes():
        if any(n in SKIPPED_PARAMETERS for n in names):
            continue
        nobodys = fill(route, names, [uuid.uuid4() for _ in names])
        for values in itertools.islice(
            itertools.product(*(candidates(n, ids) for n in names)), 40
        ):
            yield fill(route, names, values), nobodys


class MissingAnswers:
    """How a URL with ids nobody has is answered, asked once per URL and method."""

    def __init__(self, client, **headers):
        self.client, self.headers, self.seen = client, headers, {}

    def status(self, method, url, **extra):
        if (method, url) not in self.seen:
            call = getattr(self.client, method)
            self.seen[method, url] = call(url, **self.headers, **extra).status_code
        return self.seen[method, url]


def test_another_survivor_gets_404_for_every_id_url_and_changes_nothing(two_survivors):
    owner, other = two_survivors
    before = export(owner)
    token = other.client.cookies["csrftoken"].value
    missing = MissingAnswers(other.client, HTTP_X_CSRFTOKEN=token)
    leaks = []
    for url, nobodys in urls_with_owner_ids(owner):
        for method in METHODS:
            extra = {"data": "{}", "content_type": "application/json"} if (
                method != "get" and url.startswith("/api/")) else {}
            call = getattr(other.client, method)
            response = call(url, HTTP_X_CSRFTOKEN=token, **extra)
            expected = missing.status(method, nobodys, **extra)
            if response.status_code < 400 or response.status_code != expected:
                leaks.append(f"{method.upper()} {url} -> {response.status_code} "
                             f"(a missing id gives {expected})")
    assert leaks == []
    assert export(owner) == before


SIGN_IN_KEEPING_THE_FORM = "accounts/presence/sign_in_to_continue.html"


def refused_to_a_visitor(response):
    """Sent to sign in, refused, not found or not allowed; a form sent while signed out
    gets the sign-in page that keeps it (200), and nothing else."""
    if response.status_code in (302, 401, 403, 404, 405):
        return True
    templates = [t.name for t in getattr(response, "templates", [])]
    return response.status_code == 200 and templates[:1] == [SIGN_IN_KEEPING_THE_FORM]


def test_visitors_get_no_content_from_any_id_url(two_survivors):
    owner, _other = two_survivors
    before = export(owner)
    visitor = Client()
    leaks = []
    for url, _nobodys in urls_with_owner_ids(owner):
        for method in METHODS:
            response = getattr(visitor, method)(url)
            if not refused_to_a_visitor(response):
                leaks.append(f"{method.upper()} {url} -> {response.status_code}")
    assert leaks == []
    assert export(owner) == before


def test_the_owner_reaches_their_own_objects(two_survivors):
    owner, _other = two_survivors
    reached = [url for url, _nobodys in urls_with_owner_ids(owner)
               if owner.client.get(url).status_code == 200]
    assert len(reached) >= 3
