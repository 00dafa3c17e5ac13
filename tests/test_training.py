"""Data sets in course shapes, and gradient descent against scikit-learn on the convex cost."""

import numpy as np
import pytest

from mathcore import datasets
from mathcore.logistic import accuracy, boundary_line, model, optimize, propagate
from mathcore.reference import sklearn_logistic


def test_real_data_sets_come_in_course_shapes_and_standardised():
    for data, n_x in ((datasets.breast_cancer(), 30), (datasets.digits_0_vs_1(), 64)):
        assert data.X_train.shape[0] == n_x and data.Y_train.shape == (1, data.X_train.shape[1])
        assert set(np.unique(data.Y_train)) == {0.0, 1.0}
        spread = data.X_train.std(axis=1)
        assert np.allclose(data.X_train.mean(axis=1), 0, atol=1e-12)
        assert np.all(np.isclose(spread, 1) | np.isclose(spread, 0))  # constant pixels stay 0


def test_digits_are_flattened_one_picture_per_column():
    from sklearn.datasets import load_digits

    raw = load_digits()
    first_zero = raw.images[raw.target == 0][0]
    X = raw.images[raw.target <= 1].reshape(-1, 64).T
    assert np.array_equal(datasets.images_of(X)[0], first_zero)


def test_synthetic_is_seeded_and_split():
    a, b = datasets.synthetic(m=100, seed=3), datasets.synthetic(m=100, seed=3)
    assert np.array_equal(a.X_train, b.X_train) and a.X_train.shape == (2, 80) and a.X_test.shape == (2, 20)


def test_gradient_descent_meets_scikit_learn_on_a_convex_non_separable_cost():
    data = datasets.synthetic()  # overlapping clouds: a finite minimum exists
    w_ref, b_ref = sklearn_logistic(data.X_train, data.Y_train)
    J_ref = propagate(w_ref, b_ref, data.X_train, data.Y_train)[1]
    gaps = []
    for iterations in (100, 1000, 10_000):
        d = model(data.X_train, data.Y_train, data.X_test, data.Y_test, iterations, 1.0)
        gaps.append(propagate(d["w"], d["b"], data.X_train, data.Y_train)[1] - J_ref)
    assert gaps[0] > gaps[1] > 0 and abs(gaps[2]) < 1e-10  # the gap shrinks to 0
    assert np.allclose(d["w"], w_ref, atol=1e-6) and d["b"] == pytest.approx(b_ref, abs=1e-6)


def test_a_separable_set_has_no_finite_minimum():
    data = datasets.digits_0_vs_1()
    w_ref, b_ref = sklearn_logistic(data.X_train, data.Y_train)
    assert accuracy(w_ref, b_ref, data.X_train, data.Y_train) == 1.0
    costs = []
    for iterations in (10, 100):
        d = model(data.X_train, data.Y_train, data.X_test, data.Y_test, iterations, 1.0)
        costs.append(propagate(d["w"], d["b"], data.X_train, data.Y_train)[1])
    assert costs[1] < costs[0]  # still falling: no finite minimum to stop at


def test_too_large_a_step_oscillates_without_nan():
    data = datasets.synthetic()
    w0 = np.zeros((2, 1))
    with np.errstate(all="raise"):
        _, _, costs = optimize(w0, 0.0, data.X_train, data.Y_train, 200, 100.0, record_every=1)
    assert np.all(np.isfinite(costs)) and np.sum(np.diff(costs) > 0) > 10
    _, _, calm = optimize(w0, 0.0, data.X_train, data.Y_train, 200, 0.1, record_every=1)
    assert np.all(np.diff(calm) <= 0)


def test_boundary_line_is_where_the_prediction_is_one_half():
    w, b, x1 = np.array([[1.5], [-0.5]]), 0.3, np.linspace(-2, 2, 5)
    x2 = boundary_line(w, b, x1)
    assert np.allclose(w[0, 0] * x1 + w[1, 0] * x2 + b, 0)
    assert boundary_line(np.array([[1.0], [0.0]]), 0.0, x1) is None


def test_progress_is_reported_each_iteration():
    data = datasets.synthetic(m=20)
    seen = []
    optimize(np.zeros((2, 1)), 0.0, data.X_train, data.Y_train, 7, 0.1, progress=seen.append)
    assert seen == list(range(7))
