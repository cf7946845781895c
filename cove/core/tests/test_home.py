"""The home page: a gentle start that never assumes someone has been here before."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_a_first_visit_never_says_welcome_back(survivor):
    page = survivor.client.get("/").content.decode()
    assert "Welcome back" not in page
    assert f"Hello, {survivor.username}" in page


def test_home_asks_what_would_help_right_now_with_five_places_to_start(survivor):
    page = survivor.client.get("/").content.decode()
    start = page.split('aria-labelledby="start-h"', 1)[1].split("</section>", 1)[0]
    links = re.findall(r'<a class="start-choice" href="([^"]+)"', start)
    assert links == ["/plan/calm/", "/plan/", "/boundaries/", "/ladder/", "/journal/new/"]


def test_the_start_question_can_be_skipped_to_everything(survivor):
    page = survivor.client.get("/").content.decode()
    assert 'href="#tools"' in page and 'id="tools"' in page


def test_nothing_on_home_is_a_form_to_fill_in_first(survivor):
    page = survivor.client.get("/").content.decode()
    main = page.split('<main', 1)[1].split("</main>", 1)[0]
    assert "<form" not in main and "required" not in main


def test_choosing_dark_pages_keeps_only_the_word_in_a_cookie(survivor):
    answer = survivor.post("/look/", {"look": "dark", "next": "/journal/"})
    assert answer.status_code == 302 and answer["Location"] == "/journal/"
    assert answer.cookies["cove_look"].value == "dark"
    assert 'data-look="dark"' in survivor.client.get("/").content.decode()


def test_choosing_a_look_never_sends_someone_to_another_site(survivor):
    answer = survivor.post("/look/", {"look": "light", "next": "https://elsewhere.example/"})
    assert answer["Location"] == "/"


def test_an_unknown_look_follows_the_device(survivor):
    survivor.post("/look/", {"look": "dark"})
    survivor.post("/look/", {"look": "purple"})
    page = survivor.client.get("/").content.decode()
    assert "data-look" not in page and 'content="light dark"' in page


def _current_menu_links(page: str) -> list[str]:
    menu = page.split('id="area-nav-list"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="([^"]+)" aria-current="page">', menu)


def test_the_menu_marks_the_page_you_are_on_on_every_page(survivor):
    # The menu is drawn once per page and language, then remembered (cove/base.html).
    assert _current_menu_links(survivor.client.get("/").content.decode()) == ["/"]
    assert _current_menu_links(survivor.client.get("/journal/").content.decode()) == [
        "/journal/"]
    assert _current_menu_links(survivor.client.get("/ladder/").content.decode()) == [
        "/ladder/"]
    assert _current_menu_links(survivor.client.get("/").content.decode()) == ["/"]
