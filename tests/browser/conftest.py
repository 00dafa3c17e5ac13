"""A real ``streamlit run app.py`` on a free port, and Debian's Chromium driven by Playwright.

The browser is the system Chromium (``/usr/bin/chromium``, or ``$CHROMIUM``): Playwright
cannot download its own here. Without it the browser tests skip, except under CI=true,
where they fail.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chromium():
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if os.path.exists(path) or shutil.which(path):
        return path
    message = f"no Chromium at {path} (install Debian's chromium, or set CHROMIUM)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; under CI=true the browser tests must run")
    pytest.skip(message)


@contextmanager
def streamlit_server(log):
    """``streamlit run app.py`` on a free loopback port; yields its URL once healthy."""
    port = _free_port()
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start:\n{log.read_text()}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


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
    """Go to ``url`` and wait until Streamlit has connected and finished running the script."""
    page.goto(url)
    page.wait_for_selector(APP_IDLE)
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1')
    return page


def screenshot(page, name, height=None):
    """Save a screenshot under tests/screenshots/ (git-ignored); ``height`` grows the viewport first."""
    SCREENSHOTS.mkdir(exist_ok=True)
    if height:
        page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
        page.wait_for_timeout(500)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path)
    return path
