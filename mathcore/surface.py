"""Cost surfaces of one-feature logistic regression over a (w, b) grid, vectorized.

Shapes: x, y (m,)   w_grid (n_w,)   b_grid (n_b,)   every surface (n_b, n_w): rows b, columns w.
    z_i = w x_i + b,      J(w, b) = (1/m) sum_i L(sigma(z_i), y_i)
    grad J = (1/m) sum_i L'(z_i) [x_i, 1]
    H(w, b) = (1/m) sum_i L''(z_i) [x_i^2, x_i; x_i, 1] = [[h_ww, h_wb], [h_wb, h_bb]]
L' and L'' are the SymPy derivations dL_dz and d2L_dz2, lambdified once as functions of
(a, y). The grid shares one exponential table, e^{-w x_i}, and is computed by broadcasting
over (w columns, examples), one b row at a time; no Python loop visits a grid point.
"""

from dataclasses import dataclass
from functools import cache

import contourpy
import numpy as np
import sympy as sp

import mathcore.derivations as symbols
from mathcore.functions import sigmoid, sigmoid_numpy, to_numpy
from mathcore.losses import LOSSES
from mathcore.text import Text


@cache
def slope_of_a(loss):
    """dL/dz as a NumPy function of (a, y), a = sigma(z): the SymPy derivation dL_dz, lambdified."""
    return to_numpy([symbols.a, symbols.y], symbols.dL_dz(loss).result)


@cache
def curvature_of_a(loss):
    """d^2L/dz^2 as a NumPy function of (a, y): the SymPy derivation d2L_dz2, lambdified."""
    return to_numpy([symbols.a, symbols.y], symbols.d2L_dz2(loss).result)


@dataclass(frozen=True)
class Surface:
    """J and its Hessian [[h_ww, h_wb], [h_wb, h_bb]] on the grid, and the Hessian's smaller eigenvalue."""

    w: np.ndarray
    b: np.ndarray
    J: np.ndarray
    h_ww: np.ndarray  # d^2 J / dw^2
    h_wb: np.ndarray  # d^2 J / dw db
    h_bb: np.ndarray  # d^2 J / db^2

    @property
    def smallest_eigenvalue(self):
        """lambda_min = (h_ww + h_bb)/2 - sqrt(((h_ww - h_bb)/2)^2 + h_wb^2), the 2x2 closed form."""
        return (self.h_ww + self.h_bb) / 2 - np.hypot((self.h_ww - self.h_bb) / 2, self.h_wb)


FIELDS = ("J", "h_ww", "h_wb", "h_bb")

#: e^{-z} is computed as e^{-w x_i} e^{-b} while the exponent stays below this (e^709 is float64's largest).
SEPARABLE_UP_TO = 700.0


@cache
def in_powers_of_a(loss, what):
    """The coefficients of ``what`` (``"L"``: the loss, ``"L''"``: d^2L/dz^2, from its derivation) as a
    polynomial in a, highest power first, each a NumPy function of y; None if it is no polynomial in a.

    >>> [str(c.__doc__.split("Expression:")[1].split()[0]) for c in in_powers_of_a("squared_error", "L")]
    ['1/2', '-y', 'y**2/2']
    """
    expr = LOSSES[loss].L(symbols.a, symbols.y) if what == "L" else symbols.d2L_dz2(loss).result
    try:
        coefficients = sp.Poly(expr, symbols.a).all_coeffs()
    except sp.PolynomialError:
        return None
    return [to_numpy([symbols.y], c) for c in coefficients]


def horner(coefficients, A, out):
    """out = sum_k c_k a^k by Horner's rule, in place: (((c_n a + c_{n-1}) a + ...) a + c_0)."""
    out[...] = coefficients[0]
    for c in coefficients[1:]:
        out *= A
        out += c
    return out


def surface(x, y, w_grid, b_grid, loss):
    """J and H over the grid (see the module docstring), one b-row at a time in three reused (n_w, m) buffers.

    Every grid point shares one exponential: e^{-z_i} = e^{-w x_i} e^{-b}, a product of an (n_w, m) table and
    an (n_b,) column, so no exponential is taken per grid point. From T = e^{-z} and a = 1 / (1 + T):
        d^2L/dz^2 is a polynomial in a (sigma' = a(1 - a)), evaluated by Horner's rule with coefficients in y
        computed once per example; the Hessian's three entries are one product with [x^2, x, 1] / m;
        squared error    L = (a - y)^2 / 2, a polynomial in a too;
        cross-entropy    L = log(1 + T) + (1 - y) z    (log a = -log(1 + T), log(1 - a) = -z - log(1 + T)),
    whose part linear in z averages to w mean((1 - y) x) + b mean(1 - y).
    """
    x, y, w_grid, b_grid = (np.asarray(v, dtype=float) for v in (x, y, w_grid, b_grid))
    if np.abs(w_grid).max() * np.abs(x).max() + np.abs(b_grid).max() > SEPARABLE_UP_TO:
        return _surface_direct(x, y, w_grid, b_grid, loss)
    m = len(x)
    per_example = lambda cs: [np.broadcast_to(np.asarray(c(y), dtype=float), (m,)) for c in cs]  # noqa: E731
    curvature, loss_in_a = per_example(in_powers_of_a(loss, "L''")), in_powers_of_a(loss, "L")
    loss_in_a = loss_in_a and per_example(loss_in_a)
    E_w, E_b = np.exp(-np.outer(w_grid, x)), np.exp(-b_grid)  # (n_w, m), (n_b,)
    weights = np.stack([x**2, x, np.ones(m)], axis=1) / m  # (m, 3): h_ww, h_wb, h_bb
    out = np.empty((len(b_grid), len(w_grid), 4))
    T, A, H = np.empty_like(E_w), np.empty_like(E_w), np.empty_like(E_w)
    for r, e_b in enumerate(E_b):
        np.multiply(E_w, e_b, out=T)
        np.reciprocal(np.add(T, 1.0, out=A), out=A)
        np.matmul(horner(curvature, A, H), weights, out=out[r, :, 1:])
        out[r, :, 0] = (horner(loss_in_a, A, H) if loss_in_a else np.log1p(T, out=T)).mean(axis=1)
    if not loss_in_a:  # cross-entropy: add the mean of (1 - y) z
        out[..., 0] += w_grid * np.mean((1 - y) * x) + b_grid[:, None] * np.mean(1 - y)
    return Surface(w_grid, b_grid, *(out[..., k] for k in range(4)))


def _surface_direct(x, y, w_grid, b_grid, loss, rows=16):
    """The same J and H from z itself, for grids whose e^{-w x} would overflow: ``rows`` b-rows at a time."""
    curvature, m = curvature_of_a(loss), len(x)
    parts = {key: [] for key in FIELDS}
    for start in range(0, len(b_grid), rows):
        Z = w_grid[None, :, None] * x + b_grid[start:start + rows, None, None]  # (rows, n_w, m)
        h = curvature(sigmoid_numpy(Z), y)
        parts["J"].append(LOSSES[loss].of_z(Z, y).mean(axis=-1))
        parts["h_ww"].append(h @ x**2 / m)
        parts["h_wb"].append(h @ x / m)
        parts["h_bb"].append(h.sum(axis=-1) / m)
    return Surface(w_grid, b_grid, **{key: np.concatenate(value) for key, value in parts.items()})


def surface_loop(x, y, w_grid, b_grid, loss):
    """The same J and H, one grid point at a time (vectorized over the examples only): the benchmark's baseline."""
    curvature, m = curvature_of_a(loss), len(x)
    out = {key: np.empty((len(b_grid), len(w_grid))) for key in FIELDS}
    for r, b in enumerate(b_grid):
        for c, w in enumerate(w_grid):
            z = w * x + b
            h = curvature(sigmoid_numpy(z), y)
            out["J"][r, c] = LOSSES[loss].of_z(z, y).mean()
            out["h_ww"][r, c], out["h_wb"][r, c], out["h_bb"][r, c] = h @ x**2 / m, h @ x / m, h.sum() / m
    return Surface(w_grid, b_grid, **out)


def cost(x, y, w, b, loss):
    return float(LOSSES[loss].of_z(w * x + b, y).mean())


def gradient(x, y, w, b, loss):
    """(dJ/dw, dJ/db) = (1/m) sum_i L'(z_i) (x_i, 1)."""
    g = slope_of_a(loss)(sigmoid_numpy(w * x + b), y)
    return float(np.mean(g * x)), float(np.mean(g))


def hessian(x, y, w, b, loss):
    """H at one point, 2x2."""
    s = surface(x, y, np.array([w]), np.array([b]), loss)
    return np.array([[s.h_ww[0, 0], s.h_wb[0, 0]], [s.h_wb[0, 0], s.h_bb[0, 0]]])


@dataclass(frozen=True)
class Descent:
    """The path of gradient descent: w, b and J before each step, and the last gradient."""

    w: np.ndarray
    b: np.ndarray
    J: np.ndarray
    gradient: tuple

    @property
    def gradient_norm(self):
        return float(np.hypot(*self.gradient))


def descend(x, y, w0, b0, loss, learning_rate, iterations):
    """w := w - alpha dJ/dw, b := b - alpha dJ/db from (w0, b0)."""
    path_w, path_b, path_J = [w0], [b0], [cost(x, y, w0, b0, loss)]
    w, b = w0, b0
    for _ in range(iterations):
        dw, db = gradient(x, y, w, b, loss)
        w, b = w - learning_rate * dw, b - learning_rate * db
        path_w.append(w)
        path_b.append(b)
        path_J.append(cost(x, y, w, b, loss))
    return Descent(np.array(path_w), np.array(path_b), np.array(path_J), gradient(x, y, w, b, loss))


#: Below this ‖∇J‖ the surface is flat where the run stopped.
FLAT = 1e-2
#: Within this share of the grid's range of J above its lowest value, a run has reached the minimum.
NEAR_LOWEST = 0.01  # the sentence says 1%


def outcome(run, J_lowest, J_highest, learning_rate):
    """What a run of gradient descent did, read from its own numbers against the grid's lowest and highest J:
    (key, the sentence that says it). The keys:

    - ``diverged``: J stopped being a finite number;
    - ``oscillating``: J went up at some step of the run's second half: the rate is too large there;
    - ``minimum``: ‖∇J‖ < FLAT and J within NEAR_LOWEST of the grid's range above the grid's lowest J;
    - ``flat``: ‖∇J‖ < FLAT but J well above that: stopped where the surface is flat;
    - ``descending``: still going down, with a gradient that is not small.
    """
    J, g = run.J, run.gradient_norm
    if not np.all(np.isfinite(J)):
        return "diverged", Text("Diverged: J is no longer a finite number. α = {alpha:g} is far too large.",
                                alpha=learning_rate)
    tail = J[len(J) // 2:]
    rises = int(np.sum(np.diff(tail) > 1e-12 * max(1.0, float(np.abs(tail).max()))))
    if rises:
        return "oscillating", Text("Oscillating: J went up at {rises} of the last {n} steps. α = {alpha:g} is too "
                                   "large here: each step overshoots. Try a smaller α.",
                                   rises=rises, n=len(tail) - 1, alpha=learning_rate)
    if g < FLAT and J[-1] <= J_lowest + NEAR_LOWEST * (J_highest - J_lowest):
        return "minimum", Text("Reached the minimum: ‖∇J‖ = {g:.0e}, and J = {J:.4f} matches the lowest J on the "
                               "grid ({lowest:.4f}) to within 1% of the grid's range.", g=g, J=J[-1], lowest=J_lowest)
    if g < FLAT:
        return "flat", Text("Stuck where the surface is flat: ‖∇J‖ = {g:.0e}, yet J = {J:.4f} is far above the "
                            "grid's lowest, {lowest:.4f}.", g=g, J=J[-1], lowest=J_lowest)
    return "descending", Text("Still descending after {steps} steps (‖∇J‖ = {g:.1e}): more iterations or a larger α "
                              "would go further.", steps=len(J) - 1, g=g)


def contour_lines(surface_values, w_grid, b_grid, levels):
    """Isolines of a surface (n_b, n_w) at ``levels``, by contourpy: a list of (level, points (k, 2) in (w, b))."""
    generator = contourpy.contour_generator(w_grid, b_grid, surface_values, line_type="Separate")
    return [(float(level), line) for level in levels for line in generator.lines(level)]


def cost_levels(J, n=12):
    """Contour levels spaced evenly in log J between just above its minimum and its maximum."""
    low, high = float(J.min()), float(J.max())
    return np.geomspace(low + 0.02 * (high - low), high, n) if high > low > 0 else np.linspace(low, high, n)


@cache
def negative_curvature_example():
    """Squared error after a sigmoid, y = 1: where d^2L/dz^2 changes sign, and an exact point where it is < 0.

    d^2L/dz^2 = a(1 - a)(a(1 - a) + (1 - 2a)(a - y)) is, for y = 1, a(1 - a)^2 (3a - 1):
    negative for a < 1/3, that is z < -log 2. At z = -1 it is an exact negative number.
    """
    curvature = symbols.d2L_dz2("squared_error").result.subs(symbols.y, 1)
    factored = sp.factor(curvature)
    roots = [r for r in sp.solve(curvature, symbols.a) if r.is_positive and r < 1]
    z_root = sp.simplify(sp.log(roots[0] / (1 - roots[0])))  # a = sigma(z)  <=>  z = log(a / (1 - a))
    value = sp.simplify(curvature.subs(symbols.a, sigmoid(-1)).rewrite(sp.exp))
    return {"factored": factored, "a_root": roots[0], "z_root": z_root, "z": -1, "value": value,
            "negative": bool(value.is_negative), "float": float(value)}


def slices(x, y, w0, b0, w_grid, b_grid, loss):
    """J and its second derivative along w (b = b0) and along b (w = w0):
    {"along w": (w, J, h_ww), "along b": (b, J, h_bb)}."""
    along_w = surface(x, y, w_grid, np.array([b0]), loss)
    along_b = surface(x, y, np.array([w0]), b_grid, loss)
    return {Text("along w"): (w_grid, along_w.J[0], along_w.h_ww[0]),
            Text("along b"): (b_grid, along_b.J[:, 0], along_b.h_bb[:, 0])}
