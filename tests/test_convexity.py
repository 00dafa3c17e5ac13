"""Convexity: the curvature signs, the Hessian against finite differences, the surfaces and descents."""

import numpy as np
import pytest
import sympy as sp

from mathcore import datasets
from mathcore.derivations import a, derivation, y
from mathcore.surface import (FIELDS, contour_lines, cost, cost_levels, descend, gradient, hessian, negative_curvature_example,
                              slices, surface, surface_loop)

GRID = np.linspace(-8, 8, 150)
DATA = {"outlier": datasets.outlier_set(), "synthetic": datasets.one_feature_synthetic(m=1000, seed=2),
        "breast cancer": datasets.breast_cancer_feature("mean radius")}


def test_second_derivatives_are_the_course_forms():
    assert sp.simplify(derivation("d2L_dz2_cross_entropy").result - a * (1 - a)) == 0
    se = derivation("d2L_dz2_squared_error").result
    assert sp.factor(se.subs(y, 1)) == sp.factor(a * (1 - a) ** 2 * (3 * a - 1))


def test_squared_error_curvature_is_exactly_negative_at_z_minus_one():
    example = negative_curvature_example()
    assert example["negative"] and example["value"] == (2 - sp.E) / (16 * sp.cosh(sp.Rational(1, 2)) ** 4)
    assert example["z_root"] == -sp.log(2) and example["a_root"] == sp.Rational(1, 3)
    s = 1 / (1 + np.exp(1.0))  # sigma(-1)
    assert example["float"] == pytest.approx(s * (1 - s) ** 2 * (3 * s - 1), rel=1e-12)


@pytest.mark.parametrize("name", list(DATA))
def test_cross_entropy_curvature_is_never_negative_on_the_grid(name):
    x, y_ = DATA[name]
    lam = surface(x, y_, GRID, GRID, "cross_entropy").smallest_eigenvalue
    assert lam.min() > -1e-12  # >= 0 up to rounding


def test_squared_error_has_a_negative_curvature_region_on_the_default_data():
    x, y_ = DATA["outlier"]
    lam = surface(x, y_, GRID, GRID, "squared_error").smallest_eigenvalue
    assert np.mean(lam < 0) > 0.3 and lam.min() < -0.1


@pytest.mark.parametrize("loss", ["cross_entropy", "squared_error"])
def test_hessian_and_gradient_agree_with_finite_differences(loss):
    x, y_ = DATA["synthetic"]
    rng, h = np.random.default_rng(0), 1e-5
    for w, b in rng.choice(GRID, size=(5, 2)):
        g = np.array(gradient(x, y_, w, b, loss))
        fd_g = np.array([cost(x, y_, w + h, b, loss) - cost(x, y_, w - h, b, loss),
                         cost(x, y_, w, b + h, loss) - cost(x, y_, w, b - h, loss)]) / (2 * h)
        assert np.allclose(g, fd_g, rtol=1e-5, atol=1e-9)
        fd_h = np.column_stack([(np.array(gradient(x, y_, w + h, b, loss)) - np.array(gradient(x, y_, w - h, b, loss))),
                                (np.array(gradient(x, y_, w, b + h, loss)) - np.array(gradient(x, y_, w, b - h, loss)))]) / (2 * h)
        assert np.allclose(hessian(x, y_, w, b, loss), fd_h, rtol=1e-5, atol=1e-9)


@pytest.mark.parametrize("loss", ["cross_entropy", "squared_error"])
def test_vectorized_grid_equals_the_point_by_point_loop(loss):
    x, y_ = DATA["outlier"]
    small = np.linspace(-8, 8, 20)
    fast, slow = surface(x, y_, small, small, loss), surface_loop(x, y_, small, small, loss)
    for key in FIELDS:  # Horner's rule on a near 1 rounds at the scale of the surface's largest value, not each point's
        scale = np.abs(getattr(slow, key)).max()
        assert np.allclose(getattr(fast, key), getattr(slow, key), rtol=1e-12, atol=1e-14 * scale), key


def test_default_descents_end_apart():
    x, y_ = DATA["outlier"]
    ce, se = (descend(x, y_, -6.0, 6.0, loss, 1.0, 300) for loss in ("cross_entropy", "squared_error"))
    J_ce = surface(x, y_, GRID, GRID, "cross_entropy").J
    assert ce.J[-1] == pytest.approx(J_ce.min(), abs=1e-3) and ce.gradient_norm < 1e-8  # the one minimum
    J_se = surface(x, y_, GRID, GRID, "squared_error").J
    assert se.J[-1] > J_se.min() + 0.1  # stuck in the worse basin
    assert np.hypot(ce.w[-1] - se.w[-1], ce.b[-1] - se.b[-1]) > 2


def test_contours_lie_on_their_levels():
    x, y_ = DATA["outlier"]
    s = surface(x, y_, GRID, GRID, "cross_entropy")
    lines = contour_lines(s.J, GRID, GRID, cost_levels(s.J, 5))
    assert lines
    for level, points in lines[:5]:
        for w, b in points[::10]:
            assert cost(x, y_, w, b, "cross_entropy") == pytest.approx(level, rel=0.05)


def test_slices_carry_the_hessian_diagonal():
    x, y_ = DATA["outlier"]
    cut = slices(x, y_, 1.0, -2.0, GRID, GRID, "squared_error")
    k = np.argmin(np.abs(GRID - 1.0))
    assert cut["along w"][2][k] == pytest.approx(hessian(x, y_, GRID[k], -2.0, "squared_error")[0, 0])


def test_a_run_is_described_by_its_own_numbers():
    """surface.outcome reads J and the last gradient: each key on a run built to show it."""
    from mathcore.surface import Descent, outcome

    def run(J, gradient):
        J = np.asarray(J, float)
        return Descent(np.zeros_like(J), np.zeros_like(J), J, gradient)

    assert outcome(run([5, 3, 2, 1, 0.5], (1e-4, 0)), 0.5, 10, 1.0)[0] == "minimum"
    assert outcome(run([5, 3, 2, 1.5, 1.5], (1e-4, 0)), 0.5, 10, 1.0)[0] == "flat"
    assert outcome(run([5, 3, 2, 1.5, 1.2], (0.3, 0)), 0.5, 10, 1.0)[0] == "descending"
    key, said = outcome(run([5, 3, 2, 2.5, 2.2, 2.6], (1.0, 0)), 0.5, 10, 10.0)
    assert key == "oscillating" and "went up at 1 of the last 2 steps" in said and "α = 10 " in said
    assert outcome(run([5, 3, np.inf], (np.nan, 0)), 0.5, 10, 100.0)[0] == "diverged"


def test_a_grid_whose_exponentials_would_overflow_is_computed_from_z():
    x, y_ = DATA["outlier"]
    x = 200 * x  # |w x| reaches 9,600: e^{-w x} alone would overflow
    small = np.linspace(-8, 8, 12)
    for loss in ("cross_entropy", "squared_error"):
        fast, slow = surface(x, y_, small, small, loss), surface_loop(x, y_, small, small, loss)
        for key in FIELDS:
            assert np.all(np.isfinite(getattr(fast, key))) and np.allclose(getattr(fast, key), getattr(slow, key)), key
