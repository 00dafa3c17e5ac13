"""Loss of one example and cost over m examples: one ``Loss`` record per loss, in ``LOSSES``.

    cross-entropy   L(a, y) = -(y log a + (1 - y) log(1 - a))
    squared error   L(a, y) = 1/2 (a - y)^2
    cost            J = (1/m) sum_{i=1}^{m} L(a^(i), y^(i))

Each record keeps the SymPy definition (what the derivations differentiate), its NumPy form lambdified from
it, the plain teaching form written out, and the stable form from z = the sigmoid's input, side by side.
"""

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Callable

import numpy as np
import sympy as sp

from mathcore.functions import sigmoid_numpy, to_numpy
from mathcore.text import Text


def cross_entropy(a, y):
    """L(a, y) = -(y log a + (1 - y) log(1 - a)).

    >>> a, y = sp.symbols("a y", real=True)
    >>> cross_entropy(a, 1)
    -log(a)
    """
    return -(y * sp.log(a) + (1 - y) * sp.log(1 - a))


def squared_error(a, y):
    """L(a, y) = 1/2 (a - y)^2.

    >>> a, y = sp.symbols("a y", real=True)
    >>> sp.diff(squared_error(a, y), a)
    a - y
    """
    return (a - y) ** 2 / 2


def cross_entropy_of_z(Z, Y):
    """L(sigma(z), y) from z, stable: y log(1 + e^{-z}) + (1 - y) log(1 + e^{z}).

    Since log a = -log(1 + e^{-z}) and log(1 - a) = -log(1 + e^{z}); ``np.logaddexp(0, t)`` is log(1 + e^t)
    without overflow, so L stays finite for |z| up to 1e4 and beyond (the plain form gives inf past |z| = 37):

    >>> float(cross_entropy_of_z(-1e4, 1.0)), float(cross_entropy_of_z(1e4, 0.0))
    (10000.0, 10000.0)
    """
    return Y * np.logaddexp(0, -Z) + (1 - Y) * np.logaddexp(0, Z)


def sigmoid_minus(Z, Y):
    """sigma(z) - y, written (1 - y) sigma(z) - y sigma(-z) (the same, since sigma(z) + sigma(-z) = 1): for y = 1 it
    is -sigma(-z) itself, never 1 subtracted from an a that has rounded near 1 (which keeps 3 of 16 digits at
    z = 30, and none from z = 37 on); for y = 0 it is sigma(z).

    >>> float(sigmoid_minus(40.0, 1.0)), float(1 / (1 + np.exp(-40.0)) - 1.0)
    (-4.248354255291589e-18, 0.0)
    """
    return (1 - Y) * sigmoid_numpy(Z) - Y * sigmoid_numpy(-Z)


def squared_error_of_z(Z, Y):
    """L(sigma(z), y) = 1/2 (sigma(z) - y)^2 from z, with ``sigmoid_minus``: accurate to the last bits for every z
    whose loss float64 can hold (for y in {0, 1})."""
    return sigmoid_minus(Z, Y) ** 2 / 2


def squared_error_dz(Z, Y):
    """dL/dz = (a - y) a (1 - a) for a = sigma(z), from z: ``sigmoid_minus`` times sigma(z) sigma(-z) (= a (1 - a),
    where 1 - a would lose the same digits)."""
    return sigmoid_minus(Z, Y) * sigmoid_numpy(Z) * sigmoid_numpy(-Z)


@dataclass(frozen=True)
class Loss:
    """One loss, everything about it in one place (see the module docstring)."""

    key: str  # the only spelling of it in code, links and the CLI
    name: str  # how the app writes it: a Text, translated where shown
    L: Callable  # L(a, y), SymPy
    slope_rule: str  # dL/da in words and math, as the derivation of dL/da cites it
    plain: Callable  # L(A, Y), NumPy, the teaching form as written on the blackboard
    of_z: Callable  # L(sigma(Z), Y), NumPy, from Z: finite for every float Z
    dz: Callable  # dL/dz for a = sigma(z), NumPy, from Z (and Y): the output layer's dZ[L]
    needs_probability: bool = False  # defined only for 0 < a < 1 (takes log a, log(1 - a))

    @cached_property
    def numeric(self):
        """L(a, y) as a NumPy function, lambdified from the SymPy definition ``L``."""
        a, y = sp.symbols("a y", real=True)
        return to_numpy([a, y], self.L(a, y))

    @cached_property
    def slope(self):
        """dL/da as a NumPy function of (a, y): SymPy's derivative of ``L``, lambdified (the network's dA[L])."""
        a, y = sp.symbols("a y", real=True)
        return to_numpy([a, y], sp.diff(self.L(a, y), a))


CROSS_ENTROPY = Loss(
    "cross_entropy", Text("cross-entropy"), cross_entropy,
    Text(r"$\frac{d}{da}\log a = \frac{1}{a}$ and $\frac{d}{da}\log(1 - a) = -\frac{1}{1 - a}$"),
    plain=lambda A, Y: -(Y * np.log(A) + (1 - Y) * np.log(1 - A)), of_z=cross_entropy_of_z,
    dz=lambda Z, Y: sigmoid_numpy(Z) - Y, needs_probability=True)
SQUARED_ERROR = Loss(
    "squared_error", Text("squared error"), squared_error, r"$\frac{d}{da}\tfrac12 u^2 = u \frac{du}{da}$",
    plain=lambda A, Y: (A - Y) ** 2 / 2, of_z=squared_error_of_z,
    dz=squared_error_dz)

#: Every loss a learner can pick, by key.
LOSSES = {loss.key: loss for loss in (CROSS_ENTROPY, SQUARED_ERROR)}


def cost(loss, a, y, i, m):
    """J = (1/m) sum_{i=1}^{m} L(a_i, y_i), with ``a`` and ``y`` IndexedBase objects.

    >>> a, y = sp.IndexedBase("a"), sp.IndexedBase("y")
    >>> i, m = sp.symbols("i m", integer=True, positive=True)
    >>> J = cost(squared_error, a, y, i, m)
    >>> J.subs(m, 2).doit()
    (a[1] - y[1])**2/4 + (a[2] - y[2])**2/4
    """
    return sp.Sum(loss(a[i], y[i]), (i, 1, m)) / m


@cache
def limit_as_a_to(loss, y, a_to):
    """The loss's limit as a -> a_to from inside (0, 1), for a label y.

    >>> limit_as_a_to(cross_entropy, 1, 0), limit_as_a_to(squared_error, 1, 0)
    (oo, 1/2)
    """
    a = sp.Symbol("a", real=True)
    return sp.limit(loss(a, y), a, a_to, "+" if a_to == 0 else "-")


def cost_by_definition(loss, A, Y):
    """J = (1/m) sum_i L(A_i, Y_i) evaluated from the SymPy definition ``cost``, for arrays (1, m).

    An independent check of the NumPy cost: the sum is expanded by SymPy for this m.
    """
    return float(_expanded_cost(loss, A.shape[1])(*A.ravel(), *Y.ravel()))


@cache
def _expanded_cost(loss, m):
    """``cost`` with its sum written out for this m, lambdified: a function of a_1..a_m, y_1..y_m."""
    a, y = sp.IndexedBase("a"), sp.IndexedBase("y")
    i = sp.Symbol("i", integer=True, positive=True)
    J = cost(loss, a, y, i, m).doit()
    args = [a[k] for k in range(1, m + 1)] + [y[k] for k in range(1, m + 1)]
    return sp.lambdify(args, J, "numpy")
