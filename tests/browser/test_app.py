"""What only a browser shows: KaTeX rendering, charts drawn, the sidebar, and a live rerun."""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ROOT, open_page, screenshot

PAGES = {"": "Why does ∂L/∂z = a − y?", "derivations": "Every derivation, verified"}
NAV_TITLES = ["Why dL/dz = a − y", "Every derivation, verified"]


def assert_rendered_cleanly(page):
    assert page.locator(".katex-error").count() == 0, page.locator(".katex-error").all_inner_texts()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator(".katex").count() > 0


@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders_its_math_without_errors(page, server, path):
    open_page(page, f"{server}/{path}")
    expect(page.locator("h1").first).to_have_text(PAGES[path])
    assert_rendered_cleanly(page)
    shot = screenshot(page, path or "home", height=2600)
    assert shot.stat().st_size > 10_000


def test_sidebar_lists_each_page_exactly_once(page, server):
    open_page(page, server)
    links = page.locator('[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]')
    texts = [re.sub(r"^\S+\s+", "", t.strip()) for t in links.all_inner_texts()]  # drop the icon's name
    assert sorted(texts) == sorted(NAV_TITLES)
    page.get_by_role("link", name=re.compile("Every derivation, verified")).click()
    expect(page.locator("h1").first).to_have_text(PAGES["derivations"])
    assert page.url.endswith("/derivations")


def test_home_chart_is_drawn_and_a_slider_reruns_the_check(page, server):
    open_page(page, server)
    if os.environ.get("UPDATE_README_SCREENSHOT"):  # the README's picture: the top of the home page
        from PIL import Image

        path = screenshot(page, "readme")
        Image.open(path).convert("RGB").resize((960, 675)).save(ROOT / "docs" / "screenshot.png", optimize=True)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.scroll_into_view_if_needed()
    expect(chart.locator("svg path, canvas").first).to_be_visible()
    derived = page.locator('[data-testid="stMetric"]').nth(1).locator('[data-testid="stMetricValue"]')
    expect(derived).to_have_text("-0.182426")
    slider = page.get_by_role("slider").first
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowLeft")  # z: 1.5 -> 1.0
    expect(derived).to_have_text("-0.268941")  # sigma(1.0) - 1
    assert_rendered_cleanly(page)
