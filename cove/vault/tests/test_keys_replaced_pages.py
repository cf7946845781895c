"""A page whose keys were replaced mid-request (emergency reset elsewhere) signs out calmly."""

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from cove.core.transactions import WriteTransactionMiddleware
from cove.vault.keyring import KeysReplaced

pytestmark = pytest.mark.django_db


def _keys_gone(request: HttpRequest) -> HttpResponse:
    raise KeysReplaced


def _unused(request: HttpRequest) -> HttpResponse:
    return HttpResponse()


def _request(path: str, person):
    request = RequestFactory().post(path)
    SessionMiddleware(_unused).process_request(request)
    request.user = person.user
    return request


def test_a_page_post_goes_to_sign_in_instead_of_an_error(survivor):
    middleware = WriteTransactionMiddleware(_unused)
    response = middleware.process_view(_request("/journal/new/free/", survivor), _keys_gone, (), {})
    assert response is not None
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")


def test_the_session_ends_so_the_old_keys_are_never_used_again(survivor):
    request = _request("/journal/new/free/", survivor)
    WriteTransactionMiddleware(_unused).process_view(request, _keys_gone, (), {})
    assert not request.user.is_authenticated
