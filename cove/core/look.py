"""Light or dark pages: the device decides unless the person picks one here.

The choice is one cookie holding "light" or "dark" (never content, never in the
database), so it also works before signing in and is gone after "Leave quickly", which
clears this site's cookies.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from cove.core import policy

COOKIE = "cove_look"
LOOKS = ("light", "dark")
ONE_YEAR = 365 * 24 * 3600


def chosen_look(request: HttpRequest) -> str:
    """"light", "dark", or "" to follow the device (prefers-color-scheme)."""
    look = request.COOKIES.get(COOKIE, "")
    return look if look in LOOKS else ""


@policy.public
@require_POST
def choose_look(request: HttpRequest) -> HttpResponse:
    look = request.POST.get("look", "")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        back = "/"
    response = HttpResponseRedirect(back)
    if look in LOOKS:
        response.set_cookie(COOKIE, look, max_age=ONE_YEAR, httponly=True, samesite="Lax",
                            secure=settings.COVE_TLS)
    else:
        response.delete_cookie(COOKIE, samesite="Lax")
    return response
