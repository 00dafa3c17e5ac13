"""Course 1, week 3: "Planar data classification with one hidden layer", by the notebook's names.

One hidden layer of n_h tanh units and a sigmoid output; parameters {"W1", "b1", "W2", "b2"}, the cache
{"Z1", "A1", "Z2", "A2"}. As the notebook: ``initialize_parameters`` draws after ``np.random.seed(2)``, ``nn_model``
after ``np.random.seed(3)``, and the learning rate is 1.2.

Shapes: X (n_x, m)   Y (n_y, m)   W1 (n_h, n_x)   b1 (n_h, 1)   W2 (n_y, n_h)   b2 (n_y, 1)
    Z1 = W1 X + b1,   A1 = tanh(Z1),   Z2 = W2 A1 + b2,   A2 = sigmoid(Z2)
    dZ2 = A2 - Y,   dW2 = (1/m) dZ2 A1.T,   db2 = (1/m) sum_i dZ2
    dZ1 = W2.T dZ2 * (1 - A1^2),   dW1 = (1/m) dZ1 X.T,   db1 = (1/m) sum_i dZ1

>>> initialize_parameters(2, 4, 1)["W2"].round(8).tolist()  # the notebook's values
[[-0.01057952, -0.00909008, 0.00551454, 0.02292208]]
"""

import numpy as np

from mathcore import layer as _layer
from mathcore import network
from mathcore.course.shared import compute_cost, descend, layers_of, parameters_of
from mathcore.course.shared import update_parameters as _update_parameters

__all__ = ["layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost", "backward_propagation",
           "update_parameters", "nn_model", "predict"]


def layer_sizes(X, Y):
    """(n_x, n_h, n_y): the input's size, the hidden layer's (4, as the exercise fixes it), the output's."""
    return X.shape[0], 4, Y.shape[0]


def initialize_parameters(n_x, n_h, n_y, seed=2):
    """W1 (n_h, n_x), b1, W2 (n_y, n_h), b2: randn * 0.01 and zeros, drawn after ``np.random.seed(seed)`` (the
    notebook's 2; ``seed=None``: NumPy's global state, for a notebook that seeds it itself)."""
    return parameters_of(network.initialize([n_x, n_h, n_y], "tanh", seed=seed, init="course"))


def forward_propagation(X, parameters):
    """A2 (n_y, m) and the cache {"Z1", "A1", "Z2", "A2"}: LINEAR -> TANH -> LINEAR -> SIGMOID."""
    (Z1, A1), (Z2, A2) = network.forward(layers_of(parameters, "tanh"), X)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def backward_propagation(parameters, cache, X, Y):
    """grads {"dW1", "db1", "dW2", "db2"} from the cache, as the notebook writes it: tanh's slope from the cached A1,
    1 - A1^2 (which is tanh'(Z1) when A1 = tanh(Z1); the exercise's test cache has an A1 that is not, and its
    expected dW1 follows A1)."""
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2, db2 = _layer.linear_backward(dZ2, A1)
    dZ1 = parameters["W2"].T @ dZ2 * (1 - np.power(A1, 2))
    dW1, db1 = _layer.linear_backward(dZ1, X)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate=1.2):
    """W := W - alpha dW, b := b - alpha db for both layers, alpha = 1.2 unless given: a new parameters dict."""
    return _update_parameters(parameters, grads, learning_rate)


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """The week's model: n_h tanh units started as ``initialize_parameters`` draws them after
    ``np.random.seed(3)`` (as the notebook's nn_model seeds), then ``num_iterations`` steps of gradient descent at
    alpha = 1.2 (the cost printed every 1000 if asked); returns the parameters."""
    n_x, _, n_y = layer_sizes(X, Y)
    layers = network.initialize([n_x, n_h, n_y], "tanh", seed=3, init="course")
    return descend(X, Y, layers, 1.2, num_iterations, print_cost, every=1000)[0]


def predict(parameters, X):
    """predictions (n_y, m), booleans as the notebook's: A2 > 0.5."""
    return forward_propagation(X, parameters)[0] > 0.5
