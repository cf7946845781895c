"""The JSON API at /api/v1, on the same service functions as the HTML views.

Each app that offers operations has an `api.py` with a `router` (a ninja Router with its
own OpenAPI tag) and a `PREFIX`; they are found here, so no app edits this file.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError
from ninja.utils import normalize_path

from cove.core.errors import Conflict, InputError
from cove.core.policy import Policy, policy_of
from cove.core.transactions import api_operation_transaction
from cove.vault.fields import VaultLocked

api = NinjaAPI(
    title="Cove API",
    version="1",
    description="Everything a person can do in Cove, as JSON. Sign in with "
    "POST /auth/login (session cookie); send the CSRF token from GET /auth/csrf in the "
    "X-CSRFToken header with every POST, PUT, PATCH or DELETE.",
    docs_url=None,
    urls_namespace="api",
)


# Unsafe operations run in one transaction unless marked non_atomic_requests (the rule is
# in cove.core.transactions). Added before the routers, which inherit it.
api.add_decorator(api_operation_transaction, mode="operation")


@api.exception_handler(NinjaValidationError)
def validation_failed(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    details = []
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", ())]
        details.append({"loc": loc, "msg": str(error.get("msg", "")), "type": error.get("type")})
    body = InputError("").api_body()
    body["errors"] = details
    return api.create_response(request, body, status=422)


@api.exception_handler(InputError)
def input_refused(request: HttpRequest, exc: InputError) -> HttpResponse:
    response = api.create_response(request, exc.api_body(), status=exc.status)
    for header, value in exc.headers().items():
        response[header] = value
    return response


@api.exception_handler(VaultLocked)
def vault_locked(request: HttpRequest, exc: VaultLocked) -> HttpResponse:
    # The session's keys were replaced in another session (emergency reset) while this
    # request ran: nothing was written; the person signs in again.
    return api.create_response(
        request, {"detail": str(_("Please sign in again: your keys were changed."))}, status=401
    )


@api.exception_handler(Conflict)
def changed_elsewhere(request: HttpRequest, exc: Conflict) -> HttpResponse:
    return api.create_response(request, exc.api_body(), status=409)


def _discover() -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("cove."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.api")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.api":
                raise
            continue
        api.add_router(module.PREFIX, module.router)


def operations() -> list[tuple[str, str, Any]]:
    """(method, path, view function) for every API operation, for the policy tests."""
    found = []
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    found.append((method, normalize_path(f"/{prefix}/{path}"), operation.view_func))
    return found


def urls() -> tuple[list[Any], str, str]:
    """The API's URL patterns; the schema and the API root are public by design."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern.callback, functools.partial):
            pattern.callback.cove_policy = Policy.PUBLIC  # type: ignore[attr-defined]
    return patterns, app_name, namespace


_discover()

for _method, _path, _view in operations():
    if policy_of(_view) is None:
        raise RuntimeError(f"API operation {_method} {_path} declares no access policy")
