from cove.testing_browser import axe, shot


def test_welcome_page_passes_axe(page):
    page.goto("/")
    axe(page)
    shot(page, "welcome-desktop")


def test_signed_in_home_passes_axe(page, signed_in):
    signed_in(page)
    axe(page)
