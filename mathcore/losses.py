"""Loss of one example and cost over m examples, as SymPy expressions.

    cross-entropy   L(a, y) = -(y log a + (1 - y) log(1 - a))
    squared error   L(a, y) = 1/2 (a - y)^2
    cost            J = (1/m) sum_{i=1}^{m} L(a^(i), y^(i))
"""

import sympy as sp


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


#: The losses a learner can pick, by name.
LOSSES = {
    "cross_entropy": cross_entropy,
    "squared_error": squared_error,
}


def cost(loss, a, y, i, m):
    """J = (1/m) sum_{i=1}^{m} L(a_i, y_i), with ``a`` and ``y`` IndexedBase objects.

    >>> a, y = sp.IndexedBase("a"), sp.IndexedBase("y")
    >>> i, m = sp.symbols("i m", integer=True, positive=True)
    >>> J = cost(squared_error, a, y, i, m)
    >>> J.subs(m, 2).doit()
    (a[1] - y[1])**2/4 + (a[2] - y[2])**2/4
    """
    return sp.Sum(loss(a[i], y[i]), (i, 1, m)) / m
