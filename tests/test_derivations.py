"""Every derivation is proved and checked; wrong steps are caught; results agree with plain NumPy."""

import numpy as np
import pytest
import sympy as sp

from mathcore.derivation import LABEL, TOLERANCE, Derivation, Step, real
from mathcore.derivations import CATALOGUE, a, dL_dz, derivation, x, y, z
from mathcore.functions import sigmoid, sigmoid_numpy
from mathcore.losses import cross_entropy
from mathcore.logistic import propagate


@pytest.mark.parametrize("key", list(CATALOGUE))
def test_every_derivation_is_proved_and_checked(key):
    d = derivation(key)
    assert d.proved, [c.proved for c in d.checks]
    assert d.error < TOLERANCE
    assert all(c.n_points >= 1 for c in d.checks)
    assert d.key == key


# The results, written out independently here, so that a change in mathcore cannot pass silently.
EXPECTED = {
    "sigmoid_at_zero": sp.S.Half,
    "sigmoid_limit_pos": 1,
    "sigmoid_limit_neg": 0,
    "sigmoid_symmetry": 1 - sigmoid(z),
    "da_dz": a * (1 - a),
    "dL_da_cross_entropy": -y / a + (1 - y) / (1 - a),
    "dL_da_squared_error": a - y,
    "dL_dz_cross_entropy_sigmoid": a - y,
    "dL_dz_squared_error_sigmoid": (a - y) * a * (1 - a),
    "dz_dw_j": x[sp.Symbol("j", integer=True, positive=True)],
    "dz_db": 1,
    "dL_dw_j": (a - y) * x[sp.Symbol("j", integer=True, positive=True)],
    "dL_db": a - y,
}


@pytest.mark.parametrize("key", list(EXPECTED))
def test_result_is_the_course_formula(key):
    assert sp.simplify(derivation(key).result - EXPECTED[key]) == 0


def test_sigmoid_slope_is_at_most_a_quarter_at_zero():
    d = derivation("sigmoid_derivative_max")
    assert "z = 0" in d.note and r"\frac{1}{4}" in d.note
    slope = sp.diff(1 / (1 + sp.exp(-z)), z)
    assert sp.nsimplify(slope.subs(z, 0)) == sp.Rational(1, 4)
    grid = np.linspace(-8, 8, 1601)
    assert np.max(sigmoid_numpy(grid) * (1 - sigmoid_numpy(grid))) == pytest.approx(0.25)


def test_a_wrong_step_is_caught_by_both_checks():
    right = dL_dz()
    wrong = Derivation("wrong", "sign flipped", right.lhs, right.target,
                       (*right.steps[:-1], Step(y - a, "a learner's slip")),
                       domains=right.domains, where=right.where)
    assert [c.proved for c in wrong.checks] == [True, True, False]
    assert wrong.checks[-1].error > 0.5 and not wrong.ok


def test_a_wrong_first_step_is_caught_against_the_target():
    d = Derivation("wrong", "forgot the chain rule", r"\frac{\partial L}{\partial z}",
                   sp.Derivative(cross_entropy(sigmoid(z), y), z),
                   (Step(sp.diff(cross_entropy(a, y), a), "dL/da only"),),
                   domains={"z": real(-4, 4), "y": LABEL}, where=((a, sigmoid(z)),))
    assert not d.checks[0].proved and d.checks[0].error > 0.1


@pytest.mark.parametrize("slip", ["no 1/m", "1/(m - 1)", "X_ij for X_ji", "A - Y squared"])
def test_a_wrong_sum_is_caught_though_the_derivative_is_taken_term_by_term(slip):
    """The proof lifts d/dθ inside the sum; a wrong term, a wrong factor outside it, or a wrong index still fails."""
    from mathcore.derivations import A, X, Y, i, j, m
    right = derivation("dJ_dw_j")
    term = {"no 1/m": sp.Sum((A[i] - Y[i]) * X[j, i], (i, 1, m)),
            "1/(m - 1)": sp.Sum((A[i] - Y[i]) * X[j, i], (i, 1, m)) / (m - 1),
            "X_ij for X_ji": sp.Sum((A[i] - Y[i]) * X[i, j], (i, 1, m)) / m,
            "A - Y squared": sp.Sum((A[i] - Y[i]) ** 2 * X[j, i], (i, 1, m)) / m}[slip]
    wrong = Derivation("wrong", slip, right.lhs, right.target, (right.steps[0], Step(term, "a learner's slip")),
                       domains=right.domains, where=right.where, assume=right.assume, concrete=right.concrete)
    assert wrong.checks[0].proved and not wrong.checks[1].proved and not wrong.ok


def test_mse_gradient_form_against_plain_numpy():
    d = derivation("dL_dz_squared_error_sigmoid")
    Z, Y = np.linspace(-6, 6, 101), np.tile([0.0, 1.0], 51)[:101]
    steps, _ = d.evaluate(z=Z, y=Y)
    A = sigmoid_numpy(Z)
    h = 1e-6
    L = lambda t: 0.5 * (sigmoid_numpy(t) - Y) ** 2  # noqa: E731
    assert np.allclose(steps[-1], (A - Y) * A * (1 - A), atol=1e-15)
    assert np.allclose(steps[-1], (L(Z + h) - L(Z - h)) / (2 * h), atol=1e-9)


def test_symbolic_dL_dw_averaged_over_examples_is_propagate_dw():
    rng = np.random.default_rng(5)
    w, b, X = rng.normal(size=(3, 1)), 0.3, rng.normal(size=(3, 40))
    Y = rng.integers(0, 2, (1, 40)).astype(float)
    j = sp.Symbol("j", integer=True, positive=True)
    per_example = sp.lambdify((a, y, x[j]), derivation("dL_dw_j").result)  # (a - y) x_j
    A = sigmoid_numpy(w.T @ X + b)
    dw = np.array([[np.mean(per_example(A, Y, X[k:k + 1]))] for k in range(3)])
    db = np.mean(sp.lambdify((a, y), derivation("dL_db").result)(A, Y))
    grads, _ = propagate(w, b, X, Y)
    assert np.allclose(dw, grads["dw"], rtol=1e-12) and db == pytest.approx(grads["db"], rel=1e-12)


def test_evaluate_at_a_point_matches_finite_differences():
    steps, truth = dL_dz().evaluate(z=1.5, y=1.0)
    assert float(steps[-1]) == pytest.approx(sigmoid_numpy(1.5) - 1.0, abs=1e-15)
    assert float(truth) == pytest.approx(float(steps[-1]), abs=1e-8)


def test_aligned_latex_has_one_line_per_step():
    d = derivation("da_dz")
    text = d.aligned()
    assert text.startswith(r"\begin{aligned}") and text.count(r"\\") == len(d.steps) - 1
    assert all(step.rule in text for step in d.steps)


def test_unknown_derivation_names_the_known_ones():
    with pytest.raises(KeyError, match="dL_db"):
        derivation("no_such_thing")
