"""Loss of one example and cost over m examples, as SymPy expressions.

    cross-entropy   L(a, y) = -(y log a + (1 - y) log(1 - a))
    squared error   L(a, y) = 1/2 (a - y)^2
    cost            J = (1/m) sum_{i=1}^{m} L(a^(i), y^(i))
"""

from functools import cache

import sympy as sp

from mathcore.functions import to_numpy
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


#: The losses a learner can pick, by name, and how the app writes their names.
LOSSES = {
    "cross_entropy": cross_entropy,
    "squared_error": squared_error,
}
LOSS_NAMES = {"cross_entropy": Text("cross-entropy"), "squared_error": Text("squared error")}


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

    >>> a = sp.Symbol("a", real=True)
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


@cache
def numeric_loss(name):
    """The loss ``name`` lambdified from its SymPy definition: a NumPy function of (a, y)."""
    a, y = sp.symbols("a y", real=True)
    return to_numpy([a, y], LOSSES[name](a, y))
