"""Vectorized logistic regression, course notation, with the names of the course's exercise.

Shapes: X (n_x, m)  Y (1, m)  w (n_x, 1)  b scalar
    Z = w.T X + b,  A = sigmoid(Z)
    J = (1/m) sum_i L(a_i, y_i)          (cross-entropy)
    dZ = A - Y,     dw = (1/m) X dZ.T,   db = (1/m) sum(dZ)

Logistic regression is the one-layer network with W[1] = w.T (1, n_x): ``propagate``
runs the layer formulas of ``mathcore.layer`` on W = w.T and hands back dw = dW.T.
``propagate_loop`` computes the same gradient one example at a time, with no
matrices, as the course's first version does; it is the reference the
vectorization lessons compare against.
"""

import numpy as np

from mathcore.functions import sigmoid_numpy as sigmoid_stable
from mathcore.layer import linear_backward, linear_forward
from mathcore.losses import CROSS_ENTROPY


def sigmoid(z):
    """sigma(z) = 1 / (1 + e^{-z}), the teaching form.

    It overflows in ``np.exp`` (with a warning) for z < -709; ``sigmoid_stable``
    does not. Values from the course's exercise:

    >>> sigmoid(np.array([-1, 0, 1, 2]))
    array([0.26894142, 0.5       , 0.73105858, 0.88079708])
    >>> float(sigmoid_stable(-1000.0)), float(sigmoid_stable(1000.0))
    (0.0, 1.0)
    """
    return 1 / (1 + np.exp(-z))


def random_problem(n_x, m, seed=0):
    """A random w (n_x, 1), b, X (n_x, m) and Y (1, m) of 0s and 1s, for checks and examples."""
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(n_x, 1)), float(rng.normal()), rng.normal(size=(n_x, m)),
            rng.integers(0, 2, (1, m)).astype(float))


def initialize_with_zeros(dim):
    """w (dim, 1) of zeros and b = 0.0."""
    return np.zeros((dim, 1)), 0.0


def cross_entropy_cost_plain(A, Y):
    """J = -(1/m) sum(Y log A + (1 - Y) log(1 - A)): the teaching form (``CROSS_ENTROPY.plain``).

    It gives inf (and a warning) once A rounds to exactly 0 or 1, which float64
    does for |z| > 37; ``cross_entropy_cost`` does not.
    """
    return float(np.mean(CROSS_ENTROPY.plain(A, Y)))


def cross_entropy_cost(Z, Y):
    """J = (1/m) sum_i L_i, stable, from Z (``CROSS_ENTROPY.of_z``).

    >>> cross_entropy_cost(np.array([[-1e4, 1e4]]), np.array([[1.0, 1.0]]))
    5000.0
    """
    return float(np.mean(CROSS_ENTROPY.of_z(Z, Y)))


def forward(w, b, X):
    """Z = w.T X + b and A = sigma(Z), each (1, m)."""
    Z = linear_forward(X, w.T, b)
    return Z, sigmoid_stable(Z)


def propagate(w, b, X, Y):
    """Cost and gradient: grads = {"dw": (n_x, 1), "db": float}, cost = J.

    Course's exercise values:

    >>> w, b = np.array([[1.0], [2.0]]), 1.5
    >>> X, Y = np.array([[1.0, -2.0, -1.0], [3.0, 0.5, -3.2]]), np.array([[1, 1, 0]])
    >>> grads, cost = propagate(w, b, X, Y)
    >>> grads["dw"], round(grads["db"], 10), round(cost, 10)
    (array([[ 0.25071532],
           [-0.06604096]]), -0.125004045, 0.1590053771)
    """
    Z, A = forward(w, b, X)
    dZ = A - Y
    dW, db = linear_backward(dZ, X)
    return {"dw": dW.T, "db": float(db[0, 0])}, cross_entropy_cost(Z, Y)


def propagate_loop(w, b, X, Y):
    """The same as ``propagate``, one example at a time: dz_i = a_i - y_i, dw += x_i dz_i."""
    n_x, m = X.shape
    cost, dw, db = 0.0, np.zeros((n_x, 1)), 0.0
    for i in range(m):
        z_i = b
        for k in range(n_x):
            z_i += w[k, 0] * X[k, i]
        a_i = float(sigmoid_stable(z_i))
        y_i = Y[0, i]
        cost += CROSS_ENTROPY.of_z(z_i, y_i)
        dz_i = a_i - y_i
        for k in range(n_x):
            dw[k, 0] += X[k, i] * dz_i
        db += dz_i
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False, record_every=100,
             progress=None):
    """Gradient descent: w := w - alpha dw, b := b - alpha db, ``num_iterations`` times.

    Returns params {"w", "b"}, the last grads {"dw", "db"}, and the cost every
    ``record_every`` iterations (the course records every 100th). ``progress(i)``,
    if given, is called before iteration i.
    """
    w, b = w.astype(float).copy(), float(b)
    costs = []
    for i in range(num_iterations):
        if progress is not None:
            progress(i)
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if i % record_every == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    return {"w": w, "b": b}, grads, costs


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False,
          record_every=100, progress=None):
    """The course's model(): start from zeros, run gradient descent, predict on both sets.

    Returns {"costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "grads",
    "learning_rate", "num_iterations"}; see ``optimize`` for record_every and progress.
    """
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost,
                                    record_every, progress)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test), "Y_prediction_train": predict(w, b, X_train),
            "w": w, "b": b, "grads": grads, "learning_rate": learning_rate, "num_iterations": num_iterations}


def accuracy(w, b, X, Y):
    """The fraction of examples whose prediction equals the label."""
    return float(np.mean(predict(w, b, X) == Y))


def predict(w, b, X):
    """Y_prediction (1, m): 1 where sigma(w.T X + b) > 0.5, else 0.

    >>> predict(np.array([[0.1124579], [0.23106775]]), -0.3, np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]]))
    array([[1., 1., 0.]])
    """
    _, A = forward(w, b, X)
    return (A > 0.5).astype(float)


def boundary_line(w, b, x1):
    """For two features, the decision boundary w1 x1 + w2 x2 + b = 0 as x2 over ``x1`` (None if w2 = 0)."""
    w1, w2 = w.ravel()
    return None if w2 == 0 else -(w1 * x1 + b) / w2
