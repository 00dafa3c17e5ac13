"""Every page runs in AppTest without an exception, and a widget changes what it shows."""

import pytest
from streamlit.testing.v1 import AppTest

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


def test_home_shows_the_source_of_the_deriving_function(app):
    assert any("def dL_dz(" in block.value for block in app.code)


def test_derivations_page_lists_all_and_shows_the_chosen_one(app):
    from mathcore import CATALOGUE

    app.switch_page("pages/derivations.py").run()
    assert not app.exception
    table = app.markdown[1].value
    assert table.count("| ✓ |") == len(CATALOGUE) and "✗" not in table
    assert app.subheader[0].value == "dL/dz (squared error, sigmoid)"
    app.selectbox[0].select("da/dz (sigmoid)").run()
    assert not app.exception
    assert app.subheader[0].value == "da/dz (sigmoid)"
    assert any("a \\left(1 - a\\right)" in block.value for block in app.latex)
    assert any("def da_dz(" in block.value for block in app.code)
