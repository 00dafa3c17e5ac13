"""Course 1, week 4: "Building your Deep Neural Network: Step by Step" and "Deep Neural Network - Application", by
the notebooks' names.

[LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID; parameters {"W1", "b1", ..., "WL", "bL"}, one cache per layer
((A_prev, W, b), Z), grads {"dA{l-1}", "dW{l}", "db{l}"}. Seeds as the notebooks: ``initialize_parameters`` draws
randn * 0.01 after ``np.random.seed(1)``, ``initialize_parameters_deep`` after ``np.random.seed(3)``; the
application's ``two_layer_model`` starts from the former's draw and ``L_layer_model`` from its own helper's,
randn / sqrt(n[l-1]) after ``np.random.seed(1)``. Each function is a thin translation to and from the list of
``Layer`` records; the math is in ``mathcore.network`` and ``mathcore.layer``.

Shapes: X (n_x, m)   Y (1, m)   W[l] (n[l], n[l-1])   b[l] (n[l], 1)   Z[l], A[l] (n[l], m)

>>> initialize_parameters(3, 2, 1)["W2"].round(8).tolist()  # the notebook's values
[[0.01744812, -0.00761207]]
"""

import numpy as np

from mathcore import layer as _layer
from mathcore import network
from mathcore.course.shared import (compute_cost, descend, layers_of, parameters_of, saturation_warned,
                                    update_parameters)
from mathcore.functions import ACTIVATIONS
from mathcore.losses import LOSSES

__all__ = ["initialize_parameters", "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
           "L_model_forward", "compute_cost", "linear_backward", "linear_activation_backward", "L_model_backward",
           "update_parameters", "two_layer_model", "L_layer_model", "predict"]


def initialize_parameters(n_x, n_h, n_y, seed=1):
    """The two-layer network's W1 (n_h, n_x), b1, W2 (n_y, n_h), b2: randn * 0.01 and zeros, drawn after
    ``np.random.seed(seed)`` (the notebook's 1; week 3's seeds with 2)."""
    return initialize_parameters_deep([n_x, n_h, n_y], seed)


def initialize_parameters_deep(layer_dims, seed=3):
    """W[l] = randn(n[l], n[l-1]) * 0.01, b[l] = 0, drawn after ``np.random.seed(seed)`` as the exercise does
    (it seeds with 3); ``seed=None`` draws from NumPy's global state, for a notebook that seeds it itself."""
    return parameters_of(network.initialize(layer_dims, seed=seed, init="course"))


def linear_forward(A, W, b):
    """Z = W A + b, and the cache (A, W, b)."""
    return _layer.linear_forward(A, W, b), (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """A = g(Z) for the activation's key ("sigmoid", "relu", ...), and the cache ((A_prev, W, b), Z)."""
    Z, linear_cache = linear_forward(A_prev, W, b)
    return ACTIVATIONS[activation].forward(Z), (linear_cache, Z)


def L_model_forward(X, parameters, hidden="relu"):
    """A[L] and the list of caches, [LINEAR -> hidden] * (L - 1) -> LINEAR -> SIGMOID."""
    caches, A = [], X
    for layer in layers_of(parameters, hidden):
        A, cache = linear_activation_forward(A, layer.W, layer.b, layer.activation)
        caches.append(cache)
    return A, caches


def linear_backward(dZ, cache):
    """dA_prev = W.T dZ, dW = (1/m) dZ A_prev.T, db = (1/m) sum_i dZ, from the cache (A_prev, W, b)."""
    A_prev, W, b = cache
    dW, db = _layer.linear_backward(dZ, A_prev)
    return W.T @ dZ, dW, db


def linear_activation_backward(dA, cache, activation):
    """dZ = dA * g'(Z), then ``linear_backward``: (dA_prev, dW, db)."""
    linear_cache, Z = cache
    return linear_backward(dA * ACTIVATIONS[activation].slope(Z), linear_cache)


def L_model_backward(AL, Y, caches, hidden="relu", loss="cross_entropy"):
    """grads "dA{l-1}", "dW{l}", "db{l}" for every layer, from dAL = dL/dA[L] of the loss (as the course does:
    dAL = -(Y/AL - (1 - Y)/(1 - AL)) for cross-entropy), then back through sigmoid and the hidden layers.

    The course's formula, kept on purpose: where some ŷ = A[L] is exactly 0 or 1 it divides by 0 and the grads are
    NaN; it warns then (``SaturatedOutputWarning``), naming ``network.backward``, whose dZ[L] = A[L] - Y is finite.
    """
    grads, L = {}, len(caches)
    Y = Y.reshape(AL.shape)
    with saturation_warned(AL, "L_model_backward", "mathcore.network.backward (dZ[L] = A[L] − Y)"):
        dA = LOSSES[loss].slope(AL, Y)
        for l in reversed(range(1, L + 1)):
            dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1],
                                                                               "sigmoid" if l == L else hidden)
            grads[f"dA{l - 1}"] = dA
    return grads


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """The application's LINEAR -> RELU -> LINEAR -> SIGMOID model, from ``initialize_parameters`` (seed 1):
    (parameters, the cost before iterations 0, 100, 200, ...), the costs printed if asked."""
    layers = layers_of(initialize_parameters(*layers_dims))
    return descend(X, Y, layers, learning_rate, num_iterations, print_cost, every=100)


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """The application's L-layer model, [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID, started as its helper
    draws (randn / sqrt(n[l-1]) after ``np.random.seed(1)``: Xavier's scale): (parameters, the cost before
    iterations 0, 100, 200, ...), the costs printed if asked."""
    layers = network.initialize(list(layers_dims), "relu", seed=1, init="xavier", course_rng=True)
    return descend(X, Y, layers, learning_rate, num_iterations, print_cost, every=100)


def predict(X, y, parameters):
    """The application's predict: p (1, m) of 0.0 and 1.0, 1 where A[L] > 0.5; prints the accuracy against y."""
    p = (L_model_forward(X, parameters)[0] > 0.5).astype(float)
    print(f"Accuracy: {np.mean(p == y)}")
    return p
