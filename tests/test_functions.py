"""The activations' SymPy rules against their definitions and against finite differences."""

import numpy as np
import pytest
import sympy as sp

from mathcore.functions import LEAKY_SLOPE, leaky_relu, relu, sigmoid, sigmoid_numpy, tanh, to_numpy
from mathcore.gradcheck import central_difference

z = sp.Symbol("z", real=True)


def test_sigmoid_rule_matches_the_derivative_of_its_definition():
    by_rule = sp.diff(sigmoid(z), z).rewrite(sp.exp)
    by_definition = sp.diff(1 / (1 + sp.exp(-z)), z)
    assert sp.simplify(by_rule - by_definition) == 0


def test_sigmoid_prints_rewrites_and_evaluates():
    assert sp.latex(sigmoid(z)) == r"\sigma(z)"
    assert sigmoid(z).rewrite(sp.exp) == 1 / (1 + sp.exp(-z))
    assert float(sigmoid(sp.Integer(2)).evalf()) == pytest.approx(0.88079708, abs=1e-8)


def test_numpy_sigmoid_is_finite_and_exact_far_out():
    Z = np.array([-1e4, -800.0, -30.0, 0.0, 30.0, 800.0, 1e4])
    with np.errstate(over="raise", divide="raise", invalid="raise"):  # underflow to 0 is the right answer
        A = sigmoid_numpy(Z)
    assert np.all(np.isfinite(A)) and A[0] == 0.0 and A[-1] == 1.0 and A[3] == 0.5
    assert A[2] == pytest.approx(np.exp(-30.0), rel=1e-12)


def test_numpy_sigmoid_is_accurate_to_the_last_bits_in_both_tails():
    """Against SymPy's sigmoid evaluated to 30 digits, from z = -700 to 700: within 2 units in the last place (the
    log-sum-exp form exp(-log(1 + e^{-z})) it replaced was off by 2.6)."""
    Z = np.concatenate([-np.geomspace(1e-8, 700, 60), [0.0], np.geomspace(1e-8, 700, 60)])
    exact = np.array([float(sigmoid(sp.Float(v, 30)).rewrite(sp.exp).evalf(30)) for v in Z])
    assert np.max(np.abs(sigmoid_numpy(Z) - exact) / exact) < 2 * np.finfo(float).eps
    assert isinstance(sigmoid_numpy(0.5), np.float64)  # a number in, a number out, as np.exp does


@pytest.mark.parametrize("g", [sigmoid(z), tanh(z), relu(z), leaky_relu(z, LEAKY_SLOPE)], ids=str)
def test_derivative_rule_agrees_with_central_differences_away_from_the_kink(g):
    f, df = to_numpy([z], g), to_numpy([z], sp.diff(g, z))
    points = np.concatenate([np.linspace(-5, -0.01, 50), np.linspace(0.01, 5, 50)])
    numeric = np.array([central_difference(lambda t: float(f(t[0])), np.array([p]), eps=1e-6)[0]
                        for p in points])
    assert np.max(np.abs(df(points) - numeric)) < 1e-8


def test_kink_takes_the_left_slope_like_the_course_code():
    assert sp.diff(relu(z), z).subs(z, 0) == 0
    assert sp.diff(leaky_relu(z, LEAKY_SLOPE), z).subs(z, 0) == LEAKY_SLOPE


def test_relu_and_leaky_relu_evaluate_on_numbers():
    assert relu(sp.Integer(-3)) == 0 and relu(sp.Integer(2)) == 2
    assert leaky_relu(sp.Integer(-2), LEAKY_SLOPE) == sp.Rational(-1, 50)
    assert to_numpy([z], leaky_relu(z, LEAKY_SLOPE))(np.array([-2.0, 3.0])).tolist() == [-0.02, 3.0]
