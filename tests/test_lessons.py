"""Every page runs in AppTest without an exception, and a widget changes what it shows."""

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from mathcore.functions import ACTIVATIONS
from mathcore.judge import Outcome
from mathcore.notes import check_note
from tests.tables import table_with, tables
from tests.test_graph import boxes_and_edges

TIMEOUT = 120  # the first run derives everything with SymPy


@pytest.fixture
def app():
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    return at


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def test_home_derives_a_minus_y_and_checks_it_at_the_sliders(app):
    assert app.title[0].value == "Why does ∂L/∂z = a − y?"
    assert any(r"&= a - y" in block.value for block in app.latex)
    assert metric(app, "a − y, the derived formula") == "-0.182426"  # sigma(1.5) - 1
    app.slider[0].set_value(-2.0).run()
    app.slider[1].set_value(0.0).run()
    assert not app.exception
    assert metric(app, "a = σ(z)") == "0.119203"  # sigma(-2)
    assert metric(app, "a − y, the derived formula") == "0.119203"
    assert float(metric(app, "difference")) < 1e-7


def test_home_shows_the_source_of_the_deriving_function_once_opened(app):
    assert not app.code  # folded: not highlighted until opened
    app.session_state["home:code"] = True  # what opening the expander does (it reruns the page)
    app.run()
    assert any("def dL_dz(" in block.value for block in app.code)


def test_a_derivations_checks_are_tabled_once_opened(app):
    """The step-by-step checks are drawn only in an opened expander (folded, the browser would still draw it)."""
    from mathcore.derivations import dL_dz_key
    assert not any("proved by SymPy" in table.columns for table in tables(app))
    app.session_state[f"checks_{dL_dz_key('cross_entropy', 'sigmoid')}"] = True
    app.run()
    checks = table_with(app, "proved by SymPy")
    assert (checks["proved by SymPy"] == "✓").all() and len(checks) >= 2


def test_derivations_page_lists_all_and_shows_the_chosen_one(app):
    from mathcore import CATALOGUE

    app.switch_page("lessons/derivations.py").run()
    assert not app.exception
    table = app.markdown[1].value
    assert table.count("| ✓ |") == len(CATALOGUE) and "✗" not in table
    rows = table.splitlines()
    assert len(rows) == len(CATALOGUE) + 2 and all(row.count("|") == 6 for row in rows)  # no | inside a cell
    assert app.subheader[0].value == "dL/dz (squared error, sigmoid)"
    app.selectbox[0].select("da/dz (sigmoid)").run()
    assert not app.exception
    assert app.subheader[0].value == "da/dz (sigmoid)"
    assert any("a \\left(1 - a\\right)" in block.value for block in app.latex)
    app.session_state["derivations:code"] = True
    app.run()
    assert any("def da_dz(" in block.value for block in app.code)


def open_page(app, path):
    app.switch_page(path).run()
    assert not app.exception
    return app


def test_sigmoid_page_point_and_notation_bridge(app):
    page = open_page(app, "lessons/sigmoid.py")
    assert metric(page, "σ(z)") == "0.731059" and metric(page, "σ'(z) = σ(z)(1 − σ(z))") == "0.196612"
    page.slider[0].set_value(0.0).run()
    assert metric(page, "σ(z)") == "0.500000" and metric(page, "σ'(z) = σ(z)(1 − σ(z))") == "0.250000"
    assert len(page.tabs) == 5 and not page.exception
    page.slider[1].set_value(5).run()
    page.slider[2].set_value(2).run()
    assert not page.exception
    assert table_with(page, "example i").shape == (2, 3)
    assert any(c.value == "Largest difference between the two: 0.0e+00" for c in page.caption)


def test_loss_page_point_limits_and_cost_table(app):
    page = open_page(app, "lessons/loss.py")
    assert metric(page, "cross-entropy at your point") == "2.3026"  # -log 0.1
    page.radio[0].set_value(0).run()
    assert metric(page, "cross-entropy at your point") == "0.1054"  # -log 0.9
    assert metric(page, "squared error at your point") == "0.0050"
    assert any(r"= \infty" in block.value and r"= \frac{1}{2}" in block.value for block in page.latex)
    before = metric(page, "J, the mean of the L column (NumPy)")
    page.slider[1].set_value(-2.0).run()  # w1
    after = metric(page, "J, the mean of the L column (NumPy)")
    assert after != before and after == metric(page, "J from SymPy's (1/m) Σ L")
    assert float(metric(page, "difference")) < 1e-12


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_backprop_page_rederives_for_every_activation(app, activation):
    page = open_page(app, "lessons/backprop.py")
    page.radio(key="backpropagation:activation").set_value(activation).run()
    assert not page.exception
    assert page.radio[1].options == (["cross-entropy", "squared error"] if activation == "sigmoid"
                                     else ["squared error"])  # the loss: keyed only while there is a choice
    if activation == "sigmoid":
        page.radio[1].set_value("squared_error").run()
        assert any(r"a \left(1 - a\right) \left(a - y\right)" in block.value for block in page.latex)


def test_backprop_page_keeps_the_chosen_loss_through_another_activation(app):
    """#19: squared error, then tanh (only squared error fits), then the sigmoid again: still squared error."""
    page = open_page(app, "lessons/backprop.py")
    page.radio(key="backpropagation:loss").set_value("squared_error").run()
    page.radio(key="backpropagation:activation").set_value("tanh").run()
    page.radio(key="backpropagation:activation").set_value("sigmoid").run()
    assert page.radio(key="backpropagation:loss").value == "squared_error" and not page.exception
    assert any(r"a \left(1 - a\right) \left(a - y\right)" in block.value for block in page.latex)


def test_backprop_page_graph_follows_the_inputs(app):
    page = open_page(app, "lessons/backprop.py")
    table = table_with(page, "node")
    assert (table["|backprop − finite diff.|"] < 1e-7).all()
    page.number_input[0].set_value(1.5).run()  # x1
    graph = boxes_and_edges(next(block.value for block in page.markdown if "<svg " in block.value))[1]
    assert [text for text, _ in graph[0][1][:2]] == ["x₁", "1.5000"]  # the x₁ box, with its new value
    changed = table_with(page, "node")
    assert changed.loc[changed.node == "x1", "value"].item() == 1.5
    assert (changed["∂L/∂node, backprop"] - changed["∂L/∂node, SymPy (lambdified)"]).abs().max() < 1e-12
    page.slider[0].set_value(-10.0).run()
    assert float(metric(page, "|∂L/∂z|, squared error, at z = -10")) < 1e-4


def test_gradient_descent_page_trains_and_compares(app):
    page = open_page(app, "lessons/gradient_descent.py")
    assert metric(page, "train accuracy").endswith("%") and not page.warning
    page.select_slider[0].set_value(100.0).run()
    assert page.warning and "too large" in page.warning[0].value
    page.select_slider[0].set_value(1.0).run()
    page.slider[-1].set_value(5000).run()
    assert not page.warning and float(metric(page, "cost gap J − J_sklearn")) < 1e-8


@pytest.mark.parametrize("source", ["breast cancer", "digits 0 vs 1"])
def test_gradient_descent_page_real_data(app, source):
    page = open_page(app, "lessons/gradient_descent.py")
    page.radio[0].set_value(source).run()
    assert not page.exception
    assert float(metric(page, "test accuracy").rstrip("%")) > 90
    assert page.info and "separable" in page.info[0].value
    # #19: no "|w − w_sklearn| = 4.33e+04": on separable data the page compares decisions and directions
    labels = [m.label for m in page.metric]
    assert "largest |w − w_sklearn|" not in labels and "cost gap J − J_sklearn" not in labels
    assert metric(page, "scikit-learn's accuracy on the training set") == "100.0%"
    assert -1 <= float(metric(page, "cos ∠(w, w_sklearn)")) <= 1


def test_gradient_descent_page_synthetic_controls(app):
    page = open_page(app, "lessons/gradient_descent.py")
    for i, value in enumerate([1000, 0.0, 3.0]):
        page.slider[i].set_value(value).run()
        assert not page.exception
    page.number_input[0].set_value(7).run()
    assert not page.exception


def test_convexity_page_defaults_show_the_two_runs_apart(app):
    page = open_page(app, "lessons/convexity.py")
    finals = {label: [float(m.value) for m in page.metric if m.label == label] for label in ("final w", "final b")}
    assert abs(finals["final w"][0] - finals["final w"][1]) + abs(finals["final b"][0] - finals["final b"][1]) > 2
    assert any("cross-entropy reached its one minimum and squared error stopped on a flat part" in box.value
               for box in page.info)
    said = [c.value for c in page.caption]
    assert any(c.startswith("Reached the minimum") for c in said) and any(c.startswith("Stuck where") for c in said)
    assert any("The path leaves the plotted square: it ends at w = -2.63, b = 8.04" in c for c in said)
    assert "Click a cell of either surface to start both runs there." in said  # the click is said, not hidden


@pytest.mark.parametrize("alpha, words", [(10.0, ["Oscillating: J went up", "α = 10 is too large"]),
                                          (0.01, ["Still descending after 300 steps"])])
def test_convexity_page_says_only_what_the_runs_show(app, alpha, words):
    """#19: at α = 10 cross-entropy oscillates (J = 2.82, ‖∇J‖ = 1.2); the page said it reached its minimum."""
    page = open_page(app, "lessons/convexity.py")
    page.select_slider[1].set_value(alpha).run()
    shown = [box.value for box in page.warning] + [c.value for c in page.caption]
    assert all(any(word in text for text in shown) for word in words), shown
    assert not any("reached its one minimum" in box.value for box in page.info)
    smallest = {m.label: float(m.value) for m in page.metric if m.label.startswith("smallest λ_min")}
    assert smallest["smallest λ_min on the grid, cross-entropy"] > -1e-12
    assert smallest["smallest λ_min on the grid, squared error"] < 0


def test_convexity_page_draws_only_the_chosen_proof(app):
    """The proofs are tabs of which only the chosen one is computed and drawn (#18); choosing the other shows it."""
    page = open_page(app, "lessons/convexity.py")
    assert [tab.label for tab in page.tabs] == ["Cross-entropy: convex", "Squared error: not convex"]
    shown = lambda: " ".join(block.value for block in page.latex)  # noqa: E731
    assert r"z=-1" not in shown() and "-6.7" not in shown()
    page.session_state["cost-surface:tab"] = "Squared error: not convex"
    page.run()
    assert r"\Big|_{z=-1,\,y=1}" in shown() and r"\approx -0.0" in shown() and not page.exception
    assert len(page.tabs[0].children) == 0 and len(page.tabs[1].children) > 0


def plotly_array(value):
    """A Plotly JSON array: a list, or {"dtype", "bdata"} (base64 of the raw values)."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return np.asarray(value)


def test_convexity_page_3d_view_draws_both_surfaces_with_their_paths(app):
    page = open_page(app, "lessons/convexity.py")
    assert not page.get("plotly_chart")  # behind its toggle: the page's budget is kept
    page.toggle[0].set_value(True).run()
    figures = [json.loads(chart.proto.spec) for chart in page.get("plotly_chart")]
    assert len(figures) == 2 and not page.exception
    runs = [float(m.value) for m in page.metric if m.label == "final J"]
    for figure, final_J in zip(figures, runs):
        kinds = [trace["type"] for trace in figure["data"]]
        assert kinds[0] == "surface" and "scatter3d" in kinds
        x, y, J = (plotly_array(figure["data"][1][axis]) for axis in "xyz")
        assert len(x) == len(y) == len(J) > 1 and J[0] > J[-1] and J[-1] >= final_J - 1e-4  # up to the exit


def test_convexity_page_controls(app):
    page = open_page(app, "lessons/convexity.py")
    page.number_input(key="cost-surface:w0").set_value(2.0).run()
    page.number_input(key="cost-surface:b0").set_value(-1.0).run()
    assert not page.exception
    page.select_slider[0].set_value(50).run()  # grid
    page.select_slider[1].set_value(0.1).run()  # alpha
    page.slider[0].set_value(50).run()  # iterations
    assert not page.exception
    page.radio[0].set_value("synthetic").run()
    for i, value in enumerate([1000, 0.0, 3.0]):
        page.slider[i].set_value(value).run()
        assert not page.exception
    page.radio[0].set_value("breast cancer").run()
    page.selectbox[0].set_value("worst area").run()
    assert not page.exception
    smallest = {m.label: float(m.value) for m in page.metric if m.label.startswith("smallest λ_min")}
    assert smallest["smallest λ_min on the grid, cross-entropy"] > -1e-12


def test_network_page_shapes_and_forward_pass(app):
    page = open_page(app, "lessons/network.py")
    assert metric(page, "parameters to learn: Σ n[l]·n[l−1] + n[l]") == "21"  # [3, 4, 1]: 12 + 4 + 4 + 1
    page.slider[1].set_value(3).run()  # hidden layers
    page.slider[2].set_value(6).run()  # units
    page.slider[0].set_value(6).run()  # inputs
    assert not page.exception
    assert metric(page, "parameters to learn: Σ n[l]·n[l−1] + n[l]") == f"{6 * 6 + 6 + 2 * (6 * 6 + 6) + 6 + 1:,}"
    table = table_with(page, "array")
    assert table.loc[table.array == "W[2]", "shape"].item() == "6 × 6"
    assert any("L = 4 layers with parameters" in c.value for c in page.caption)  # three hidden, one output
    page.slider[1].set_value(0).run()  # logistic regression
    assert metric(page, "parameters to learn: Σ n[l]·n[l−1] + n[l]") == "7"
    assert any("L = 1, one layer with parameters" in c.value and "logistic regression" in c.value
               for c in page.caption)  # not "L = 1 layers"
    assert page.slider[2].disabled and page.radio(key="network:activation").disabled  # no hidden units
    page.slider[1].set_value(1).run()
    for activation in ACTIVATIONS:
        page.radio(key="network:activation").set_value(activation).run()
        assert not page.exception
    page.slider[3].set_value(569).run()  # patient
    page.slider[4].set_value(1).run()  # m
    assert not page.exception and table_with(page, "array").loc[0, "shape"] == "6 × 1"


def test_supervised_page_tables_and_pictures(app):
    page = open_page(app, "lessons/supervised.py")
    assert any(r"\mathbb{R}^{30 \times 569}" in block.value for block in page.latex)
    assert any(r"\mathbb{R}^{64 \times 360}" in block.value for block in page.latex)
    stats = table_with(page, "standard deviation")
    assert stats.loc[1, "standard deviation"] == pytest.approx(1.0) and abs(stats.loc[1, "mean"]) < 1e-12
    assert not np.signbit(stats.loc[1, "mean"])  # shown as 0.0000, never "-0.0000"
    assert any("here $y = 1$ is benign" in c.value for c in page.caption)  # the data set's coding, said
    page.slider[0].set_value(20).run()
    page.selectbox[0].set_value("worst area").run()
    page.slider[1].set_value(351).run()
    page.number_input[0].set_value(360).run()
    assert not page.exception


#: g'(-2) for each activation, worked out by hand (swish: s + (-2) s (1 - s) with s = 1/(1 + e^2))
SLOPE_AT_MINUS_2 = {"sigmoid": 0.104994, "tanh": 0.070651, "relu": 0.0, "leaky_relu": 0.01, "swish": -0.090784}


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_activations_page_for_each_function(app, activation):
    page = open_page(app, "lessons/activations.py")
    page.radio(key="activation-functions:activation").set_value(activation).run()
    page.slider[0].set_value(-2.0).run()
    assert not page.exception
    expected = SLOPE_AT_MINUS_2[activation]
    assert float(metric(page, "g'(-2)")) == pytest.approx(expected, abs=1e-4)


def test_activations_page_vanishing_and_collapse(app):
    page = open_page(app, "lessons/activations.py")
    page.slider[1].set_value(50).run()  # depth
    page.slider[2].set_value(5.0).run()  # scale
    assert not page.exception
    assert any("SymPy expanded both sides entry by entry: equal" in c.value for c in page.caption)
    assert float(metric(page, "sigmoid time / ReLU time").rstrip("×")) > 0
    assert sum("Best of 7 runs" in c.value for c in page.caption) == 1  # said once, with the time it was measured


def test_vectorization_page_shows_a_wide_dw_entry_by_entry(app):
    """#19: at n = n[l-1] = m = 4 the symbolic dW overlapped its rows and ran off the page: now one entry a line."""
    page = open_page(app, "lessons/vectorization.py")
    assert any(r"dW = \frac{1}{4}\left[" in block.value for block in page.latex)  # the defaults: the matrix fits
    for i in range(3):
        page.slider[i].set_value(4).run()
    entries = next(block.value for block in page.latex if r"\begin{aligned}" in block.value)
    assert entries.count(r"\tfrac{1}{4}") == 16 and r"dW_{43}" in entries


def test_vectorization_page_proof_and_detective(app):
    page = open_page(app, "lessons/vectorization.py")
    proof = table_with(page, "claim")
    assert (proof["SymPy, entry by entry"] == "✓ equal").all() and len(proof) == 4
    for i, value in enumerate([4, 1, 4]):
        page.slider[i].set_value(value).run()
    assert (table_with(page, "claim")["SymPy, entry by entry"] == "✓ equal").all()
    assert page.success and not page.error  # the defaults are right
    page.radio(key="vectorization:right").set_value("A_prev").run()  # dZ @ A_prev
    assert any("does not align" in e.value for e in page.error)
    page.radio(key="vectorization:scale").set_value(False).run()
    page.radio(key="vectorization:right").set_value("A_prev.T").run()
    assert any("missing 1/m" in e.value for e in page.error)
    page.radio(key="vectorization:axis").set_value(0).run()  # db over axis 0
    assert any("axis=1" in e.value for e in page.error)
    page.slider[3].set_value(20).run()
    page.slider[4].set_value(500).run()
    four = table_with(page, "method")
    assert (four["relative difference"] < 1e-7).all()


def test_vectorization_page_shows_sympys_code_beside_the_hand_written_once_opened(app):
    page = open_page(app, "lessons/vectorization.py")
    assert not page.code  # folded: not highlighted until opened
    page.session_state["vectorization:code"] = True  # what opening the expander does (it reruns the page)
    page.run()
    sympys, by_hand = (block.value for block in page.code)
    assert "dW = dZ @ A_prev.T / m" in sympys and "db = dZ.sum(axis=1, keepdims=True) / m" in sympys
    assert "linear_backward(dZ, A_prev)" in by_hand


def test_l_layers_page_derives_dz_l_once_opened(app):
    page = open_page(app, "lessons/deep_backprop.py")
    blackboards = lambda: [b.value for b in page.latex if r"\begin{aligned}" in b.value]  # noqa: E731
    assert not blackboards()  # folded: not drawn
    page.session_state["l-layers:dZ_L"] = True  # what opening the expander does (it reruns the page)
    page.run()
    assert any(r"a - y" in board for board in blackboards()) and not page.exception


def test_l_layers_page_check_kinks_and_bad_sizes(app):
    page = open_page(app, "lessons/deep_backprop.py")
    assert float(metric(page, "‖g − g̃‖ / (‖g‖ + ‖g̃‖), backprop against central differences (ε = 1e-7)")) < 1e-7
    for activation in ACTIVATIONS:
        page.radio(key="l-layers:activation").set_value(activation).run()
        assert not page.exception
        assert float(metric(page, "‖g − g̃‖ / (‖g‖ + ‖g̃‖), backprop against central differences (ε = 1e-7)")) < 1e-7
    page.radio(key="l-layers:activation").set_value("relu").run()
    page.checkbox[0].check().run()  # b = 0 with ReLU: kinks
    assert page.warning and "kink" in page.warning[0].value
    page.text_input[0].set_value("4, x").run()
    assert page.error and "whole numbers" in page.error[0].value and not page.exception
    page.text_input[0].set_value("8, 8, 8, 8").run()
    assert not page.error and not page.exception


def test_loops_page_measures(app):
    page = open_page(app, "lessons/loops.py")
    assert table_with(page, "speedup")["m"].max() == 100_000
    page.select_slider[0].set_value(1_000)
    page.slider[0].set_value(5)
    page.button[0].click().run()
    assert not page.exception
    table = table_with(page, "speedup")
    assert table["m"].max() == 1_000 and (table["vectorized (s)"] > 0).all()
    assert any("n_x = 5 up to m = 1,000" in c.value for c in page.caption)


def test_loops_page_sessions_share_a_measurement_until_one_measures_again():
    pages = [AppTest.from_file("../app.py", default_timeout=TIMEOUT) for _ in range(2)]
    for page in pages:
        page.run()
        page.switch_page("lessons/loops.py").run()
    times = [table_with(page, "speedup")["vectorized (s)"].tolist() for page in pages]
    assert times[0] == times[1]  # the second session got the first one's measurement, not a new one
    pages[1].button[0].click().run()
    assert table_with(pages[1], "speedup")["vectorized (s)"].tolist() != times[0]


def test_home_offers_the_derivation_and_the_check_to_take_away(app):
    labels = [button.label for button in app.download_button]
    assert labels == ["LaTeX", "Markdown", "This check as a Jupyter notebook"]


def test_exports_are_built_when_downloaded_not_on_every_run(monkeypatch):
    import mathcore.export
    import ui.derivation_view

    built = []
    original = mathcore.export.export
    counting = lambda *args, **kwargs: built.append(args[1]) or original(*args, **kwargs)  # noqa: E731
    monkeypatch.setattr(mathcore.export, "export", counting)
    monkeypatch.setattr(ui.derivation_view, "export", counting)
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.run()
    assert not at.exception and len(at.download_button) == 3 and built == []
    open_page(at, "lessons/backprop.py")
    assert built == []


def test_checker_page_one_answer_and_steps(app):
    page = open_page(app, "lessons/checker.py")
    page.selectbox[0].set_value("dL_dz_cross_entropy_sigmoid").run()
    page.text_input[0].input("(a-y)a(1-a)").run()
    assert not page.exception
    assert any("Not equivalent" in e.value for e in page.error)
    assert any("a(1 − a) factor is left in" in i.value for i in page.info)
    assert any("read as" in block.value for block in page.latex)
    page.text_input[0].input("sigma(z) - y").run()
    assert any("Equivalent" in box.value for box in page.success)
    page.text_input[0].input("__import__('os').system('x')").run()
    assert any("Unexpected character" in w.value for w in page.warning) and not page.exception
    page.selectbox[0].set_value("dW").run()
    page.text_input[0].input("A_prev @ dZ.T / m").run()
    assert any("dWᵀ" in i.value for i in page.info)
    for i, text in enumerate(["-y/a + (1-y)/(1-a)", "a(1+a)", "(-y/a + (1-y)/(1-a)) a(1-a)", "a - y"]):
        page.text_input[1 + i].input(text).run()
    page.button[1].click().run()  # button[0] is the one answer's Check
    assert any("Step 2 is the first that is not right" in md.value for md in page.markdown)
    page.text_input[2].input("a(1-a)").run()
    page.button[1].click().run()
    assert any("Every step is right" in box.value for box in page.success)


def test_checker_page_ordinary_practice_never_hits_a_limit(app):
    """#16/#17: a learner trying answer after answer is limited by the checker's time it uses, not by how
    many answers are typed; and an answer already judged is reused, at no cost."""
    from ui.checking import pool

    page = open_page(app, "lessons/checker.py")
    page.selectbox[0].set_value("dL_dz_cross_entropy_sigmoid").run()
    for k in range(30):
        page.text_input[0].input(f"a - y + {k} - {k}").run()
        assert any("Equivalent" in box.value for box in page.success) and not page.warning, k
    reused = pool().reused
    page.text_input[0].input("a - y + 0 - 0").run()
    assert pool().reused == reused + 1 and any("Equivalent" in box.value for box in page.success)


def test_checker_page_steps_that_were_not_judged_say_so(app, monkeypatch):
    from mathcore.checkpool import BUSY, CheckPool
    from mathcore.judge import Outcome, Verdict

    page = open_page(app, "lessons/checker.py")
    for i, text in enumerate(["-y/a + (1-y)/(1-a)", "a(1-a)", "(-y/a + (1-y)/(1-a)) a(1-a)", "a - y"]):
        page.text_input[1 + i].input(text).run()
    with monkeypatch.context() as patched:
        patched.setattr(CheckPool, "check", lambda pool, target, text, **kw: Verdict(Outcome.UNDECIDED, BUSY))
        page.button[1].click().run()
    assert any("Step 1 was not judged" in md.value for md in page.markdown)
    assert not any("first that is not right" in md.value for md in page.markdown)


def test_checker_page_says_when_sympy_runs_out_of_time_and_stays_usable(app, monkeypatch):
    """A check that overruns its budget: the real pool kills the worker, the page says so, and the
    next answer is judged by a fresh worker."""
    from mathcore.checkpool import CheckPool
    from tests.pool_helpers import stall

    page = open_page(app, "lessons/checker.py")
    page.selectbox[0].set_value("dL_dz_cross_entropy_sigmoid").run()
    with monkeypatch.context() as patched:
        patched.setattr(CheckPool, "check", lambda pool, target, text, **kw: pool.run(stall, 30, timeout=0.5))
        page.text_input[0].input("a - y").run()
    assert not page.exception
    assert any("Could not decide in time" in w.value and "0.5 s" in w.value for w in page.warning)
    page.text_input[0].input("sigma(z) - y").run()
    assert any("Equivalent" in box.value for box in page.success) and not page.warning


def test_training_page_trains_races_and_shows_the_update_derivations(app):
    page = open_page(app, "lessons/train.py")
    assert float(metric(page, "train accuracy").rstrip("%")) > 85  # the flower, one hidden tanh layer of 4
    assert float(metric(page, "logistic regression, test accuracy").rstrip("%")) < 70  # a line cannot
    assert not [t for t in tables(page) if "activation" in t.columns]  # the race: once asked
    assert any(c.value.startswith("At the start, ‖dW[1]‖ / ‖dW[L]‖ = ") and "usable size" in c.value
               for c in page.caption)
    page.toggle[0].set_value(True).run()  # "Train all three and race them"
    race = table_with(page, "activation")
    assert list(race["activation"]) == ["ReLU", "tanh", "sigmoid"] and len(race.columns) == 6
    assert any("reached J ≤ 0.3 in the fewest iterations" in c.value and "Iteration counts are deterministic"
               in c.value and "In time, " in c.value for c in page.caption)
    charts = len(page.get("vega_lite_chart"))
    page.radio(key="train-a-network:init").set_value("zeros").run()
    assert page.warning and "still identical" in page.warning[0].value
    assert len(page.get("vega_lite_chart")) == charts - 1  # all ‖dW[l]‖ are 0: no log-scale chart of them
    assert any(c.value.startswith("From zeros,") and "exactly 0 at every iteration" in c.value for c in page.caption)
    for key in ("moons", "circles", "digits"):
        page.radio[0].set_value(key).run()
        assert not page.exception


def test_training_page_rerun_trains_nothing(app, monkeypatch):
    from mathcore import network

    page = open_page(app, "lessons/train.py")
    calls = []
    real = network.train
    monkeypatch.setattr(network, "train", lambda *a, **k: calls.append(1) or real(*a, **k))
    page.run()
    assert not page.exception and calls == []


def test_checker_page_shows_what_was_typed_inert(app):
    page = open_page(app, "lessons/checker.py")
    page.text_input[0].input("__import__ + a").run()  # an unknown name, echoed back in the message
    message = page.warning[0].value
    assert "\\_\\_import\\_\\_" in message  # escaped: shown as typed, never as bold


def test_notes_page_checks_the_example_note_and_shows_each_finding(app):
    page = open_page(app, "lessons/notes.py")
    page.button[1].click().run()  # Try an example note
    assert "J(w, b)" in page.text_area[0].value
    page.button[0].click().run()  # Check my notes
    assert not page.exception
    assert metric(page, "wrong") == "2" and metric(page, "correct") == "14"
    assert any("The sigmoid is missing" in i.value for i in page.info)
    assert any("sum and the minus sign cover only the first term" in i.value for i in page.info)
    assert any(r"\sigma\left(w^{T} x + b\right)" in block.value for block in page.latex)  # the right formula


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_notes_page_shows_a_note_whose_every_formula_the_checker_finds_right(lang):
    """The example above the box (the page's first code block) says what it says, in each language: checked as a
    note, its seven formulas are all right (its code span is one), and its price is no formula."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    page = open_page(at.run(), "lessons/notes.py")
    shown = page.code[0].value
    assert "`dz = a - y`" in shown and "$5" in shown
    findings = check_note(shown)
    assert len(findings) == 7 and all(f.outcome is Outcome.EQUIVALENT for f in findings), findings


def test_notes_page_shows_hostile_formulas_as_code_and_never_runs_them(app):
    page = open_page(app, "lessons/notes.py")
    page.text_area[0].input("Hi $dz = \\input{/etc/passwd}$ and $dz = [link](http://x) **bold**$")
    page.button[0].click().run()  # typed, then sent with the form: one run
    assert not page.exception
    assert [c.value for c in page.code[1:]] == [r"dz = \input{/etc/passwd}", "dz = [link](http://x) **bold**",
                                              "[link](http://x) **bold**\n^"]  # where the checker stopped: as code
    assert all("[link]" not in md.value for md in page.markdown)  # shown as code, never as Markdown
    assert any(r"\input is not read here" in w.value for w in page.warning)


def test_checker_page_names_the_notation_and_warns_of_another_reading(app):
    page = open_page(app, "lessons/checker.py")
    page.selectbox[0].set_value("dW").run()
    page.text_input[0].input(r"\frac{1}{m} dZ^{[l]} A^{[l-1]T}").run()
    assert any("Equivalent" in box.value for box in page.success)
    assert any("read as (LaTeX)" in block.value for block in page.latex)
    assert any("two matrices side by side" in w.value for w in page.warning)
    page.text_input[0].input("np.dot(dZ, A_prev.T) / 5").run()
    assert any("Right shape (4, 6), wrong values" in e.value for e in page.error)  # found out at m = 7
    assert any("read as (NumPy)" in block.value for block in page.latex)


def test_notes_page_reports_under_headings_wrong_first_and_says_what_it_left(app):
    """A long note: wrong first under its heading, right collapsed with its count, fragments one line, and what the
    page's caps left is said with the command that reads the rest."""
    page = open_page(app, "lessons/notes.py")
    note = "# Model\n$dz = y - a$ over $m$ and $\\alpha$.\n\n## Steps\n" + "\n".join(
        f"$dz = a - y + {k} - {k}$" for k in range(70))
    page.text_area[0].input(note)
    page.button[0].click().run()
    assert not page.exception
    assert [s.value for s in page.subheader][:1] == ["wrong: 1"] and "correct: 59" in [e.label for e in page.expander]
    assert any("python -m mathcore notes FILE" in i.value and "read 62 formulas and left 11" in i.value for i in page.info)
    assert any(c.value.startswith("2 lone symbols and fragments") for c in page.caption)


def test_notes_page_names_the_report_s_statuses_in_the_session_s_language():
    """The statuses were translated once, when ui.notes_report was first imported: a Korean page after an English
    one said "wrong"."""
    for lang, wrong in (("en", "wrong: 1"), ("ko", "틀림: 1")):
        at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
        at.query_params["lang"] = lang
        page = open_page(at.run(), "lessons/notes.py")
        page.text_area[0].input("# Model\n$dz = y - a$ and $db = dz$")
        page.button[0].click().run()
        assert [s.value for s in page.subheader] == [wrong]
