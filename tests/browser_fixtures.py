"""Real headless Debian Chromium through Playwright for the browser tests (tests/test_*_browser.py).

`chromium` yields a launched Playwright Browser and closes it; `new_page()` opens a page in a fresh context
(Chinese locale by default) that records JavaScript errors in `page.js_errors`; `artifacts_dir(area)` is
the screenshot folder test-artifacts/<area>/."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("HERITAGE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--autoplay-policy=no-user-gesture-required"]
ARTIFACTS_ROOT = Path(__file__).resolve().parent.parent / "test-artifacts"


def artifacts_dir(area: str) -> Path:
    """test-artifacts/<area>/, created."""
    folder = ARTIFACTS_ROOT / area
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_page(browser, *, viewport: dict | None = None, locale: str = "zh-CN", **context_options):
    """A page in a new browser context; JavaScript errors and CSP violations are collected in page.js_errors."""
    context = browser.new_context(viewport=viewport or {"width": 1200, "height": 900}, locale=locale,
                                  **context_options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # Anything the Content-Security-Policy blocked (an inline script, handler or style sheet) counts too.
    page.on("console", lambda msg: errors.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text else None)
    page.js_errors = errors
    return page


def login(page, base: str, username: str, password: str = "pw-heritage-test"):
    """Sign in through the login page (the test users' password by default) and wait for the next page."""
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit].primary")
    page.wait_for_load_state()


@pytest.fixture
def phone(chromium):
    """A page on a phone-sized touch screen (390×844 at 2×), closed at teardown."""
    page = new_page(chromium, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                    has_touch=True)
    yield page
    page.context.close()


@pytest.fixture
def chromium(monkeypatch):
    """A launched headless Chromium (Playwright Browser), closed at teardown."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make setup-system` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
    # itself after it starts are plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def module_chromium():
    """One headless Chromium for a whole test module (the phone and UX walks open many pages); the ORM calls the
    tests make while Playwright's loop runs are allowed for the module's duration, then the setting is restored."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make setup-system` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    old = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if old is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = old
