"""Who may use each view: every view and API operation declares exactly one policy.

    @policy.public                 anyone, signed in or not
    @policy.signed_in              a signed-in person whose vault is unlocked
    @policy.signed_in_locked       a signed-in person, vault not needed (unlock, sign out)
    @policy.grantee(area)          a signed-in person reading an area shared with them
    @policy.clinician              a signed-in, unlocked, approved clinician

AccessPolicyMiddleware refuses any view without a declared policy (fail closed), and a
test walks the URLconf and the API so that no view ships without one.
"""

from __future__ import annotations

import contextlib
import functools
import typing
from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse

F = TypeVar("F", bound=Callable[..., Any])


class Policy(StrEnum):
    PUBLIC = "public"
    SIGNED_IN = "signed_in"
    SIGNED_IN_LOCKED = "signed_in_locked"
    GRANTEE = "grantee"
    CLINICIAN = "clinician"


ATTRIBUTE = "cove_policy"


def _resolve_annotations(view: Any) -> None:
    """Turn string annotations into types while the view's module namespace is at hand.

    django-ninja reads a view's parameter types through our wrapper; with postponed
    annotations it would look names up in this module and miss the view's schemas.
    """
    with contextlib.suppress(NameError, TypeError):
        view.__annotations__ = typing.get_type_hints(view, include_extras=True)


def _mark(view: F, policy: Policy, **extra: Any) -> F:
    setattr(view, ATTRIBUTE, policy)
    for key, value in extra.items():
        setattr(view, f"cove_policy_{key}", value)
    return view


def policy_of(view: Any) -> Policy | None:
    target = getattr(view, "view_class", None) or view
    return getattr(target, ATTRIBUTE, None) or getattr(view, ATTRIBUTE, None)


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _signed_out_response(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": "Please sign in."}, status=401)
    target = reverse("accounts:login") + "?" + urlencode({"next": request.get_full_path()})
    if getattr(request, "htmx", False):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = target
        return response
    return HttpResponseRedirect(target)


def _locked_response(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(
            {"detail": "Your data is locked. Please enter your passphrase again."}, status=423
        )
    if getattr(request, "htmx", False):
        # A fragment request cannot show a whole page: reload the page, which asks.
        response = HttpResponse(status=204)
        current = urlsplit(request.headers.get("HX-Current-URL", ""))
        response["HX-Redirect"] = (
            current.path + (f"?{current.query}" if current.query else "")
            if current.path.startswith("/") and not current.path.startswith("//")
            else request.get_full_path()
        )
        return response
    from cove.accounts.unlock import unlock_page

    return unlock_page(request)


def public(view: F) -> F:
    _resolve_annotations(view)
    return _mark(view, Policy.PUBLIC)


def signed_in_locked(view: F) -> F:
    _resolve_annotations(view)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _signed_out_response(request)
        return view(request, *args, **kwargs)

    return _mark(wrapper, Policy.SIGNED_IN_LOCKED)  # type: ignore[return-value]


def signed_in(view: F) -> F:
    _resolve_annotations(view)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _signed_out_response(request)
        if getattr(request, "vault", None) is None:
            return _locked_response(request)
        return view(request, *args, **kwargs)

    return _mark(wrapper, Policy.SIGNED_IN)  # type: ignore[return-value]


# `@policy.grantee(AREA_IN_URL)`: the area is the view's `area` URL parameter.
AREA_IN_URL = "any"
# URL parameters that may name the owner whose area is read.
OWNER_PARAMETERS = ("username", "owner")


def _live_grant(request: HttpRequest, area: str, kwargs: dict[str, Any]) -> bool:
    """A live grant of `area` from the owner named in the URL to the signed-in person."""
    from django.contrib.auth import get_user_model

    from cove.vault.models import Grant

    if area == AREA_IN_URL:
        area = str(kwargs.get("area", ""))
    name = next((str(kwargs[p]) for p in OWNER_PARAMETERS if p in kwargs), "")
    owner = get_user_model().objects.find(name) if name else None
    if owner is None or not area or owner.pk == request.user.pk:
        return False
    return bool(
        Grant.objects.live().filter(owner=owner, grantee_id=request.user.pk, area=area).exists()
    )


def grantee(area: str) -> Callable[[F], F]:
    """Signed in, vault unlocked, and holding a live grant (`Grant.objects.live()`) of
    `area` from the owner named in the URL (`username` or `owner`; `area` itself when
    `AREA_IN_URL`), checked on every request. Anything else is the same 404 as a missing
    page. The view still reads through the grant (cove.vault.sharing), which logs it."""

    def decorate(view: F) -> F:
        _resolve_annotations(view)

        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            from django.http import Http404

            if not _live_grant(request, area, kwargs):
                raise Http404
            return view(request, *args, **kwargs)

        return _mark(signed_in(wrapper), Policy.GRANTEE, area=area)  # type: ignore[return-value]

    return decorate


def clinician(view: F) -> F:
    """An approved clinician: `is_clinician` is set only by approval (`cove clinician
    approve USER`, or the person themself when COVE_CLINICIANS=open) and the profile's
    approval is checked again on every request. Anyone else gets the same 404 as a missing
    page. Which clients a clinician may read is checked per request by the grant readers."""
    _resolve_annotations(view)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from django.apps import apps
        from django.http import Http404

        approved = getattr(apps.get_app_config("clinic"), "is_approved", None) \
            if apps.is_installed("cove.clinic") else None
        if not getattr(request.user, "is_clinician", False) or approved is None \
                or not approved(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return _mark(signed_in(wrapper), Policy.CLINICIAN)  # type: ignore[return-value]
