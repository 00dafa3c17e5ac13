"""Course 2, week 1: "Gradient Checking", by the notebook's names: ``gradient_check_n`` and what it needs.

The notebook's check, for parameters θ = (W1, b1, ..., WL, bL) flattened in that order:

    gradapprox_i = (J(θ + ε e_i) - J(θ - ε e_i)) / (2 ε),   ε = 1e-7
    difference = ||grad - gradapprox|| / (||grad|| + ||gradapprox||)

with J the course's cost from ŷ = A[L], -(1/m) sum (y log ŷ + (1 - y) log(1 - ŷ)), as ``forward_propagation_n``
computes it. On the notebook's own test case this gives its published 1.1890913024229996e-07 (and 0.2850931567761623
for the notebook's deliberately wrong gradients).

Why ``mathcore.network.gradient_check`` reads about 1e-9 on the same correct gradients: the difference that
correct gradients leave is rounding, not calculus. ŷ is rounded to about 16 digits, and log(1 - ŷ) of a ŷ near 1
works from 1 - ŷ, which keeps fewer (the test case has y = 0 and ŷ = 0.99887: 1 - ŷ keeps about 13); the central
difference divides J's rounding by 2 ε = 2e-7. ``network.gradient_check`` takes J from z instead, y log(1 + e^-z)
+ (1 - y) log(1 + e^z), right to the last digit, so less rounding is left to magnify (``checks_compared``). The
thresholds are about that rounding: below 1e-7 (the lecture's "great") nothing but rounding is left; the notebook
passes up to 2e-7, because its own J leaves 1.2e-7; above 1e-3 some term of the gradient is wrong; in between,
look closer (a ReLU unit on its kink, or a small mistake).
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from mathcore import network
from mathcore.course.shared import compute_cost, layers_of
from mathcore.course.week4 import L_model_forward
from mathcore.functions import ACTIVATIONS
from mathcore.gradcheck import central_difference, relative_difference

__all__ = ["dictionary_to_vector", "vector_to_dictionary", "gradients_to_vector", "forward_propagation_n",
           "backward_propagation_n", "gradient_check_n"]

#: The notebook's line: a difference above it means "a mistake in the backward propagation".
NOTEBOOK_THRESHOLD = 2e-7


def dictionary_to_vector(parameters):
    """θ (n, 1): W1, b1, W2, b2, ... flattened row by row, in that order; and the key of each entry."""
    keys = [f"{name}{l}" for l in range(1, len(parameters) // 2 + 1) for name in ("W", "b")]
    theta = np.concatenate([np.reshape(parameters[key], (-1, 1)) for key in keys])
    return theta, [key for key in keys for _ in range(np.size(parameters[key]))]


def vector_to_dictionary(theta, like):
    """θ back into a parameters dict with the shapes of ``like`` (the notebook's knows its one network's shapes)."""
    _, keys = dictionary_to_vector(like)
    return {key: theta[[k == key for k in keys]].reshape(np.shape(like[key])) for key in like}


def gradients_to_vector(gradients):
    """grad (n, 1): dW1, db1, dW2, db2, ... flattened in θ's order (dZ and dA, if there, are left out)."""
    return dictionary_to_vector({key[1:]: value for key, value in gradients.items() if key[:2] in ("dW", "db")})[0]


def forward_propagation_n(X, Y, parameters):
    """(J, caches): [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID, and the course's cost from ŷ = A[L]."""
    AL, caches = L_model_forward(X, parameters)
    return compute_cost(AL, Y), caches


def backward_propagation_n(X, Y, caches):
    """The correct gradients {"dZ{l}", "dW{l}", "db{l}", "dA{l-1}"} from ``forward_propagation_n``'s caches, by
    ``network.backward`` (dZ[L] = A[L] - Y)."""
    (_, W, b), Z = caches[-1]
    layers = [network.Layer(W, b, "relu") for (_, W, b), _ in caches[:-1]] + [network.Layer(W, b, "sigmoid")]
    outputs = [A_prev for (A_prev, _, _), _ in caches[1:]] + [ACTIVATIONS["sigmoid"].forward(Z)]
    grads = network.backward(layers, [(Z, A) for ((_, _, _), Z), A in zip(caches, outputs)], X, Y)
    return {key: value for l, g in enumerate(grads, start=1)
            for key, value in ((f"dZ{l}", g.dZ), (f"dW{l}", g.dW), (f"db{l}", g.db), (f"dA{l - 1}", g.dA_prev))}


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """The notebook's check of ``gradients`` (see the module docstring): the relative difference between them and
    central differences of ``forward_propagation_n``'s J. ``print_msg``: say how the notebook reads it (its line is
    2e-7)."""
    theta, _ = dictionary_to_vector(parameters)
    gradapprox = central_difference(lambda t: forward_propagation_n(X, Y, vector_to_dictionary(t, parameters))[0],
                                    theta, epsilon)
    difference = relative_difference(gradients_to_vector(gradients), gradapprox)
    if print_msg:
        side = "below" if difference <= NOTEBOOK_THRESHOLD else "above"
        print(f"difference = {difference}: {side} the notebook's {NOTEBOOK_THRESHOLD:g}, so it calls the backward "
              f"propagation {'right' if side == 'below' else 'wrong'}")
    return difference


def gradient_check_n_test_case():
    """The notebook's test case: X (4, 3), Y = [1, 1, 0] and a 4-5-3-1 network, all drawn after np.random.seed(1)."""
    rng = np.random.RandomState(1)
    X, Y = rng.randn(4, 3), np.array([1, 1, 0])
    shapes = {"W1": (5, 4), "b1": (5, 1), "W2": (3, 5), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1)}
    return X, Y, {key: rng.randn(*shape) for key, shape in shapes.items()}


@dataclass(frozen=True)
class ChecksCompared:
    """Both checks of the same correct gradients, on the notebook's test case, and the ŷ nearest 1 there."""

    course: float  # gradient_check_n's difference: J from ŷ
    stable: float  # network.gradient_check's: J from z
    y: float  # the label of the example whose ŷ is nearest 1
    y_hat: float  # its ŷ
    digits_kept: float  # how many of 1 - ŷ's digits are right: log10((1 - ŷ) / float64's half-ulp of 1)


@lru_cache(maxsize=1)
def checks_compared(epsilon=1e-7):
    """``ChecksCompared`` at ``epsilon`` (the notebook's 1e-7), computed once per process."""
    X, Y, parameters = gradient_check_n_test_case()
    _, caches = forward_propagation_n(X, Y, parameters)
    course = gradient_check_n(parameters, backward_propagation_n(X, Y, caches), X, Y, epsilon)
    stable = network.gradient_check(layers_of(parameters), X, Y, eps=epsilon)[0]
    AL = L_model_forward(X, parameters)[0].ravel()
    k = int(np.argmax(AL))
    digits_kept = np.log10((1 - AL[k]) / (np.finfo(float).eps / 2))
    return ChecksCompared(course, stable, float(Y[k]), float(AL[k]), float(digits_kept))
