"""What only a browser shows of our own text and of the pages' frame (#36.3, #36.6).

- Every message template of mathcore (tests/browser/text_page.py), in English and in Korean, with fields written
  in Markdown's characters, drawn as the checker draws a verdict: exactly its characters, its formulas typeset,
  no bullet, no emphasis, no link (one extra server, one page load).
- Every table of every page, every expander and tab opened: no raw $ or LaTeX command, no bullet, no emphasis. Each
  page is loaded once, at 1280 x 720, every other one in Korean; the same load checks that the language switch is
  in view, that Vega warned of nothing, and that the only failed requests are Streamlit's own first guess at its
  base path (``/<page>/_stcore/health`` and ``host-config``: its frontend tries the page's path first, then the
  root; streamlit/streamlit#7074, nothing an app can change).
"""

import re

import pytest
from playwright.sync_api import expect

from lessons import PAGES
from serving import APP_IDLE, streamlit_server
from tests.browser.conftest import open_page
from tests.browser.text_page import MATH, shown

#: Elements that mean some of our text was read as Markdown: a list, emphasis, a heading, a quote, a link, a rule.
MARKUP = "li, em, strong, h1, h2, h3, h4, h5, h6, blockquote, a, hr, img"

#: For each alert on the page: its text outside formulas, how many formulas KaTeX drew, errors, markup elements.
ALERTS = """(markup) => [...document.querySelectorAll('[data-testid="stAlert"] [data-testid="stMarkdownContainer"]')]
    .map(box => {
        const copy = box.cloneNode(true);
        copy.querySelectorAll('.katex').forEach(formula => formula.remove());
        return {text: copy.textContent, formulas: box.querySelectorAll('.katex').length,
                errors: box.querySelectorAll('.katex-error').length, markup: box.querySelectorAll(markup).length};
    })"""


@pytest.fixture(scope="module")
def text_page(tmp_path_factory):
    with streamlit_server(tmp_path_factory.mktemp("text") / "server.log", script="tests/browser/text_page.py") as url:
        yield url


def words(text):
    """What a reader sees of a message outside its formulas: its characters, code spans without their backticks,
    compared without white space."""
    return re.sub(r"\s+", "", MATH.sub("", text).replace("`", ""))


def test_every_message_template_is_drawn_as_its_characters_with_its_formulas_typeset(page, text_page):
    page.goto(text_page)
    page.wait_for_selector(APP_IDLE)
    expect(page.get_by_text("done", exact=True)).to_be_visible()
    messages = shown("en") + shown("ko")
    expect(page.locator('[data-testid="stAlert"] .katex').first).to_be_attached()  # KaTeX loads lazily
    page.wait_for_function(f"document.querySelectorAll('[data-testid=\"stAlert\"] .katex').length >= "
                           f"{sum(len(MATH.findall(m)) for m in messages)}")
    drawn = page.evaluate(ALERTS, MARKUP)[:-1]  # the last box says "done"
    assert len(drawn) == len(messages)
    wrong = [(message, box) for message, box in zip(messages, drawn)
             if box["markup"] or box["errors"] or box["formulas"] != len(MATH.findall(message))
             or re.sub(r"\s+", "", box["text"]).replace("\u200b", "") != words(message)]  # (ui.inert's, in "x@y")
    assert not wrong, wrong[:5]


#: Text in a table cell that was meant to be typeset or was read as Markdown: a dollar, a LaTeX command, **.
RAW = re.compile(r"\$|\\[A-Za-z]+|\*\*")

#: For each table cell: its text outside formulas and code, and the markup elements in it.
CELLS = """(markup) => [...document.querySelectorAll('[data-testid="stMain"] table :is(td, th)')].map(cell => {
    const copy = cell.cloneNode(true);
    copy.querySelectorAll('.katex, code').forEach(part => part.remove());
    return {text: copy.textContent, markup: cell.querySelectorAll(markup.replace('strong, ', '')).length};
})"""


def tables_read_as_text(page):
    """The cells whose text is raw LaTeX or Markdown. Bold is allowed: the home page's course table says where
    "this app" is in bold, written so."""
    return [cell for cell in page.evaluate(CELLS, MARKUP) if cell["markup"] or RAW.search(cell["text"])]


def settle(page, done):
    """Wait for ``done`` (a JavaScript condition), then for the run it started to end."""
    page.wait_for_function(done)
    page.wait_for_selector(APP_IDLE)


def open_every_expander(page):
    """Open each folded expander in the main area, one by one (an expander may rerun the page to draw itself)."""
    while (folded := page.locator('[data-testid="stMain"] [data-testid="stExpander"] details:not([open])')).count():
        details = folded.first
        details.locator("summary").click()
        settle(page, """() => [...document.querySelectorAll('[data-testid="stMain"] details[open]')].every(d =>
            d.querySelector('[data-testid="stExpanderDetails"] [data-testid="stElementContainer"]'))""")


def vega_or_request_problems(messages, path):
    """Console messages that are not Streamlit's first guess at its base path (and its 404s)."""
    known = re.compile(rf"^HTTP 404 .*/{re.escape(path)}/_stcore/(health|host-config)$") if path else None
    return [m for m in messages if not (known and known.match(m)) and "Failed to load resource" not in m
            and (m.startswith("HTTP") or "WARN" in m or m.startswith("error"))]


#: Pages whose checks below are about their Korean.
KOREAN = {"train-a-network", "every-derivation", "vectorization"}


@pytest.mark.parametrize("index, path", list(enumerate(lesson.url_path for lesson in PAGES)))
def test_every_table_is_text_or_typeset_and_the_frame_is_clean(browser, server, index, path):
    lang = "ko" if index % 2 or path in KOREAN else "en"
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(90_000)
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("response", lambda response: console.append(f"HTTP {response.status} {response.url}")
            if response.status >= 400 else None)
    try:
        open_page(page, f"{server}/{path}" + ("?lang=ko" if lang == "ko" else ""))
        switch = page.get_by_role("radiogroup", name="Language · 언어")
        bottom = lambda: (lambda box: box["y"] + box["height"])(switch.bounding_box())  # noqa: E731
        for _ in range(100):  # the sidebar's style sheet comes with the run: on a busy machine, after the first frame
            if bottom() <= 720:
                break
            page.wait_for_timeout(200)
        assert bottom() <= 720  # in view on arrival at 1280 x 720 (it was at y = 900)
        open_every_expander(page)
        problems = tables_read_as_text(page)
        tabs = page.locator('[data-testid="stMain"] [data-testid="stTabs"] [role="tab"]')
        for i in range(1, tabs.count()):  # each tab in turn: some draw only the chosen one
            tabs.nth(i).click()
            settle(page, f"""() => document.querySelectorAll('[data-testid="stMain"] [role="tab"]')[{i}]
                .getAttribute('aria-selected') === 'true'""")
            open_every_expander(page)
            problems += tables_read_as_text(page)
        assert not problems, problems[:5]
        assert not vega_or_request_problems(console, path), console
        if path == "train-a-network":  # "after iteration" and "iterations" were both 반복 횟수
            labels = page.locator('[data-testid="stSlider"] [data-testid="stWidgetLabel"]').all_inner_texts()
            assert len(labels) == len(set(labels)) >= 2, labels
        if path in ("every-derivation", "vectorization"):  # SymPy's "for" and "otherwise" (ReLU'), in Korean
            formulas = " ".join(page.locator(".katex-html").all_text_contents()).replace("\xa0", " ")
            assert "그 외" in formulas and "otherwise" not in formulas
        if path == "check-my-notes":  # the uploader says the limit the server keeps (Streamlit's default: 200MB)
            expect(page.locator('[data-testid="stFileUploaderDropzoneInstructions"]')).to_contain_text("1MB")
    finally:
        context.close()
