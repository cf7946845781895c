"""Browser-test fixtures: Debian's Chromium through Playwright, with three checks built in.

Every page a test opens is watched: a request to another origin, or a console error (a CSP
violation shows up as one), fails the test at teardown. `axe(page)` runs axe-core for
WCAG 2.2 AA. `shot(page, name)` saves a screenshot under test-artifacts/screenshots/ for a
person to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("COVE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # A fake microphone that needs no prompt, for the voice-note recorder's tests; it does
    # nothing on pages that never ask for one.
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
}
# Where "Leave quickly" sends people in tests; the request is answered locally, never sent.
NEUTRAL_HOST = "weather.example.org"


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


class PageWatch:
    """What a page did that it must not: off-origin requests and console errors."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.off_origin: list[str] = []
        self.console_errors: list[str] = []
        self.allowed_console: list[str] = []

    def on_request(self, request: Any) -> None:
        url = request.url
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about", "chrome-extension"}:
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin and parts.hostname != NEUTRAL_HOST:
            self.off_origin.append(url)

    def on_console(self, message: Any) -> None:
        if message.type == "error":
            text = message.text
            if any(fragment in text for fragment in self.allowed_console):
                return
            self.console_errors.append(text)

    def allow_console(self, fragment: str) -> None:
        """Let one expected console error through (e.g. a deliberate offline reload)."""
        self.allowed_console.append(fragment)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not chromium_available():
        message = f"Chromium not found at {CHROMIUM}; `make test` installs it on Debian"
        if os.environ.get("COVE_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (COVE_REQUIRE_BROWSER=1: browser tests may not be skipped)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


def _new_page(browser: Any, live_server: Any, viewport: dict[str, int],
              reduced_motion: str = "no-preference") -> tuple[Any, Any, PageWatch]:
    origin = live_server.url.rstrip("/")
    context = browser.new_context(
        base_url=origin, viewport=viewport, reduced_motion=reduced_motion, locale="en-US"
    )
    context.route(
        f"https://{NEUTRAL_HOST}/**",
        lambda route: route.fulfill(status=200, content_type="text/html",
                                    body="<!doctype html><title>Weather</title><p>Sunny.</p>"),
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = PageWatch(origin)
    page.on("request", watch.on_request)
    page.on("console", watch.on_console)
    page.watch = watch
    return context, page, watch


def _finish(context: Any, watch: PageWatch) -> None:
    context.close()
    assert not watch.off_origin, f"requests to other origins: {watch.off_origin}"
    assert not watch.console_errors, f"console errors: {watch.console_errors}"


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context, page, watch = _new_page(browser, live_server, {"width": 1280, "height": 800})
    yield page
    _finish(context, watch)


@pytest.fixture
def phone_page(browser: Any, live_server: Any) -> Iterator[Any]:
    context, page, watch = _new_page(browser, live_server, {"width": 360, "height": 740})
    yield page
    _finish(context, watch)


@pytest.fixture
def calm_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A page whose browser asks for reduced motion."""
    context, page, watch = _new_page(
        browser, live_server, {"width": 1280, "height": 800}, reduced_motion="reduce"
    )
    yield page
    _finish(context, watch)


def axe(page: Any, context: Any = None) -> None:
    """Fail with axe's own report if the page has any WCAG 2.2 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    # After a click that navigates, the new page may still be arriving: judge it whole, not
    # half-parsed (a link whose text had not arrived yet once failed here).
    page.wait_for_load_state("load")
    results = Axe().run(page, context=context, options=AXE_OPTIONS)
    assert results.violations_count == 0, (
        f"axe found problems on {page.url}:\n{results.generate_report()}"
    )


def shot(page: Any, name: str, full_page: bool = True) -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def sign_in(page: Any, username: str, passphrase: str) -> None:
    """Sign in through the real form, as a person would."""
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Passphrase").fill(passphrase)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/account/login/" not in url)


def sign_in_through_the_api(page: Any, origin: str, username: str, passphrase: str) -> None:
    """Sign in with the API's own sign-in and give the page its cookies, then open home.

    The same service as the form (cove.accounts), without loading the sign-in page and
    sending the form in the browser: about 0.3 s less for each of ~100 browser tests. The
    form itself is tested by the tests that use `sign_in`.
    """
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.get("/api/v1/auth/csrf")
    response = client.post("/api/v1/auth/login", {"username": username, "passphrase": passphrase},
                           content_type="application/json",
                           HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert response.status_code == 200, response.content
    page.context.add_cookies([
        {"name": name, "value": morsel.value, "url": origin,
         "httpOnly": bool(morsel["httponly"]), "sameSite": morsel["samesite"] or "Lax"}
        for name, morsel in client.cookies.items()])
    page.goto("/")


@pytest.fixture
def signed_in(make_person: Callable[..., Any], live_server: Any) -> Callable[..., Any]:
    """`signed_in(page)` makes a new person, signs them in on `page` and leaves it on home;
    returns the Person."""

    def _sign_in(page: Any, username: str | None = None) -> Any:
        person = make_person(username)
        sign_in_through_the_api(page, live_server.url, person.username, person.passphrase)
        return person

    return _sign_in
