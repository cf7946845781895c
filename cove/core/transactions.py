"""Transactions that fit the request: none for reading, one around a write, slow work outside.

The rule (docs/architecture.md, "Transactions"):

- GET, HEAD and OPTIONS run without a transaction, so reading never takes SQLite's write
  lock and never waits for one.
- POST, PUT, PATCH and DELETE run their view (or API operation) inside one transaction,
  so every write a request makes lands together or not at all. Rendering a redirect or
  serialising an API answer happens after it commits.
- A view that must do slow work before it writes (Argon2id in sign-in, sign-up, unlock,
  re-authentication and passphrase changes) is marked with Django's own
  `@transaction.non_atomic_requests`; its service opens `transaction.atomic()` only
  around the writes, after the slow part.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
DATABASE = "default"


def wants_transaction(request: HttpRequest, view: Any) -> bool:
    """True for an unsafe request to a view that has not opted out."""
    if request.method in SAFE_METHODS:
        return False
    return DATABASE not in getattr(view, "_non_atomic_requests", set())


class WriteTransactionMiddleware:
    """Run an unsafe request's view in one transaction (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        # django-ninja routes all of an API path's methods through one view; API operations
        # get the same rule from `api_operation_transaction` (installed in cove/api.py).
        if getattr(view_func, "__module__", "") == "ninja.operation":
            return None
        if not wants_transaction(request, view_func):
            return None
        from cove.vault.keyring import KeysReplaced
        from cove.vault.middleware import keys_replaced_response

        try:
            with transaction.atomic(using=DATABASE):
                response: HttpResponse = view_func(request, *view_args, **view_kwargs)
        except KeysReplaced:
            # Raised here, outside the view call, no process_exception would see it.
            return keys_replaced_response(request)
        return response


def api_operation_transaction(operation: Callable[..., Any]) -> Callable[..., Any]:
    """The same rule for one API operation (a django-ninja operation decorator)."""

    @functools.wraps(operation)
    def run(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not wants_transaction(request, operation):
            return operation(request, *args, **kwargs)
        with transaction.atomic(using=DATABASE):
            return operation(request, *args, **kwargs)

    return run
