"""No 500 from hostile input: NUL bytes and out-of-range paging, on every engine."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

NUL_NAME = "riv\x00er"


def api(client, path, body):
    client.get("/api/v1/auth/csrf")
    return client.post(f"/api/v1{path}", body, content_type="application/json",
                       HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)


@pytest.mark.parametrize(("path", "body"), [
    ("/auth/login", {"username": NUL_NAME, "passphrase": "a calm blue lake at dawn"}),
    ("/auth/signup", {"username": NUL_NAME, "passphrase": "a calm blue lake at dawn"}),
    ("/account/recover", {"username": NUL_NAME, "recovery_code": "AAAA",
                          "new_passphrase": "a calm blue lake at dawn"}),
])
def test_a_nul_byte_in_a_public_api_body_is_a_422(path, body):
    response = api(Client(enforce_csrf_checks=True), path, body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "payload", "username"]


def test_a_nul_byte_in_a_grant_is_a_422(survivor):
    survivor.api("post", "/auth/reauth", {"passphrase": survivor.passphrase})
    response = survivor.api("post", "/sharing/grants", {"username": NUL_NAME, "area": "journal"})
    assert response.status_code == 422


def test_a_nul_byte_in_an_api_path_is_a_422(survivor):
    response = survivor.api("get", "/sharing/from/riv%00er/journal")
    assert response.status_code == 422 and response.json()["errors"][0]["loc"] == ["path"]


def test_a_nul_byte_in_a_query_string_is_a_422(survivor):
    assert survivor.api("get", "/journal/search?q=a%00b").status_code == 422


@pytest.mark.parametrize(("path", "field"), [
    ("/account/login/", {"username": NUL_NAME, "passphrase": "a calm blue lake at dawn"}),
    ("/account/recover/", {"username": NUL_NAME, "recovery_code": "AAAA",
                           "new": "a calm blue lake at dawn"}),
    ("/account/signup/", {"username": NUL_NAME, "passphrase": "a calm blue lake at dawn",
                          "passphrase_again": "a calm blue lake at dawn"}),
])
def test_a_nul_byte_in_a_form_gets_a_message_beside_the_field(path, field):
    response = Client().post(path, field)
    assert response.status_code == 200
    assert b"Null characters are not allowed" in response.content


def test_a_nul_byte_in_a_page_address_is_a_plain_400(survivor):
    response = survivor.client.get("/journal/?q=a%00b")
    assert response.status_code == 400 and b"null" in response.content


@pytest.mark.parametrize("query", [
    "limit=0", "limit=201", "offset=-1", "offset=10001", "offset=99999999999999999999",
    "limit=abc",
])
def test_list_bounds_are_a_422(survivor, query):
    assert survivor.api("get", f"/measures/responses?{query}").status_code == 422


@pytest.mark.parametrize("path", ["/boundaries/changes?page=1001", "/journal/entries?page=0",
                                  "/boundaries/items?offset=10001",
                                  "/plan/plan/versions?offset=10001"])
def test_page_bounds_are_a_422_in_every_app(survivor, path):
    assert survivor.api("get", path).status_code == 422


def test_lists_within_bounds_answer(survivor):
    assert survivor.api("get", "/measures/responses?limit=200&offset=10000").json() == []
