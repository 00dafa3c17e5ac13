"""Properties of the numeric core, over inputs hypothesis draws: z anywhere in [-1e4, 1e4], m from 1
to large, all-zero and all-one labels, constant features.

Every function runs under ``np.errstate`` that raises on overflow, division by zero and invalid
operations (underflow to 0 is fine), and with NumPy's warnings turned into errors, so a warning
that could reach the UI fails the test.

The stable forms are compared with the plain teaching formulas only where those are accurate (|z| <= 20:
there 1 - sigma(z) keeps at least 7 significant digits); everywhere they are compared with the exact cost,
computed with mpmath at 50 digits. The draws are reproducible (tests/conftest.py), and cases found before are
pinned as examples.
"""

import warnings

import mpmath
import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mathcore import network, surface
from mathcore.losses import LOSSES
from mathcore.functions import sigmoid_numpy
from mathcore.logistic import (cross_entropy_cost, cross_entropy_cost_plain, optimize, predict, propagate,
                               propagate_loop, sigmoid)

Z_RANGE = 1e4
#: Where the plain formulas are accurate enough to compare with (see the module docstring).
PLAIN_ACCURATE = 20.0
z_values = st.floats(-Z_RANGE, Z_RANGE, allow_nan=False)
labels_kind = st.sampled_from(["random", "all zero", "all one"])


def strict(f, *args):
    """f(*args) with floating-point trouble (not underflow) raised instead of warned."""
    with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"), warnings.catch_warnings():
        warnings.simplefilter("error")
        return f(*args)


def plain(f, *args):
    """f(*args) with NumPy allowed to overflow: the teaching form, to compare where it is finite."""
    with np.errstate(all="ignore"):
        return f(*args)


def exact_cost(Z, Y):
    """J = (1/m) sum_i y log(1 + e^{-z}) + (1 - y) log(1 + e^{z}), in 50-digit arithmetic (mpmath), as a float."""
    with mpmath.workdps(50):
        total = mpmath.mpf(0)
        for z, y in zip(np.ravel(Z).tolist(), np.ravel(Y).tolist()):
            z = mpmath.mpf(z)
            total += y * mpmath.log1p(mpmath.exp(-z)) + (1 - y) * mpmath.log1p(mpmath.exp(z))
        return float(total / len(np.ravel(Z)))


def test_the_exact_cost_is_right_where_the_plain_one_is_wrong():
    """The case hypothesis found: z = 30 for a y = 0 example; the plain 1 - sigma(30) has lost its digits."""
    Z, Y = np.array([[30.0, 30.0, 30.0, 30.0]]), np.array([[1.0, 1.0, 1.0, 0.0]])
    assert exact_cost(Z, Y) == pytest.approx(7.500000000000093, rel=1e-15)
    assert plain(cross_entropy_cost_plain, plain(sigmoid, Z), Y) != pytest.approx(7.5, rel=1e-6)
    assert cross_entropy_cost(Z, Y) == pytest.approx(exact_cost(Z, Y), rel=1e-12)


def make_labels(kind, m, seed):
    if kind == "all zero":
        return np.zeros((1, m))
    if kind == "all one":
        return np.ones((1, m))
    return np.random.default_rng(seed).integers(0, 2, (1, m)).astype(float)


@st.composite
def problems(draw, max_m=64):
    """(w, b, X, Y): z = w.T x + b reaches +-1e4; features sometimes constant (a whole row one value)."""
    n_x = draw(st.integers(1, 4))
    m = draw(st.integers(1, max_m))
    w = draw(arrays(float, (n_x, 1), elements=st.floats(-100, 100)))
    b = draw(st.floats(-Z_RANGE / 2, Z_RANGE / 2))
    X = draw(arrays(float, (n_x, m), elements=st.floats(-Z_RANGE / 400, Z_RANGE / 400)))
    if draw(st.booleans()):
        row = draw(st.integers(0, n_x - 1))
        X[row, :] = draw(st.floats(-10, 10))
    Y = make_labels(draw(labels_kind), m, draw(st.integers(0, 2**16)))
    return w, b, X, Y


@given(arrays(float, st.integers(1, 50), elements=z_values))
@example(np.array([-Z_RANGE, -745.2, -709.8, -37.0, 0.0, 37.0, 709.8, Z_RANGE]))
def test_sigmoid_is_finite_in_0_1_and_equals_the_plain_formula(z):
    a = strict(sigmoid_numpy, z)
    assert np.all((0 <= a) & (a <= 1))
    np.testing.assert_allclose(a, plain(sigmoid, z), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(strict(sigmoid_numpy, -z), 1 - a, atol=1e-15)


@given(arrays(float, st.tuples(st.just(1), st.integers(1, 50)), elements=z_values), labels_kind, st.integers(0, 99))
def test_cross_entropy_cost_is_finite_and_equals_the_plain_formula_where_that_is_finite(Z, kind, seed):
    Y = make_labels(kind, Z.shape[1], seed)
    J = strict(cross_entropy_cost, Z, Y)
    assert np.isfinite(J) and J >= 0
    assert J <= np.abs(Z).max() + np.log(2) + 1e-9  # L <= |z| + log 2 for each example
    assert J == pytest.approx(exact_cost(Z, Y), rel=1e-12, abs=1e-300)
    if np.abs(Z).max() <= PLAIN_ACCURATE:
        assert J == pytest.approx(plain(cross_entropy_cost_plain, plain(sigmoid, Z), Y), rel=1e-6, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(problems())
@example((np.array([[2.0]]), 0.0, np.array([[15.0, 15.0, 15.0, 15.0]]), np.array([[1.0, 1.0, 1.0, 0.0]])))
def test_propagate_is_finite_and_agrees_with_the_loop_and_the_plain_formulas(problem):
    w, b, X, Y = problem
    grads, J = strict(propagate, w, b, X, Y)
    m = X.shape[1]
    assert np.isfinite(J) and np.all(np.isfinite(grads["dw"])) and np.isfinite(grads["db"])
    assert abs(grads["db"]) <= 1 + 1e-12  # the mean of dz = a - y, each in [-1, 1]
    loop_grads, loop_J = strict(propagate_loop, w, b, X, Y)
    np.testing.assert_allclose(grads["dw"], loop_grads["dw"], rtol=1e-9, atol=1e-9)
    assert grads["db"] == pytest.approx(loop_grads["db"], rel=1e-9, abs=1e-12)
    assert J == pytest.approx(loop_J, rel=1e-9, abs=1e-12)
    Z = w.T @ X + b
    A = plain(sigmoid, Z)
    np.testing.assert_allclose(grads["dw"], X @ (A - Y).T / m, rtol=1e-9, atol=1e-9)
    assert J == pytest.approx(exact_cost(Z, Y), rel=1e-9, abs=1e-300)
    if np.abs(Z).max() <= PLAIN_ACCURATE:
        assert J == pytest.approx(plain(cross_entropy_cost_plain, A, Y), rel=1e-6, abs=1e-9)


@pytest.mark.parametrize("m", [1, 2, 200_000])
@pytest.mark.parametrize("kind", ["all zero", "all one", "random"])
def test_propagate_at_extreme_m_and_labels(m, kind):
    rng = np.random.default_rng(m)
    X, Y = rng.normal(size=(3, m)) * 1e3, make_labels(kind, m, 0)
    X[1] = 7.0  # a constant feature
    w, b = np.array([[3.0], [-2.0], [0.5]]), -1e4
    grads, J = strict(propagate, w, b, X, Y)
    assert np.isfinite(J) and np.all(np.isfinite(grads["dw"]))
    A = plain(sigmoid, w.T @ X + b)
    np.testing.assert_allclose(grads["dw"], X @ (A - Y).T / m, rtol=1e-9, atol=1e-6)


@settings(max_examples=40, deadline=None)
@given(problems(max_m=16), st.floats(1e-4, 10.0))
def test_gradient_descent_and_predict_stay_finite(problem, learning_rate):
    w, b, X, Y = problem
    params, grads, costs = strict(optimize, w, b, X, Y, 5, learning_rate, False, 1)
    assert np.all(np.isfinite(params["w"])) and np.isfinite(params["b"]) and np.all(np.isfinite(costs))
    assert set(np.unique(strict(predict, params["w"], params["b"], X))) <= {0.0, 1.0}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(network.HIDDEN_ACTIVATIONS), st.lists(st.integers(1, 5), min_size=1, max_size=3),
       st.floats(1e-3, 1e3), st.integers(1, 20), labels_kind, st.integers(0, 99))
def test_network_forward_and_backward_stay_finite(hidden, hidden_sizes, scale, m, kind, seed):
    rng = np.random.default_rng(seed)
    layers = network.initialize([3, *hidden_sizes, 1], hidden=hidden, seed=seed, b_scale=scale)
    X, Y = rng.normal(size=(3, m)) * scale, make_labels(kind, m, seed)
    caches = strict(network.forward, layers, X)
    grads = strict(network.backward, layers, caches, X, Y)
    for (Z, A), g in zip(caches, grads):
        assert np.all(np.isfinite(Z)) and np.all(np.isfinite(A))
        assert np.all(np.isfinite(g.dW)) and np.all(np.isfinite(g.db))
    A_L = caches[-1][1]
    np.testing.assert_allclose(grads[-1].dZ, A_L - Y)  # the plain formula, at the output


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(list(LOSSES)), st.integers(1, 40), labels_kind, st.floats(-20, 20),
       st.floats(-100, 100), st.floats(-Z_RANGE / 2, Z_RANGE / 2), st.integers(0, 99))
def test_cost_surface_gradient_and_hessian_stay_finite(loss, m, kind, x_scale, w, b, seed):
    x = np.random.default_rng(seed).normal(size=m) * x_scale
    y = make_labels(kind, m, seed)[0]
    s = strict(surface.surface, x, y, np.array([w, -w]), np.array([b, 0.0]), loss)
    for values in (s.J, s.h_ww, s.h_wb, s.h_bb, s.smallest_eigenvalue):
        assert np.all(np.isfinite(values))
    if loss == "cross_entropy":
        assert np.all(s.smallest_eigenvalue >= -1e-12)  # convex everywhere, even at the extremes
    dw, db = strict(surface.gradient, x, y, w, b, loss)
    assert np.isfinite(dw) and np.isfinite(db)
