"""An L-layer fully connected network, course notation: forward, backward, update, training, prediction.

Shapes: X = A[0] (n[0], m)   W[l] (n[l], n[l-1])   b[l] (n[l], 1)   Z[l], A[l] (n[l], m)   Y (1, m)
    Z[l] = W[l] A[l-1] + b[l],    A[l] = g[l](Z[l]),    l = 1..L;  the output layer L is a sigmoid.
    dA[L] = dL/dA[L] (the loss record's slope),   dZ[l] = dA[l] * g'(Z[l])
    dW[l] = (1/m) dZ[l] A[l-1].T,  db[l] = (1/m) sum_i dZ[l],  dA[l-1] = W[l].T dZ[l]
    W[l] := W[l] - alpha dW[l],    b[l] := b[l] - alpha db[l]
Layers are a list of records (W, b, activation), not a dict under 'W' + str(l) keys; ``mathcore.course`` offers
the course's dict-and-cache interface over them.
"""

import time
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

from mathcore.functions import ACTIVATIONS
from mathcore.gradcheck import central_difference, relative_difference
from mathcore.layer import linear_backward, linear_forward
from mathcore.losses import LOSSES
from mathcore.text import Text
from mathcore.timing import best_time

#: The choices for hidden layers: every activation record, ReLU (the usual one) first.
HIDDEN_ACTIVATIONS = ("relu", *(key for key in ACTIVATIONS if key != "relu"))


@dataclass(frozen=True)
class Layer:
    """Layer l: W (n[l], n[l-1]), b (n[l], 1), and its activation's key (``mathcore.functions.ACTIVATIONS``)."""

    W: np.ndarray
    b: np.ndarray
    activation: str


@dataclass(frozen=True)
class Initialization:
    """How W[l] starts: randn scaled by ``scale(n[l-1])`` (None: all zeros), and why anyone would."""

    key: str
    name: str  # a Text, translated where shown
    why: str  # a Text, translated where shown
    scale: object  # n[l-1] -> the factor on randn, or None for zeros


#: The ways to start, by key. ``course`` draws exactly as the course's exercises do (see ``initialize``).
INITIALIZATIONS = {init.key: init for init in (
    Initialization("course", Text("the course's randn × 0.01"),
                   Text("Small weights keep a sigmoid or tanh unit off its flat tails at the start; in a deep network "
                        "the signal then shrinks layer after layer."), lambda n_prev: 0.01),
    Initialization("xavier", Text("Xavier: randn × √(1/n[l−1])"),
                   Text("Keeps the variance of z near 1 from layer to layer: suited to tanh and the sigmoid."),
                   lambda n_prev: np.sqrt(1 / n_prev)),
    Initialization("he", Text("He: randn × √(2/n[l−1])"),
                   Text("ReLU zeroes about half of its inputs; twice the variance keeps the signal's size through "
                        "the layers."), lambda n_prev: np.sqrt(2 / n_prev)),
    Initialization("zeros", Text("zeros"),
                   Text("Every hidden unit computes the same value and gets the same gradient, so they stay identical "
                        "however long you train: the symmetry the course warns about."), None),
)}


def initialize(layer_dims, hidden="relu", seed=0, b_scale=0.0, init="xavier", course_rng=False):
    """Layers for sizes n[0..L]: W[l] = randn(n[l], n[l-1]) * scale(n[l-1]) (``INITIALIZATIONS``), b[l] ~ N(0,
    b_scale^2) (0 by default, as in the course); hidden g, sigmoid output.

    ``init="course"``, or any ``init`` with ``course_rng=True``, draws from ``np.random.RandomState(seed)`` layer by
    layer, W then b = 0, which is what the course's ``np.random.seed(seed)`` followed by ``np.random.randn`` gives:
    its exercise values come out exactly (``seed=None``: from NumPy's global state, for a notebook that has seeded
    it itself; ``init="xavier", course_rng=True`` is the week-4 application's randn / √n[l−1] after seed 1).
    The others draw from NumPy's default generator. The course's randn * 0.01 makes every activation of a small
    example about 0 (or 1/2), so the pages that show one forward pass start from Xavier's scale. With ReLU and
    b = 0, a unit whose inputs are all 0 sits exactly on the kink z = 0; a small random b keeps it off.
    """
    L, how = len(layer_dims) - 1, INITIALIZATIONS[init]
    course_rng = course_rng or init == "course"
    if course_rng:
        rng = np.random if seed is None else np.random.RandomState(seed)
        draw = lambda n, n_prev: rng.randn(n, n_prev) * how.scale(n_prev)  # noqa: E731
    else:
        rng = np.random.default_rng(seed)
        draw = lambda n, n_prev: (np.zeros((n, n_prev)) if how.scale is None  # noqa: E731
                                  else rng.normal(size=(n, n_prev)) * how.scale(n_prev))
    layers = []
    for l in range(1, L + 1):
        W = draw(layer_dims[l], layer_dims[l - 1])
        b = np.zeros((layer_dims[l], 1)) if course_rng else b_scale * rng.normal(size=(layer_dims[l], 1))
        layers.append(Layer(W, b, "sigmoid" if l == L else hidden))
    return layers


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


def output_gradient(layers, caches, Y, loss="cross_entropy", shortcut=True):
    """dZ[L], the gradient at the output layer's input.

    The general route: dA[L] = dL/dA[L] (the loss record's slope), then dZ[L] = dA[L] * g'(Z[L]). After a sigmoid
    the two factors combine into the loss record's ``dz`` from Z[L]: for cross-entropy they cancel to the shortcut
    dZ[L] = A[L] - Y (derived on the home page), for squared error to (A[L] - Y) A[L] (1 - A[L]), computed without
    subtracting from 1 an A[L] that has rounded near 1 (``losses.squared_error_dz``). Both stay finite where A[L]
    rounds to 0 or 1 and dL/dA[L] does not; ``shortcut=False`` takes the general route anyway, to compare.
    """
    Z, A = caches[-1]
    g = ACTIVATIONS[layers[-1].activation]
    if shortcut and g.key == "sigmoid":
        return LOSSES[loss].dz(Z, Y)
    return LOSSES[loss].slope(A, Y) * g.slope(Z)


def layer_backward(dA, Z, A_prev, W, activation):
    """Layer l's backward step, by hand:
    dZ = dA * g'(Z), elementwise
    dW = (1/m) dZ A_prev.T
    db = (1/m) sum_i dZ[:, i]
    dA_prev = W.T dZ
    (mathcore.codegen: SymPy writes it)"""
    dZ = dA * ACTIVATIONS[activation].slope(Z)
    dW, db = linear_backward(dZ, A_prev)
    return dZ, dW, db, W.T @ dZ


def backward(layers, caches, X, Y, loss="cross_entropy", shortcut=True):
    """[Gradients of layer 1, ..., of layer L], from the output down (see the module docstring):

        dZ[L] from ``output_gradient``;  dZ[l] = dA[l] * g'(Z[l]) (elementwise, l < L)
        dW[l] = (1/m) dZ[l] A[l-1].T,  db[l] = (1/m) sum_i dZ[l],  dA[l-1] = W[l].T dZ[l]
    """
    grads = []
    dA = None
    for l in reversed(range(len(layers))):
        Z, A = caches[l]
        A_prev = X if l == 0 else caches[l - 1][1]
        if l == len(layers) - 1:
            dZ = output_gradient(layers, caches, Y, loss, shortcut)
            dW, db = linear_backward(dZ, A_prev)
            dA = layers[l].W.T @ dZ
        else:
            dZ, dW, db, dA = layer_backward(dA, Z, A_prev, layers[l].W, layers[l].activation)
        grads.append(Gradients(dZ, dW, db, dA))
    return grads[::-1]


def cost(layers, caches, Y, loss="cross_entropy"):
    """J = (1/m) sum_i sum_k L(A[L]_ki, Y_ki), from Z[L] in the stable form when the output is a sigmoid.

    With one output unit (the course's Y (1, m)) this is the mean loss over the m examples. With n[L] sigmoid units
    (Y (n[L], m), one yes/no label per unit) each example's loss is the sum of its units' losses, still averaged
    over m only: the cost whose gradient ``backward``'s 1/m gives (a mean over all n[L]·m entries would be that
    cost divided by n[L], and a gradient check would read correct gradients as (n[L] − 1)/(n[L] + 1)).
    """
    Z, A = caches[-1]
    losses = LOSSES[loss].of_z(Z, Y) if layers[-1].activation == "sigmoid" else LOSSES[loss].plain(A, Y)
    return float(np.sum(losses) / Z.shape[1])


def update(layers, grads, learning_rate):
    """W[l] := W[l] - alpha dW[l], b[l] := b[l] - alpha db[l], for every layer: new layers (the old are kept)."""
    return [Layer(layer.W - learning_rate * g.dW, layer.b - learning_rate * g.db, layer.activation)
            for layer, g in zip(layers, grads)]


def predict(layers, X):
    """Y_prediction (1, m): 1 where A[L] > 0.5, else 0."""
    return (forward(layers, X)[-1][1] > 0.5).astype(float)


def accuracy(layers, X, Y):
    """The fraction of examples whose prediction equals the label."""
    return float(np.mean(predict(layers, X) == Y))


@dataclass(frozen=True)
class Training:
    """What training recorded every ``every`` iterations: the iteration, the cost J, the seconds since the start,
    and each layer's ||dW[l]|| (Frobenius); ``snapshots``: (iteration, layers) at the iterations asked for;
    ``diverged``: the iteration where a number overflowed (the learning rate too large), training stopped there;
    ``reason``: why, in words (a Text), or None if training ran every iteration. A start already past ``DIVERGED``
    stops at 0 with no record at all."""

    layers: list
    iterations: np.ndarray
    costs: np.ndarray
    seconds: np.ndarray
    gradient_norms: np.ndarray  # (records, L)
    snapshots: tuple
    diverged: int | None = None
    reason: str | None = None

    def first_reaching(self, target):
        """(iteration, seconds) of the first record with J <= target, or None if training never got there."""
        hit = np.flatnonzero(self.costs <= target)
        return None if hit.size == 0 else (int(self.iterations[hit[0]]), float(self.seconds[hit[0]]))

    def accuracy_along(self, X, Y):
        """([iteration of each snapshot], [the snapshot's accuracy on X, Y]): how the accuracy grew."""
        return [i for i, _layers in self.snapshots], [accuracy(layers, X, Y) for _i, layers in self.snapshots]

    def units_identical(self, l=1):
        """Whether every unit of layer l (every row of W[l]) is the same: the symmetry a zero start never breaks."""
        W = self.layers[l - 1].W
        return bool(np.allclose(W, W[:1]))


#: A weight this large means training has diverged: a few more layers' products would overflow float64.
DIVERGED = 1e30


def frobenius(M):
    """||M|| = sqrt(sum_ij M_ij^2), computed as s ||M / s|| with s = max_ij |M_ij|: finite whenever the norm is (the
    plain sum of squares overflows to inf once entries pass 1e154).

    >>> frobenius(np.array([[3.0, 4.0]]) * 2.0 ** 700) == 5 * 2.0 ** 700  # 2^700 ~ 5e210: its square overflows
    True
    """
    s = float(np.max(np.abs(M), initial=0.0))
    return 0.0 if s == 0 else s * float(np.linalg.norm(M / s))


def _stopped(i, error=None):
    """Why training stopped at iteration i: a weight past DIVERGED, or the floating-point error NumPy raised."""
    if error is not None:
        return Text("At iteration {i} a number overflowed ({error}): training stopped with the last finite network.",
                    i=i, error=str(error))
    if i == 0:
        return Text("The starting weights are already larger than {limit:g}: the products of a forward pass could "
                    "overflow, so nothing was trained.", limit=DIVERGED)
    return Text("At iteration {i} a weight passed {limit:g}: each step overshoots and the weights grow without bound, "
                "so training stopped with the last finite network.", i=i, limit=DIVERGED)


def train(X, Y, layers, learning_rate, iterations, every=10, snapshots=(), loss="cross_entropy", progress=None):
    """Gradient descent from ``layers``: forward, cost, backward, update, ``iterations`` times (see ``Training``).

    ``progress(i)``, if given, is called every ``every`` iterations. Wall-clock seconds are measured here, on the
    machine that trains, with ``time.perf_counter``. If a number overflows (a learning rate too large makes the
    weights grow without bound, or X is near float64's limit), training stops with the last finite network and says
    where (``diverged``) and why (``reason``); every recorded J and ||dW[l]|| is finite.
    """
    records, norms, shots = [], [], []
    wanted = set(snapshots)
    start, diverged, reason = time.perf_counter(), None, None
    for i in range(iterations + 1):
        if max(np.abs(p).max() for layer in layers for p in (layer.W, layer.b)) > DIVERGED:
            diverged, reason = i, _stopped(i)  # before a matrix product overflows (which only warns)
            break
        recorded = i % every == 0 or i == iterations
        try:
            with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
                caches = forward(layers, X)
                grads = backward(layers, caches, X, Y, loss)
                J = cost(layers, caches, Y, loss) if recorded else None  # a step needs no J: a quarter of its time
                norm = [frobenius(g.dW) for g in grads] if recorded else None
                stepped = None if i == iterations else update(layers, grads, learning_rate)
        except FloatingPointError as error:
            diverged, reason = i, _stopped(i, error)
            break
        if i in wanted:
            shots.append((i, layers))
        if recorded:
            records.append((i, J, time.perf_counter() - start))
            norms.append(norm)
            if progress is not None:
                progress(i)
        if stepped is not None:
            layers = stepped
    its, costs, seconds = (np.array(column) for column in zip(*records)) if records else (np.array([]),) * 3
    return Training(layers, its.astype(int), costs, seconds, np.array(norms).reshape(len(records), len(layers)),
                    tuple(shots), diverged, reason)


def gradient_check(layers, X, Y, eps=1e-7, grads=None, loss="cross_entropy"):
    """The course's check: every dW[l], db[l] (from ``backward``, or the learner's ``grads``: a list of
    (dW[l], db[l]) pairs) against central differences of J (the stable cost from Z[L], so a saturated output
    still gives finite differences). Read the difference with ``gradcheck.verdict``.

    It reads lower than the course's notebook on the same correct gradients (1.1e-9 against the notebook's
    1.19e-7 on its test case): correct gradients leave only J's rounding divided by 2 eps, and J from Z[L] is
    rounded less than the notebook's J from A[L], whose log(1 - A[L]) loses digits where A[L] is near 1 (see
    ``gradcheck``; the notebook's own check is ``mathcore.course.gradient_check_n``).

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
    if grads is None:
        grads = [(g.dW, g.db) for g in backward(layers, forward(layers, X), X, Y, loss)]
    analytic = np.concatenate([np.concatenate([np.ravel(dW), np.ravel(db)]) for dW, db in grads])
    def J(t):
        nudged = unflatten(t)
        return cost(nudged, forward(nudged, X), Y, loss)

    numeric = central_difference(J, theta, eps)
    return relative_difference(analytic, numeric), analytic, numeric


def parameter_names(layers):
    """The name of each entry of θ in ``gradient_check``'s order: W[l][i, j], then b[l][i], layer by layer
    (NumPy's indices, from 0, as in ``parameters["W1"][i, j]``).

    >>> parameter_names(initialize([2, 1, 1]))
    ['W[1][0, 0]', 'W[1][0, 1]', 'b[1][0]', 'W[2][0, 0]', 'b[2][0]']
    """
    names = []
    for l, layer in enumerate(layers, start=1):
        names += [f"W[{l}][{i}, {j}]" for i, j in np.ndindex(*layer.W.shape)]
        names += [f"b[{l}][{i}]" for i in range(layer.b.shape[0])]
    return names


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


@lru_cache(maxsize=256)
def derivative_products(activation, depth, scale, n_paths=2000, seed=0):
    """The mean over random paths of |g'(z_1) g'(z_2) ... g'(z_k)|, for k = 1..depth, z_l ~ N(0, scale^2).

    Backpropagation multiplies one such factor per layer; for the sigmoid each is <= 1/4, so the
    product is <= (1/4)^k and the gradient reaching early layers vanishes. Kept per process (the same
    seed gives the same paths), read-only.
    """
    Z = np.random.default_rng(seed).normal(0.0, scale, size=(n_paths, depth))
    products = np.abs(np.cumprod(ACTIVATIONS[activation].slope(Z), axis=1)).mean(axis=0)
    products.flags.writeable = False
    return products


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
