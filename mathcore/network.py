"""An L-layer fully connected network, course notation, and what its activations do.

Shapes: X = A[0] (n[0], m)   W[l] (n[l], n[l-1])   b[l] (n[l], 1)   Z[l], A[l] (n[l], m)
    Z[l] = W[l] A[l-1] + b[l],    A[l] = g[l](Z[l]),    l = 1..L;  the output layer L is a sigmoid.
Layers are a list of records (W, b, activation), not a dict under 'W' + str(l) keys.
"""

from dataclasses import dataclass

import numpy as np
import sympy as sp

from mathcore.functions import ACTIVATIONS
from mathcore.gradcheck import central_difference, relative_difference
from mathcore.layer import linear_backward, linear_forward
from mathcore.logistic import cross_entropy_cost
from mathcore.timing import best_time

#: The choices for hidden layers: every activation record, ReLU (the usual one) first.
HIDDEN_ACTIVATIONS = ("relu", *(key for key in ACTIVATIONS if key != "relu"))


@dataclass(frozen=True)
class Layer:
    """Layer l: W (n[l], n[l-1]), b (n[l], 1), and its activation's key (``mathcore.functions.ACTIVATIONS``)."""

    W: np.ndarray
    b: np.ndarray
    activation: str


def initialize(layer_dims, hidden="relu", seed=0, b_scale=0.0):
    """Layers for sizes n[0..L]: W[l] ~ N(0, 1/n[l-1]) (Xavier), b[l] ~ N(0, b_scale^2) (0 by default,
    as in the course); hidden g, sigmoid output.

    The course's randn * 0.01 would make every activation of a small example about 0 (or 1/2);
    scaling by 1/sqrt(n[l-1]) keeps the values readable layer after layer. With ReLU and b = 0, a
    unit whose inputs are all 0 sits exactly on the kink z = 0; a small random b keeps it off.
    """
    rng = np.random.default_rng(seed)
    L = len(layer_dims) - 1
    return [Layer(rng.normal(size=(layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1]),
                  b_scale * rng.normal(size=(layer_dims[l], 1)), "sigmoid" if l == L else hidden)
            for l in range(1, L + 1)]


def forward(layers, X):
    """[(Z[1], A[1]), ..., (Z[L], A[L])] for X (n[0], m): each Z[l], A[l] is (n[l], m)."""
    caches, A = [], X
    for layer in layers:
        Z = linear_forward(A, layer.W, layer.b)
        A = ACTIVATIONS[layer.activation].forward(Z)
        caches.append((Z, A))
    return caches


@dataclass(frozen=True)
class Gradients:
    """Layer l's gradients: dZ (n[l], m), dW like W, db like b, dA_prev (n[l-1], m)."""

    dZ: np.ndarray
    dW: np.ndarray
    db: np.ndarray
    dA_prev: np.ndarray


def backward(layers, caches, X, Y):
    """[Gradients of layer 1, ..., of layer L], from the output down:

        dZ[L] = A[L] - Y                    (sigmoid output, cross-entropy: derived on the home page)
        dZ[l] = dA[l] * g'(Z[l])            (elementwise, l < L)
        dW[l] = (1/m) dZ[l] A[l-1].T,  db[l] = (1/m) sum_i dZ[l],  dA[l-1] = W[l].T dZ[l]
    """
    grads = []
    dA = None
    for l in reversed(range(len(layers))):
        Z, A = caches[l]
        A_prev = X if l == 0 else caches[l - 1][1]
        dZ = A - Y if l == len(layers) - 1 else dA * ACTIVATIONS[layers[l].activation].slope(Z)
        dW, db = linear_backward(dZ, A_prev)
        dA = layers[l].W.T @ dZ
        grads.append(Gradients(dZ, dW, db, dA))
    return grads[::-1]


def gradient_check(layers, X, Y, eps=1e-7):
    """The course's check: every dW[l], db[l] from ``backward`` against central differences of J (the stable cost
    from Z[L], so a saturated output still gives finite differences).

    Returns (relative difference, analytic vector, numeric vector), all parameters flattened in order.
    """
    shapes = [(layer.W.shape, layer.b.shape) for layer in layers]

    def unflatten(theta):
        out, k = [], 0
        for layer, (w_shape, b_shape) in zip(layers, shapes):
            W = theta[k:k + np.prod(w_shape)].reshape(w_shape)
            k += W.size
            b = theta[k:k + np.prod(b_shape)].reshape(b_shape)
            k += b.size
            out.append(Layer(W, b, layer.activation))
        return out

    theta = np.concatenate([np.concatenate([layer.W.ravel(), layer.b.ravel()]) for layer in layers])
    analytic = np.concatenate([np.concatenate([g.dW.ravel(), g.db.ravel()])
                               for g in backward(layers, forward(layers, X), X, Y)])
    numeric = central_difference(lambda t: cross_entropy_cost(forward(unflatten(t), X)[-1][0], Y), theta, eps)
    return relative_difference(analytic, numeric), analytic, numeric


def shape_table(layer_dims, m):
    """One row per array of the network: (name, shape, number of entries); parameters marked.

    >>> [row for row in shape_table([3, 4, 1], m=5) if row[3]]
    [('W[1]', (4, 3), 12, True), ('b[1]', (4, 1), 4, True), ('W[2]', (1, 4), 4, True), ('b[2]', (1, 1), 1, True)]
    """
    rows = [("X = A[0]", (layer_dims[0], m), layer_dims[0] * m, False)]
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        rows += [(f"W[{l}]", (n, n_prev), n * n_prev, True), (f"b[{l}]", (n, 1), n, True),
                 (f"Z[{l}]", (n, m), n * m, False), (f"A[{l}]", (n, m), n * m, False)]
    return rows


def parameter_count(layer_dims):
    """sum over l of n[l] n[l-1] + n[l]."""
    return sum(n * n_prev + n for n_prev, n in zip(layer_dims, layer_dims[1:]))


def derivative_products(activation, depth, scale, n_paths=2000, seed=0):
    """The mean over random paths of |g'(z_1) g'(z_2) ... g'(z_k)|, for k = 1..depth, z_l ~ N(0, scale^2).

    Backpropagation multiplies one such factor per layer; for the sigmoid each is <= 1/4, so the
    product is <= (1/4)^k and the gradient reaching early layers vanishes.
    """
    Z = np.random.default_rng(seed).normal(0.0, scale, size=(n_paths, depth))
    return np.abs(np.cumprod(ACTIVATIONS[activation].slope(Z), axis=1)).mean(axis=0)


def time_per_element(activation, n=1_000_000, repeat=7, seed=0):
    """The best of ``repeat`` wall-clock times of the activation's plain teaching form over n float64 values, in ns
    per element: the forms the course compares for speed (the sigmoid needs an exponential, ReLU a comparison)."""
    Z = np.random.default_rng(seed).normal(size=n)
    plain = ACTIVATIONS[activation].plain
    return best_time(lambda: plain(Z), repeat) / n * 1e9


def linear_layers_collapse(n0=2, n1=3, n2=2):
    """Two layers with no activation are one: W2 (W1 x + b1) + b2 = (W2 W1) x + (W2 b1 + b2).

    Builds the product with symbolic matrices and checks it entry by entry. Returns the
    pieces as SymPy matrices and whether SymPy proved them equal.
    """
    W1, W2 = sp.MatrixSymbol("W1", n1, n0).as_explicit(), sp.MatrixSymbol("W2", n2, n1).as_explicit()
    b1, b2 = sp.MatrixSymbol("b1", n1, 1).as_explicit(), sp.MatrixSymbol("b2", n2, 1).as_explicit()
    x = sp.MatrixSymbol("x", n0, 1).as_explicit()
    two_layers = W2 * (W1 * x + b1) + b2
    W, b = W2 * W1, W2 * b1 + b2
    proved = (two_layers - (W * x + b)).applyfunc(sp.expand) == sp.zeros(n2, 1)
    return {"two_layers": two_layers, "W": W, "b": b, "x": x, "proved": proved}
