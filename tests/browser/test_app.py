"""What only a browser shows: KaTeX rendering, charts drawn, the sidebar, deep links, live reruns."""

import os
import re
import time

import pytest
from playwright.sync_api import expect

from benchmarks.browser import Runs
from lessons import PAGES as LESSONS
from tests.browser.conftest import ROOT, open_page, screenshot, streamlit_server

HEADINGS = {  # url path -> the page's heading
    "": "Why does ∂L/∂z = a − y?",
    "network": "What a neural network is",
    "supervised-learning": "Supervised learning: structured and unstructured data",
    "activation-functions": "Activation functions",
    "logistic-regression": "Logistic regression and the sigmoid",
    "loss-and-cost": "Loss and cost",
    "backpropagation": "Chain rule and backpropagation",
    "gradient-descent": "Gradient descent",
    "cost-surface": "Convex or not: the cost surface",
    "vectorization": "From one example to m examples",
    "l-layers": "L layers: backward and the gradient check",
    "train-a-network": "Train a network",
    "loops-vs-numpy": "Loops versus NumPy, measured",
    "check-my-derivation": "Check my derivation",
    "check-my-notes": "Check my notes",
    "grade-a-class": "Grade a class's notes",
    "every-derivation": "Every derivation, verified",
}
#: url path -> (sidebar title, page heading), in the sidebar's order (the one list of pages: lessons.PAGES)
PAGES = {lesson.url_path: (lesson.title, HEADINGS[lesson.url_path]) for lesson in LESSONS}


#: LaTeX that KaTeX has not typeset yet (or never will): a \frac, or a lone $ (a $$ pair is text).
UNTYPESET = re.compile(r"\\frac|(?<!\$)\$(?!\$)")


#: The page's visible prose: its text outside code (LaTeX shown as code is meant to stay LaTeX) and outside KaTeX.
PROSE = """main => {
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT), parts = [];
    for (let node; (node = walker.nextNode());) {
        const parent = node.parentElement;
        if (parent.closest("code, pre, textarea, .katex, script, style") || !parent.checkVisibility()) continue;
        parts.push(node.textContent);
    }
    return parts.join(" ");
}"""


#: Pages that show no formula before anything is uploaded (the teacher's page): nothing for KaTeX to typeset.
NO_MATH = {"grade-a-class"}


def assert_rendered_cleanly(page, math=True):
    """KaTeX typeset (it loads lazily, just after the run ends): wait until no LaTeX is left as prose, then no
    KaTeX error and no exception."""
    if math:
        expect(page.locator(".katex").first).to_be_attached()
    main, deadline = page.locator('[data-testid="stMain"]'), time.monotonic() + 20
    while UNTYPESET.search(prose := main.evaluate(PROSE)) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert not UNTYPESET.search(prose), UNTYPESET.search(prose)
    assert page.locator(".katex-error").count() == 0, page.locator(".katex-error").all_inner_texts()
    assert page.locator('[data-testid="stException"]').count() == 0


def assert_chart_drawn(chart):
    """Vega draws small charts as SVG marks and large ones on a canvas: either way, not blank."""
    chart.scroll_into_view_if_needed()
    surface = chart.locator("svg.marks, canvas.marks").first
    expect(surface).to_be_visible()
    if surface.evaluate("e => e.tagName") == "svg":
        expect(chart.locator("svg g.role-mark path").first).to_be_attached()
    else:
        coloured = surface.evaluate("""c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) n++; return n; }""")
        assert coloured > 1000


def sidebar_titles(page):
    links = page.locator('[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]')
    return [re.sub(r"^\S+\s+", "", t.strip()) for t in links.all_inner_texts()]  # drop the icon's name


def metric_value(page, label):
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label)
    return card.locator('[data-testid="stMetricValue"]')


def focus_slider(page, label):
    """Keyboard focus on the slider labelled ``label`` (arrow keys, Home and End then move it)."""
    page.locator('[data-testid="stSlider"]').filter(has_text=label).get_by_role("slider").focus()


def press_slider(page, label, key, times, url_key):
    """Press ``key`` on the slider labelled ``label`` ``times`` times, one step at a time: after each press, wait
    until the slider shows its new value and the app has run with it (the router writes every control's value to
    the address bar as ``url_key=value`` at the end of a run). Pressing again before that can be lost to the rerun."""
    slider = page.locator('[data-testid="stSlider"]').filter(has_text=label).get_by_role("slider")
    for _ in range(times):
        before = slider.input_value()
        slider.press(key)
        expect(slider).not_to_have_value(before)
        wait_for_url_value(page, url_key, slider.input_value())


def wait_for_url_value(page, key, value, within=1e-9):
    """Wait until the address bar's ``key`` holds ``value`` (the same text, or a number ``within`` of it): the run
    that used it has finished, since the router writes every control's value there at the end of a run."""
    page.wait_for_function("""([key, value, within]) => { const got = new URLSearchParams(location.search).get(key);
        return got !== null && (got === value || Math.abs(Number(got) - Number(value)) <= within); }""",
                           arg=[key, str(value), within])


def painted(page):
    """Wait for the layout to have been painted: two animation frames."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def open_select(page, label):
    """Open the select box labelled ``label``. Scroll first and let the scroll be painted, then click: BaseWeb
    closes an open dropdown on a scroll, and a click that has to scroll the box into view can land as the scroll
    ends. If it closed anyway, click again (at most three times)."""
    combobox = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).get_by_role("combobox")
    combobox.scroll_into_view_if_needed()
    for attempt in range(3):
        painted(page)
        combobox.click()
        try:
            expect(combobox).to_have_attribute("aria-expanded", "true", timeout=5_000)
            return
        except AssertionError:
            if attempt == 2:
                raise


@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders_its_math_and_charts_without_errors(page, server, path):
    open_page(page, f"{server}/{path}")
    expect(page.locator("h1").first).to_have_text(PAGES[path][1])
    for chart in page.locator('[data-testid="stVegaLiteChart"]').all():
        assert_chart_drawn(chart)
    assert_rendered_cleanly(page, math=path not in NO_MATH)
    shot = screenshot(page, path or "home", height=3200)
    assert shot.stat().st_size > 10_000


def test_sidebar_lists_each_page_exactly_once(page, server):
    open_page(page, server)
    assert sidebar_titles(page) == [title for title, _ in PAGES.values()]
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=re.compile("Every derivation, verified")).click()
    expect(page.locator("h1").first).to_have_text(PAGES["every-derivation"][1])
    assert page.url.endswith("/every-derivation")


def test_a_deep_link_as_the_first_visit_still_gets_the_router(page, tmp_path):
    with streamlit_server(tmp_path / "server.log") as fresh:  # nobody has opened the home page yet
        open_page(page, f"{fresh}/backpropagation")
        expect(page.locator("h1").first).to_have_text(PAGES["backpropagation"][1])
        assert_rendered_cleanly(page)
        assert sidebar_titles(page) == [title for title, _ in PAGES.values()]
        assert page.get_by_text("Page not found").count() == 0


def test_home_slider_reruns_the_check(page, server):
    open_page(page, server)
    if os.environ.get("UPDATE_README_SCREENSHOT"):  # the README's picture: the top of the home page
        from PIL import Image

        path = screenshot(page, "readme")
        Image.open(path).convert("RGB").resize((960, 675)).save(ROOT / "docs" / "screenshot.png", optimize=True)
    derived = metric_value(page, "a − y, the derived formula")
    expect(derived).to_have_text("-0.182426")
    press_slider(page, "z, the unit's input", "ArrowLeft", 5, "z")  # z: 1.5 -> 1.0
    expect(derived).to_have_text("-0.268941")  # sigma(1.0) - 1
    assert_rendered_cleanly(page)


def test_sigmoid_point_moves(page, server):
    open_page(page, f"{server}/logistic-regression")
    press_slider(page, "Move the point", "ArrowLeft", 10, "z")  # z: 1.0 -> 0.0
    expect(metric_value(page, "σ'(z)")).to_have_text("0.250000")
    assert_rendered_cleanly(page)


def test_loss_label_switch(page, server):
    open_page(page, f"{server}/loss-and-cost")
    expect(metric_value(page, "cross-entropy at your point")).to_have_text("2.3026")
    page.get_by_role("radiogroup", name="label y").get_by_text("0", exact=True).click()
    expect(metric_value(page, "cross-entropy at your point")).to_have_text("0.1054")
    assert_rendered_cleanly(page)


def test_backprop_graph_updates_and_squared_error_rederives(page, server):
    open_page(page, f"{server}/backpropagation")
    graph = page.locator('[data-testid="stMarkdown"] svg[role="img"]')
    expect(graph).to_be_visible()
    expect(graph).to_contain_text("∂L/∂z = -0.4750")
    x1 = page.get_by_label("x1")
    x1.fill("1.5")
    x1.press("Enter")
    expect(graph).to_contain_text("1.5000")
    wait_for_url_value(page, "x1", "1.5")  # the graph's part reran alone (a fragment), and wrote the link itself
    cross_entropy = graph.text_content()
    page.get_by_role("radiogroup", name="loss").get_by_text("squared error").click()
    wait_for_url_value(page, "loss", "squared_error")
    expect(graph).not_to_have_text(cross_entropy)  # the whole page reran: the graph with the new loss
    expect(page.locator(".katex").filter(has_text="a(1−a)(a−y)").first).to_be_visible()
    assert_rendered_cleanly(page)
    screenshot(page, "backpropagation-squared-error", height=3200)


def test_gradient_descent_too_large_a_step_warns(page, server):
    open_page(page, f"{server}/gradient-descent")
    expect(page.locator('[data-testid="stAlert"]')).to_have_count(0)
    focus_slider(page, "learning rate α")
    page.keyboard.press("End")  # alpha = 100
    expect(page.get_by_text("is too large")).to_be_visible()
    assert_rendered_cleanly(page)
    screenshot(page, "gradient-descent-alpha-100", height=3200)


def test_clicking_the_surface_restarts_both_descents(page, server):
    open_page(page, f"{server}/cost-surface")
    start_w = page.get_by_label("start w")
    expect(start_w).to_have_value("-6.00")
    final_w = page.locator('[data-testid="stMetric"]').filter(has_text="final w").locator('[data-testid="stMetricValue"]')
    ce_before, se_before = final_w.nth(0).inner_text(), final_w.nth(1).inner_text()
    surface = page.locator('.st-key-surface_cross_entropy [data-testid="stVegaLiteChart"]')  # the chart's key
    surface.scroll_into_view_if_needed()
    assert_chart_drawn(surface)
    box = surface.locator("canvas.marks, svg.marks").first.bounding_box()
    for attempt in range(5):  # Vega attaches its click handlers only after its first draw: click until it listens
        page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.25)  # w > 0, b > 0
        try:
            expect(start_w).not_to_have_value("-6.00", timeout=3_000)
            break
        except AssertionError:
            if attempt == 4:
                raise
    assert float(start_w.input_value()) > 0 and float(page.get_by_label("start b").input_value()) > 0
    wait_for_url_value(page, "w0", start_w.input_value(), within=0.005)  # the box shows two decimals
    expect(final_w.nth(1)).not_to_have_text(se_before)  # squared error ends somewhere else...
    assert final_w.nth(0).inner_text() == ce_before  # ...cross-entropy, convex, at the same minimum
    assert_rendered_cleanly(page)
    screenshot(page, "cost-surface-clicked", height=4200)


def test_network_diagram_follows_the_layer_sliders(page, server):
    open_page(page, f"{server}/network")
    diagram = page.locator('[data-testid="stMarkdown"] svg[role="img"]')
    expect(diagram).to_contain_text("hidden 1 (ReLU)")
    expect(diagram).not_to_contain_text("hidden 2")
    focus_slider(page, "hidden layers")
    page.keyboard.press("ArrowRight")
    expect(diagram).to_contain_text("hidden 2 (ReLU)")
    expect(metric_value(page, "parameters to learn")).to_have_text("41")  # [3, 4, 4, 1]
    table = page.locator('[data-testid="stMain"] table').first  # X, then W, b, Z, A for each of 3 layers: 13 rows
    expect(table.locator("tbody tr")).to_have_count(13)
    rows = table.locator("tbody tr").all()
    top, bottom = table.bounding_box(), rows[-1].bounding_box()
    assert bottom["y"] + bottom["height"] <= top["y"] + top["height"] + 1  # every row in view, none in a scroll box (#19)
    assert_rendered_cleanly(page)
    screenshot(page, "network-two-hidden", height=2400)


def test_activation_switch_rederives(page, server):
    open_page(page, f"{server}/activation-functions")
    page.get_by_role("radiogroup", name="activation g").get_by_text("tanh", exact=True).click()
    wait_for_url_value(page, "activation", "tanh")
    expect(page.locator(".katex").filter(has_text="tanh").first).to_be_visible()
    expect(metric_value(page, "g'(0.5)")).to_have_text("0.7864")  # 1 - tanh(0.5)^2
    assert_rendered_cleanly(page)


def test_transpose_detective_in_the_browser(page, server):
    open_page(page, f"{server}/vectorization")
    expect(page.locator('[data-testid="stAlertContentSuccess"]').first).to_contain_text("Right")
    page.get_by_role("radiogroup", name="right").get_by_text("A_prev", exact=True).click()
    expect(page.locator('[data-testid="stAlertContentError"]').first).to_contain_text("does not align")
    assert_rendered_cleanly(page)
    screenshot(page, "vectorization-detective", height=3000)


def test_checker_answers_in_the_browser(page, server):
    open_page(page, f"{server}/check-my-derivation")
    open_select(page, "What are you deriving")
    page.get_by_role("option", name="dL/dz, cross-entropy after a sigmoid").click()
    expect(page).to_have_url(re.compile(r"[?&]target=dL_dz_cross_entropy"))
    answer = page.get_by_label("Your answer")
    answer.fill("(a-y)a(1-a)")
    answer.press("Enter")
    expect(page.get_by_text("a(1 − a) factor is left in")).to_be_visible()
    answer.fill("σ(z) − y")
    answer.press("Enter")
    expect(page.get_by_text("Equivalent: SymPy simplifies")).to_be_visible()
    answer.fill("open('/tmp/x', 'w')")
    answer.press("Enter")
    expect(page.get_by_text("Unexpected character")).to_be_visible()
    assert_rendered_cleanly(page)
    screenshot(page, "checker", height=1400)


def test_checker_reads_latex_and_numpy_and_names_the_notation(page, server):
    open_page(page, f"{server}/check-my-derivation?target=dW")
    answer = page.get_by_label("Your answer")
    answer.fill(r"\frac{1}{m} dZ^{[l]} A^{[l-1]T}")
    answer.press("Enter")
    expect(page.get_by_text("Equivalent: right shape (3, 2)")).to_be_visible()
    expect(page.get_by_text("two matrices side by side")).to_be_visible()
    expect(page.locator(".katex", has_text="LaTeX").first).to_be_visible()  # read as (LaTeX): …
    assert_rendered_cleanly(page)
    screenshot(page, "checker-latex", height=1200)
    answer.fill("np.dot(dZ, A_prev.T) / 5")
    answer.press("Enter")
    expect(page.get_by_text("Right shape (4, 6), wrong values")).to_be_visible()


@pytest.mark.parametrize("lang, check, wrong", [("en", "Check my notes", "wrong"), ("ko", "내 노트 확인하기", "틀림")])
def test_notes_page_checks_the_example_note(page, server, lang, check, wrong):
    open_page(page, f"{server}/check-my-notes?lang={lang}")
    page.get_by_role("button", name="Try an example note" if lang == "en" else "예시 노트로 해 보기").click()
    expect(page.get_by_role("textbox")).to_have_value(re.compile(r"J\(w, b\)"))
    page.get_by_role("button", name=check, exact=True).click()
    expect(page.locator('[data-testid="stMetric"]', has_text=wrong)).to_contain_text("2")
    expect(page.get_by_text(r"\hat{y} = w^T x + b").first).to_be_visible()  # the formula, as code
    assert_rendered_cleanly(page)
    screenshot(page, f"notes-{lang}", height=4200)


def test_a_note_is_sent_once_when_checked_not_while_typed(page, server):
    runs = Runs(page)  # counts the script runs the server finishes, from the page's websocket
    open_page(page, f"{server}/check-my-notes")
    before = runs.finished
    page.get_by_role("textbox").fill("$dz = a - y$")
    page.get_by_role("heading", name="Check my notes").click()  # the box loses focus: nothing is sent
    page.wait_for_timeout(500)
    assert runs.finished == before
    page.get_by_role("button", name="Check my notes", exact=True).click()
    expect(page.locator('[data-testid="stMetric"]', has_text="correct")).to_contain_text("1")
    assert runs.finished == before + 1  # one run for the note, where a blur and then the click made two


def test_a_shared_answer_is_judged_when_the_visitor_presses_check(page, server):
    open_page(page, f"{server}/check-my-derivation?target=dL_dz_cross_entropy_sigmoid&answer=sigma(z)%20-%20y")
    expect(page.get_by_label("Your answer")).to_have_value("sigma(z) - y")
    expect(page.get_by_text("Press Check (or Enter in the box) to judge this answer.")).to_be_visible()
    assert page.get_by_text("Equivalent: SymPy simplifies").count() == 0
    screenshot(page, "checker-shared-link", height=900)
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.get_by_text("Equivalent: SymPy simplifies")).to_be_visible()
    assert_rendered_cleanly(page)


def test_checker_step_mode_points_at_the_first_wrong_step(page, server):
    open_page(page, f"{server}/check-my-derivation")
    page.get_by_role("tab", name="The chain rule, step by step").click()
    steps = ["-y/a + (1-y)/(1-a)", "a(1+a)", "(-y/a + (1-y)/(1-a)) a(1-a)", "a - y"]
    for i, text in enumerate(steps):
        box = page.get_by_label(f"step {i + 1}")
        box.fill(text)
        box.press("Enter")
        expect(page).to_have_url(re.compile(rf"[?&]step_{i + 1}="))
    page.get_by_role("button", name="Check every step").click()
    expect(page.get_by_text("Step 2 is the first that is not right.")).to_be_visible()
    expect(page.get_by_text("σ' = σ(1 − σ)")).to_be_visible()
    assert_rendered_cleanly(page)
    screenshot(page, "checker-steps", height=1600)


def test_sessions_are_isolated(browser, server):
    """Two learners at once: one's inputs, results and answers never show in the other's page."""
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(2)]
    first, second = [context.new_page() for context in contexts]
    try:
        for page in (first, second):
            page.set_default_timeout(60_000)
            open_page(page, server)
        focus_slider(first, "z, the unit's input")
        first.keyboard.press("End")  # z = 6
        expect(metric_value(first, "a = σ(z)")).to_have_text("0.997527")
        expect(metric_value(second, "a = σ(z)")).to_have_text("0.817574")  # sigma(1.5): its own default
        open_page(second, f"{server}/check-my-derivation")
        open_page(first, f"{server}/check-my-derivation")
        answer = first.get_by_label("Your answer")
        answer.fill("a(1-a)")
        answer.press("Enter")
        expect(first.get_by_text("read as").first).to_be_visible()
        second.reload()
        open_page(second, f"{server}/check-my-derivation")
        expect(second.get_by_label("Your answer")).to_have_value("")
        assert second.get_by_text("read as").count() == 0
        open_page(second, server)
        expect(metric_value(second, "a = σ(z)")).to_have_text("0.817574")
    finally:
        for context in contexts:
            context.close()


def test_training_page_trains_and_its_boundary_moves_between_snapshots(page, server):
    open_page(page, f"{server}/train-a-network")
    expect(metric_value(page, "train accuracy")).to_have_text(re.compile(r"^\d+\.\d%$"))
    slider = page.locator('[data-testid="stSlider"]').filter(has_text="after iteration").get_by_role("slider")
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    assert_chart_drawn(chart)
    last = chart.screenshot()
    slider.press("Home")  # back to iteration 0: the untrained network's boundary
    expect(slider).to_have_value("0")
    for _ in range(120):  # poll for the state checked: the chart redrawn for iteration 0 (at most a minute)
        assert_chart_drawn(chart)
        if chart.screenshot() != last:
            break
        page.wait_for_timeout(500)
    else:
        raise AssertionError("the boundary did not change between the last snapshot and iteration 0")
    assert_rendered_cleanly(page)
    screenshot(page, "train-a-network-iteration-0", height=3600)
