"""What the course's weeks share: its parameters dict as ``mathcore.network``'s Layer records and back, its cost
formula on ŷ = A[L], its update, and the warning those formulas give where ŷ is exactly 0 or 1.

Shapes: X (n_x, m)   Y (n[L], m)   W[l] (n[l], n[l-1])   b[l] (n[l], 1)   parameters {"W1", "b1", ..., "WL", "bL"}
"""

import warnings
from contextlib import contextmanager

import numpy as np

from mathcore import network
from mathcore.losses import CROSS_ENTROPY


class SaturatedOutputWarning(UserWarning):
    """Some ŷ = A[L] is exactly 0 or 1 in floating point, and a course formula takes log ŷ, log(1 − ŷ), or divides
    by ŷ or 1 − ŷ there: its result is NaN or inf. (A UserWarning, not a RuntimeWarning: it names the cause and the
    stable function to use instead, where NumPy's own warnings only say "divide by zero".)"""


@contextmanager
def saturation_warned(AL, function, instead):
    """Run a course formula on ``AL``: warn once, by name, if some ŷ is exactly 0 or 1, and keep NumPy's own
    divide-by-zero and invalid-value warnings quiet (this one says more)."""
    k = int(np.count_nonzero((AL == 0) | (AL == 1)))
    if k:
        warnings.warn(f"{function}: ŷ = A[L] is exactly 0 or 1 in floating point in {k} of {np.size(AL)} entries "
                      f"(σ(z) rounds to 1 once z > 36.7, and to 0 below z = −745), so the course's formula takes "
                      f"log 0 or divides by 0 there and gives NaN or inf. {instead} works from Z[L] and stays finite.",
                      SaturatedOutputWarning, stacklevel=4)
    with np.errstate(divide="ignore", invalid="ignore"):
        yield


def layers_of(parameters, hidden="relu"):
    """The parameters dict as a list of Layer records: hidden activation ``hidden``, sigmoid output."""
    L = len(parameters) // 2
    return [network.Layer(parameters[f"W{l}"], parameters[f"b{l}"], "sigmoid" if l == L else hidden)
            for l in range(1, L + 1)]


def parameters_of(layers):
    """A list of Layer records as the course's parameters dict."""
    return {key: value for l, layer in enumerate(layers, start=1)
            for key, value in ((f"W{l}", layer.W), (f"b{l}", layer.b))}


def compute_cost(AL, Y):
    """J = -(1/m) sum (Y log AL + (1 - Y) log(1 - AL)), a float: the course's formula on ŷ = A[L], as weeks 3 and 4
    and the gradient-checking notebook write it (1/m times the sum, which they all round alike). With several output
    rows the sum runs over them too, as ``network.cost``. Warns (``SaturatedOutputWarning``) where some ŷ is 0 or 1.

    >>> compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))  # week 4's exercise
    0.2797765635793422
    """
    with saturation_warned(AL, "compute_cost", "mathcore.losses.cross_entropy_of_z(Z[L], Y) (as network.cost)"):
        return float((1 / AL.shape[1]) * np.sum(CROSS_ENTROPY.plain(AL, Y)))


def update_parameters(parameters, grads, learning_rate):
    """W[l] := W[l] - alpha dW[l], b[l] := b[l] - alpha db[l]: a new parameters dict."""
    layers = layers_of(parameters)
    steps = [network.Gradients(None, grads[f"dW{l}"], grads[f"db{l}"], None) for l in range(1, len(layers) + 1)]
    return parameters_of(network.update(layers, steps, learning_rate))


def descend(X, Y, layers, learning_rate, num_iterations, print_cost, every):
    """The course's loop over ``network.train``: (parameters, the costs J at iterations 0, every, 2 every, ... below
    num_iterations, each before that iteration's step, as its ``costs`` list holds them), printing them if asked."""
    run = network.train(X, Y, layers, learning_rate, num_iterations, every=every)
    costs = [float(J) for i, J in zip(run.iterations, run.costs) if i < num_iterations]
    if print_cost:
        for i, J in zip(run.iterations, costs):
            print(f"Cost after iteration {i}: {J}")
    return parameters_of(run.layers), costs
