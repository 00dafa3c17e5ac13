"""The numeric core against the course's published exercise values, its loop, and finite differences."""

import numpy as np
import pytest

import mathcore.logistic as logistic

from mathcore.gradcheck import central_difference, relative_difference
from mathcore.layer import linear_backward, linear_forward
from mathcore.logistic import (cross_entropy_cost, cross_entropy_cost_plain, initialize_with_zeros, optimize,
                               predict, propagate, propagate_loop, sigmoid)

# The course's "Logistic Regression with a Neural Network mindset" exercise, its test values.
W_EX, B_EX = np.array([[1.0], [2.0]]), 1.5
X_EX, Y_EX = np.array([[1.0, -2.0, -1.0], [3.0, 0.5, -3.2]]), np.array([[1, 1, 0]])


def random_problem(n_x=4, m=50, seed=0):
    return logistic.random_problem(n_x, m, seed)


def test_sigmoid_published_values():
    assert np.allclose(sigmoid(np.array([-1, 0, 1, 2])), [0.26894142, 0.5, 0.73105858, 0.88079708])


def test_initialize_with_zeros():
    w, b = initialize_with_zeros(2)
    assert w.shape == (2, 1) and not w.any() and b == 0.0 and type(b) is float


def test_propagate_published_values():
    grads, cost = propagate(W_EX, B_EX, X_EX, Y_EX)
    assert grads["dw"].shape == (2, 1)
    assert np.allclose(grads["dw"], [[0.25071532], [-0.06604096]])
    assert grads["db"] == pytest.approx(-0.1250040450043965, abs=1e-12)
    assert cost == pytest.approx(0.15900537707692405, abs=1e-12)


def test_optimize_published_values():
    params, grads, costs = optimize(W_EX, B_EX, X_EX, Y_EX, num_iterations=100, learning_rate=0.009)
    assert np.allclose(params["w"], [[0.80956046], [2.0508202]])
    assert params["b"] == pytest.approx(1.5948713189708588, abs=1e-12)
    assert np.allclose(grads["dw"], [[0.17860505], [-0.04840656]])
    assert grads["db"] == pytest.approx(-0.08888460336847771, abs=1e-12)
    assert costs == pytest.approx([0.15900537707692405])


def test_optimize_leaves_its_inputs_alone():
    w = W_EX.copy()
    optimize(w, B_EX, X_EX, Y_EX, num_iterations=5)
    assert np.array_equal(w, W_EX)


def test_predict_published_values():
    w, b = np.array([[0.1124579], [0.23106775]]), -0.3
    X = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
    assert predict(w, b, X).tolist() == [[1.0, 1.0, 0.0]]


@pytest.mark.parametrize("seed", range(3))
def test_vectorized_gradient_equals_the_per_example_loop(seed):
    w, b, X, Y = random_problem(seed=seed)
    (grads, cost), (loop, loop_cost) = propagate(w, b, X, Y), propagate_loop(w, b, X, Y)
    assert np.allclose(grads["dw"], loop["dw"], rtol=1e-12, atol=1e-14)
    assert grads["db"] == pytest.approx(loop["db"], rel=1e-12) and cost == pytest.approx(loop_cost, rel=1e-12)


def test_gradient_passes_the_course_gradient_check():
    w, b, X, Y = random_problem(n_x=3, m=20, seed=7)
    theta = np.concatenate([w.ravel(), [b]])
    J = lambda t: propagate(t[:-1].reshape(-1, 1), t[-1], X, Y)[1]  # noqa: E731
    grads, _ = propagate(w, b, X, Y)
    analytic = np.concatenate([grads["dw"].ravel(), [grads["db"]]])
    assert relative_difference(analytic, central_difference(J, theta, eps=1e-6)) < 1e-8


def test_stable_cost_is_finite_where_the_plain_one_breaks():
    Z, Y = np.array([[-1e4, -50.0, 0.0, 50.0, 1e4]]), np.array([[1.0, 1.0, 0.0, 0.0, 0.0]])
    stable = cross_entropy_cost(Z, Y)
    assert np.isfinite(stable) and stable == pytest.approx((1e4 + 50 + np.log(2) + 50 + 1e4) / 5)
    with np.errstate(divide="ignore", over="ignore"):
        assert cross_entropy_cost_plain(sigmoid(Z), Y) == np.inf


def test_stable_and_plain_cost_agree_where_both_are_finite():
    w, b, X, Y = random_problem(seed=3)
    Z = w.T @ X + b
    assert cross_entropy_cost(Z, Y) == pytest.approx(cross_entropy_cost_plain(sigmoid(Z), Y), rel=1e-12)


def test_logistic_regression_is_the_one_layer_case():
    w, b, X, Y = random_problem(n_x=3, m=8, seed=1)
    W = w.T  # W[1] = w.T, shape (1, n_x)
    Z = linear_forward(X, W, np.array([[b]]))
    dW, db = linear_backward(1 / (1 + np.exp(-Z)) - Y, X)
    grads, _ = propagate(w, b, X, Y)
    assert dW.shape == (1, 3) and np.allclose(dW.T, grads["dw"]) and db[0, 0] == pytest.approx(grads["db"])
