"""A real ``streamlit run app.py`` on a free port, and Debian's Chromium driven by Playwright.

The browser is the system Chromium (``/usr/bin/chromium``, or ``$CHROMIUM``): Playwright
cannot download its own here. Without it the browser tests skip, except under CI=true,
where they fail.
"""

import os
from contextlib import contextmanager

import pytest

from serving import APP_IDLE, CHROMIUM_FLAGS, ROOT, chromium
from serving import streamlit_server as _streamlit_server

SCREENSHOTS = ROOT / "tests" / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _chromium():
    path = chromium()
    if path:
        return path
    message = f"no Chromium at {os.environ.get('CHROMIUM', '/usr/bin/chromium')} (install Debian's chromium, or set CHROMIUM)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; under CI=true the browser tests must run")
    pytest.skip(message)


@contextmanager
def streamlit_server(log):
    """``streamlit run app.py`` on a free loopback port; yields its URL once healthy."""
    try:
        with _streamlit_server(log) as url:
            yield url
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    with streamlit_server(tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("playwright is not installed (pip install -r requirements-dev.txt)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def open_page(page, url):
    """Go to ``url`` and wait until Streamlit has connected, finished running the script, and drawn the sidebar's
    last piece, the Copy link button (its frame settles the layout: an open dropdown would close)."""
    page.goto(url)
    page.wait_for_selector(APP_IDLE)
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1')
    page.frame_locator('[data-testid="stSidebar"] iframe').get_by_role("button").wait_for()
    return page


def screenshot(page, name, height=None):
    """Save a screenshot under tests/screenshots/ (git-ignored); ``height`` grows the viewport first."""
    SCREENSHOTS.mkdir(exist_ok=True)
    if height:
        page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
        page.wait_for_selector(APP_IDLE)
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path)
    return path
