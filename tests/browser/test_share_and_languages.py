"""What only a browser shows about share links, languages and themes: the Copy link button's URL reopens the
same view in a fresh browser, bad links land on a clean page with a notice, the language switch follows you
through the sidebar and into the link, KaTeX typesets Korean, and every page is drawn in the dark theme."""

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, quote

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page, screenshot
from tests.browser.conftest import APP_IDLE
from tests.browser.test_app import (NO_MATH, PAGES, assert_chart_drawn, assert_rendered_cleanly, metric_value,
                                    press_slider, wait_for_url_value)

KOREAN_HEADINGS = {"": "왜 ∂L/∂z = a − y인가?", "logistic-regression": "로지스틱 회귀(logistic regression)와 시그모이드",
                   "gradient-descent": "경사 하강법", "check-my-derivation": "내 유도 확인하기"}


def fresh_page(browser, **options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    page = context.new_page()
    page.set_default_timeout(60_000)
    return page


def copied_link(page, label):
    """Click the sidebar's Copy link button (``label``) and read what it put on the clipboard."""
    button = page.frame_locator('[data-testid="stSidebar"] iframe').get_by_role("button")
    expect(button).to_have_text(label)
    expect(button).to_have_css("border-radius", "8px")  # its script has run: the click is handled
    button.click()
    expect(button).to_have_text(re.compile("^(Copied|복사했습니다)"))  # it says it has copied
    return page.evaluate("navigator.clipboard.readText()")


def notice(page):
    toast = page.locator('[data-testid="stToast"]')
    expect(toast.first).to_be_visible()
    return toast.first.inner_text()


def test_a_copied_link_reopens_the_same_view(browser, server):
    first = fresh_page(browser)
    first.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)  # before the page loads
    try:
        open_page(first, f"{server}/gradient-descent")
        first.get_by_role("radiogroup", name="Data").get_by_text("breast cancer", exact=False).click()
        wait_for_url_value(first, "data", "breast cancer")  # its run has finished: a key pressed sooner can be lost
        expect(metric_value(first, "train accuracy")).not_to_have_text("")
        press_slider(first, "iterations", "ArrowLeft", 3, "iterations")  # 500 -> 470
        expect(first.get_by_role("slider", name="iterations")).to_have_value("470")
        first.get_by_role("radiogroup", name="Language · 언어").get_by_text("한국어").click()
        expect(first.locator("h1").first).to_have_text(KOREAN_HEADINGS["gradient-descent"])
        link = copied_link(first, "이 화면의 링크 복사")
        address, query = link.split("?")
        assert address == f"{server}/gradient-descent"
        assert parse_qs(query) == {"data": ["breast cancer"], "iterations": ["470"], "lang": ["ko"]}
        assert link == first.url  # what the address bar says
        shown = {label: metric_value(first, label).inner_text() for label in ("최종 비용 J", "훈련 정확도", "테스트 정확도")}
    finally:
        first.context.close()
    second = fresh_page(browser)  # another learner: no cookies, no session, only the link
    try:
        open_page(second, link)
        expect(second.locator("h1").first).to_have_text(KOREAN_HEADINGS["gradient-descent"])
        expect(second.get_by_role("slider", name="반복 횟수")).to_have_value("470")
        expect(second.get_by_role("radiogroup", name="데이터").get_by_role("radio", checked=True)).to_have_count(1)
        for label, value in shown.items():
            expect(metric_value(second, label)).to_have_text(value)
        assert second.locator('[data-testid="stToast"]').count() == 0
        assert_rendered_cleanly(second)
        screenshot(second, "shared-link-gradient-descent-ko", height=2400)
    finally:
        second.context.close()


STALE = [  # (url path and query, what the notice names, the heading the page still shows)
    ("?z=abc&y=7", "z=abc", ""),
    ("network?activation=softmax&n_x=99&units=2.5", "activation=softmax", "network"),
    ("loss-and-cost?y=7&foo=bar&y_hat=0.5", "foo", "loss-and-cost"),
    ("cost-surface?w0=1e400&alpha=0.2&grid=75", "w0=1e400", "cost-surface"),
    ("every-derivation?derivation=dL_dz_renamed", "derivation=dL_dz_renamed", "every-derivation"),
    ("?lang=fr", "lang=fr", ""),
]


@pytest.mark.parametrize("query, named, path", STALE)
def test_a_bad_or_stale_link_lands_on_a_clean_page_with_a_notice(page, server, query, named, path):
    open_page(page, f"{server}/{query}")
    assert named in notice(page)
    expect(page.locator("h1").first).to_have_text(PAGES[path][1])
    assert page.locator('[data-testid="stException"]').count() == 0
    assert_rendered_cleanly(page)
    expect(page).not_to_have_url(re.compile(rf"[?&]{named.split('=')[0]}="))  # dropped from the address bar
    screenshot(page, f"stale-link-{path or 'home'}")


def test_a_link_cannot_put_a_link_an_image_or_bold_into_the_notice(page, server):
    attack = quote(":red[**Security notice:** expired.] [Sign in](http://127.0.0.1:9/login)") + "=1&z=" + \
        quote("![x](http://127.0.0.1:9/px.gif)")
    open_page(page, f"{server}/?{attack}")
    text = notice(page)
    assert ":red[**Security notice:** expired.] [Sig…" in text  # the characters as typed, cut at 40
    assert "z=![x](http://127.0.0.1:9/px.gif)" in text.replace("\u200b", "")  # as typed (a zero-width space inside)
    toast = page.locator('[data-testid="stToast"]').first
    assert toast.locator("a, img, strong, em, h1, h2, li").count() == 0


def test_moving_through_the_sidebar_keeps_the_language_and_drops_the_last_pages_settings(page, server):
    open_page(page, f"{server}/?z=2.5&lang=ko")
    expect(metric_value(page, "a = σ(z)")).to_have_text("0.924142")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=re.compile("시그모이드")).click()
    expect(page.locator("h1").first).to_have_text(KOREAN_HEADINGS["logistic-regression"])
    expect(page.get_by_role("slider").first).to_have_value("1")  # its own default, not 2.5
    page.wait_for_selector(APP_IDLE)  # the run is over: a notice would have been sent by now
    assert page.locator('[data-testid="stToast"]').count() == 0
    assert "lang=ko" in page.url and "z=" not in page.url
    assert_rendered_cleanly(page)
    page.get_by_role("radiogroup", name="Language · 언어").get_by_text("English").click()
    expect(page.locator("h1").first).to_have_text(PAGES["logistic-regression"][1])
    expect(page).not_to_have_url(re.compile("lang="))


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_in_korean_and_in_the_dark_theme_typesets_and_draws(browser, server, path):
    """Korean and the dark theme at once (each page in English and light is test_app's): the config sets no base
    theme, so the browser's colour scheme picks it, dark here."""
    page = fresh_page(browser, color_scheme="dark")
    try:
        open_page(page, f"{server}/{path}?lang=ko")
        if path in KOREAN_HEADINGS:
            expect(page.locator("h1").first).to_have_text(KOREAN_HEADINGS[path])
        assert page.locator("h1").first.inner_text() != PAGES[path][1]
        background = page.locator('[data-testid="stApp"]').evaluate("e => getComputedStyle(e).backgroundColor")
        assert sum(map(int, re.findall(r"\d+", background)[:3])) < 150, background  # dark indeed
        for chart in page.locator('[data-testid="stVegaLiteChart"]').all():
            assert_chart_drawn(chart)
        assert_rendered_cleanly(page, math=path not in NO_MATH)
        screenshot(page, f"ko-dark-{path or 'home'}", height=3200)
    finally:
        page.context.close()


def test_the_browser_machine_has_a_hangul_font():
    """Without one, Chromium draws every Korean letter as an empty box (.ci/run installs fonts-nanum)."""
    if shutil.which("fc-list"):  # fontconfig's own answer, where its tools are installed
        fonts = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True).stdout.split()
    else:
        fonts = [str(f) for f in Path("/usr/share/fonts").rglob("*") if "nanum" in f.name.lower()]
    if not fonts and os.environ.get("CI") != "true":
        pytest.skip("no Hangul font here: apt-get install fonts-nanum")
    assert fonts, "no Hangul font: the Korean screenshots would show empty boxes"
