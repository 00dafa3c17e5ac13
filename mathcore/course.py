"""The course's own interface, as its week-3 and week-4 notebooks call it, over ``mathcore.network``'s records.

A learner can call these the way their notebook does: parameters in a dict under "W1", "b1", ..., caches as the
course builds them ((A_prev, W, b), Z), gradients under "dA0", "dW1", "db1", .... Each function is a thin
translation to and from the list of ``Layer`` records; the math is in ``mathcore.network`` and ``mathcore.layer``.

Shapes: X (n_x, m)   Y (1, m)   W[l] (n[l], n[l-1])   b[l] (n[l], 1)

>>> parameters = initialize_parameters_deep([5, 4, 3])  # the exercise's values: it seeds with 3
>>> parameters["W1"][0].round(8).tolist()
[0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388]
"""

import numpy as np

from mathcore import layer as _layer
from mathcore import network
from mathcore.functions import ACTIVATIONS
from mathcore.losses import LOSSES


def layers_of(parameters, hidden="relu"):
    """The parameters dict as a list of Layer records: hidden activation ``hidden``, sigmoid output."""
    L = len(parameters) // 2
    return [network.Layer(parameters[f"W{l}"], parameters[f"b{l}"], "sigmoid" if l == L else hidden)
            for l in range(1, L + 1)]


def parameters_of(layers):
    """A list of Layer records as the course's parameters dict."""
    return {key: value for l, layer in enumerate(layers, start=1)
            for key, value in ((f"W{l}", layer.W), (f"b{l}", layer.b))}


def layer_sizes(X, Y, n_h=4):
    """(n_x, n_h, n_y): the input's size, the hidden layer's (4 in the week-3 exercise), the output's."""
    return X.shape[0], n_h, Y.shape[0]


def initialize_parameters(n_x, n_h, n_y, seed=2):
    """The week-3 network's W1 (n_h, n_x), b1, W2 (n_y, n_h), b2: randn * 0.01 and zeros, after
    ``np.random.seed(seed)`` as that exercise does (it seeds with 2)."""
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


def compute_cost(AL, Y, loss="cross_entropy"):
    """J = (1/m) sum_i L(AL_i, Y_i), the plain form on A[L] as the course writes it."""
    return float(np.mean(LOSSES[loss].plain(AL, Y)))


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
    dAL = -(Y/AL - (1 - Y)/(1 - AL)) for cross-entropy), then back through sigmoid and the hidden layers."""
    grads, L = {}, len(caches)
    Y = Y.reshape(AL.shape)
    dA = LOSSES[loss].slope(AL, Y)
    for l in reversed(range(1, L + 1)):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1],
                                                                           "sigmoid" if l == L else hidden)
        grads[f"dA{l - 1}"] = dA
    return grads


def update_parameters(parameters, grads, learning_rate):
    """W[l] := W[l] - alpha dW[l], b[l] := b[l] - alpha db[l]: a new parameters dict."""
    layers = layers_of(parameters)
    steps = [network.Gradients(None, grads[f"dW{l}"], grads[f"db{l}"], None) for l in range(1, len(layers) + 1)]
    return parameters_of(network.update(layers, steps, learning_rate))


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False, hidden="relu",
                  seed=1, init="course"):
    """The week-4 model: initialize, then gradient descent; returns (parameters, costs every 100 iterations)."""
    layers = network.initialize(layers_dims, hidden, seed=seed, init=init)
    run = network.train(X, Y, layers, learning_rate, num_iterations, every=100)
    if print_cost:
        for i, J in zip(run.iterations, run.costs):
            print(f"Cost after iteration {i}: {J}")
    return parameters_of(run.layers), list(run.costs)


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False, learning_rate=1.2, seed=2, init="course"):
    """The week-3 model: one hidden tanh layer of ``n_h`` units, a sigmoid output, started from
    ``initialize_parameters`` (seed 2, as the exercise's); returns its parameters."""
    n_x, _, n_y = layer_sizes(X, Y, n_h)
    return L_layer_model(X, Y, [n_x, n_h, n_y], learning_rate, num_iterations, print_cost, "tanh", seed, init)[0]


def predict(parameters, X, hidden="tanh"):
    """The week-3 predict(parameters, X): 1 where A[L] > 0.5, else 0 (hidden tanh, as that exercise's network)."""
    return network.predict(layers_of(parameters, hidden), X)
