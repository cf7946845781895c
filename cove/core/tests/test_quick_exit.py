"""Leave quickly, without JavaScript: the form ends the session and goes somewhere neutral."""

import pytest

from cove.core.tests.pages import PUBLIC_PAGES, SIGNED_IN_PAGES

pytestmark = pytest.mark.django_db


def _quick_exit_comes_first(body: str) -> bool:
    main = body.index("<body")
    return (body.index('id="quick-exit"', main) < body.index("<a", main)
            and "Leave quickly" in body and "cove/quick-exit" in body)  # Shift three times


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_quick_exit_comes_first_on_every_public_page(anonymous, path):
    response = anonymous.get(path)
    if response.status_code != 200:
        return  # POST-only, or on to another page: that page is checked itself
    assert _quick_exit_comes_first(response.content.decode()), path


def test_quick_exit_comes_first_on_every_signed_in_page(survivor):
    missing, checked = [], 0
    for path in SIGNED_IN_PAGES:
        response = survivor.client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue  # POST-only, a download, or on to another page (checked itself)
        checked += 1
        if not _quick_exit_comes_first(response.content.decode()):
            missing.append(path)
    assert missing == [] and checked >= 40, (missing, checked)


def test_quick_exit_comes_first_on_the_page_for_an_address_that_leads_nowhere(anonymous):
    response = anonymous.get("/nothing-here/")
    assert response.status_code == 404
    assert _quick_exit_comes_first(response.content.decode())


def test_quick_exit_ends_the_session_and_clears_site_data(survivor, settings):
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/exit/", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert f'url={settings.COVE_QUICK_EXIT_URL}'.encode() in response.content
    assert b"<title></title>" in response.content
    assert survivor.client.get("/account/settings/").status_code == 302


def test_quick_exit_works_for_visitors_who_are_not_signed_in(anonymous):
    anonymous.get("/")
    token = anonymous.cookies["csrftoken"].value
    assert anonymous.post("/exit/", HTTP_X_CSRFTOKEN=token).status_code == 200


def test_help_page_needs_no_sign_in(anonymous):
    response = anonymous.get("/help/")
    assert response.status_code == 200
    # With no country in the browser's language, the page asks instead of guessing one.
    assert b"your local emergency number" in response.content


def _signed_in(person) -> bool:
    return person.client.get("/account/settings/").status_code == 200


def test_quick_exit_from_a_tab_with_an_old_csrf_token_still_signs_out(survivor):
    response = survivor.client.post("/exit/", {"csrfmiddlewaretoken": "from-an-old-tab" * 4},
                                    HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN="null")
    assert response.status_code == 200
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert not _signed_in(survivor)


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_quick_exit_sent_by_another_site_is_refused_and_changes_nothing(survivor, site):
    token = survivor.client.cookies["csrftoken"].value
    response = survivor.client.post("/exit/", HTTP_SEC_FETCH_SITE=site, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 403
    assert "Clear-Site-Data" not in response
    assert _signed_in(survivor)


def test_quick_exit_trusts_a_matching_origin_when_the_browser_sends_no_fetch_metadata(survivor):
    response = survivor.client.post("/exit/", HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200 and not _signed_in(survivor)


def test_quick_exit_refuses_another_origin_when_there_is_no_fetch_metadata(survivor):
    response = survivor.client.post("/exit/", HTTP_ORIGIN="https://elsewhere.example")
    assert response.status_code == 403 and _signed_in(survivor)


def test_quick_exit_with_no_word_on_where_it_came_from_needs_the_token(survivor):
    assert survivor.client.post("/exit/").status_code == 403
    assert _signed_in(survivor)


def test_the_left_mark_ends_the_session_on_the_next_request(survivor):
    # "Leave quickly" writes this cookie in the page before it goes, in case its beacon is lost.
    survivor.client.cookies["cove_left"] = "1"
    response = survivor.client.get("/account/settings/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert response.cookies["cove_left"]["max-age"] == 0
    assert not _signed_in(survivor)
