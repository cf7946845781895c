"""Refuse NUL characters before they reach a database that cannot store them.

PostgreSQL refuses text containing NUL (U+0000) with an error, where SQLite stores it: the
same input that works on one engine was a 500 on the other. No username, id, choice or
text in Cove needs a NUL, so it is refused at the door, the same way on every engine:

- API requests: in the path, the query string or any string of a JSON body, a 422 in the
  shape of docs/api.md, naming where it was.
- Pages: in the path or the query string, a 400 page that says so plainly. Form fields are
  left to the forms, which refuse NUL with a message beside the field and keep the rest.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from cove.core.errors import InputError

NUL = "\x00"


def _strings(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield path, str(key)
            yield from _strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, str(index)))


def _nul_in_body(request: HttpRequest) -> tuple[str, ...] | None:
    if not request.content_type or "json" not in request.content_type:
        return None
    try:
        document = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None  # not JSON: the API's own parsing answers that
    for path, text in _strings(document):
        if NUL in text:
            return path
    return None


def _nul_in_address(request: HttpRequest) -> str | None:
    if NUL in request.path or "%00" in request.get_full_path():
        return "path"
    query = unquote(request.META.get("QUERY_STRING", ""))
    if NUL in query:
        return "query"
    return None


def _refusal() -> str:
    return _("This has an invisible “null” character in it that cannot be stored. "
             "Please type it again.")


class NulGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = _nul_in_address(request)
        if request.path.startswith("/api/"):
            body_path = None if where else _nul_in_body(request)
            if where or body_path is not None:
                error = InputError(_refusal())
                body = error.api_body()
                body["errors"][0]["loc"] = (
                    [where] if where else ["body", "payload", *(body_path or ())]
                )
                return JsonResponse(body, status=422)
        elif where:
            return render(request, "core/bad_request.html", {"message": _refusal()}, status=400)
        return self.get_response(request)
