"""The L-layer network: shapes against a real forward pass, vanishing products, linear layers collapsing."""

import numpy as np
import pytest
from sympy.matrices.expressions.matexpr import MatrixElement

from mathcore.gradcheck import central_difference
from mathcore.logistic import forward as logistic_forward
from mathcore.functions import ACTIVATIONS
from mathcore.network import (Layer, derivative_products, forward, initialize, linear_layers_collapse,
                              parameter_count, shape_table, time_per_element)


@pytest.mark.parametrize("layer_dims", [[3, 1], [4, 5, 1], [2, 3, 3, 1], [6, 1, 6, 1]])
@pytest.mark.parametrize("m", [1, 7])
def test_shape_table_matches_an_actual_forward_pass(layer_dims, m):
    layers = initialize(layer_dims, "tanh", seed=1)
    caches = forward(layers, np.random.default_rng(0).normal(size=(layer_dims[0], m)))
    actual = {"X = A[0]": (layer_dims[0], m)}
    for l, ((Z, A), layer) in enumerate(zip(caches, layers), start=1):
        actual.update({f"W[{l}]": layer.W.shape, f"b[{l}]": layer.b.shape, f"Z[{l}]": Z.shape, f"A[{l}]": A.shape})
    table = shape_table(layer_dims, m)
    assert {name: shape for name, shape, _, _ in table} == actual
    assert all(entries == shape[0] * shape[1] for _, shape, entries, _ in table)
    assert parameter_count(layer_dims) == sum(e for _, _, e, is_parameter in table if is_parameter) \
        == sum(layer.W.size + layer.b.size for layer in layers)


def test_one_layer_is_logistic_regression():
    layer = initialize([4, 1], seed=3)[0]
    X = np.random.default_rng(1).normal(size=(4, 9))
    (Z, A), = forward([Layer(layer.W, layer.b + 0.3, "sigmoid")], X)
    Z_course, A_course = logistic_forward(layer.W.T, 0.3, X)  # w = W[1].T
    assert np.allclose(Z, Z_course) and np.allclose(A, A_course)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_each_activation_derivative_against_finite_differences_away_from_the_kink(name):
    g = ACTIVATIONS[name]
    z = np.concatenate([np.linspace(-4, -0.05, 40), np.linspace(0.05, 4, 40)])
    numeric = np.array([central_difference(lambda t: float(g.forward(t[0])), np.array([p]), 1e-6)[0] for p in z])
    assert np.allclose(g.slope(z), numeric, atol=1e-8)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_each_activation_plain_teaching_form_equals_its_sympy_form(name):
    g, z = ACTIVATIONS[name], np.linspace(-20, 20, 401)
    assert np.allclose(g.plain(z), g.forward(z), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("scale", [0.1, 1.0, 5.0])
def test_sigmoid_products_never_beat_the_quarter_bound(scale):
    depth = np.arange(1, 31)
    assert np.all(derivative_products("sigmoid", 30, scale) <= 0.25 ** depth * (1 + 1e-12))


def test_relu_products_average_one_half_per_layer_and_tanh_at_most_one():
    relu = derivative_products("relu", 6, 1.0, n_paths=200_000, seed=4)
    assert np.allclose(relu, 0.5 ** np.arange(1, 7), rtol=0.05)
    assert np.all(np.diff(derivative_products("tanh", 20, 2.0)) <= 0)


def test_products_are_kept_per_process_and_cannot_be_changed_by_a_caller():
    """The activation page asks for all five on every rerun (20,000 paths each): the second ask is the first
    answer, read-only, and equal to a fresh computation."""
    first = derivative_products("sigmoid", 12, 1.5, 20_000)
    assert derivative_products("sigmoid", 12, 1.5, 20_000) is first
    with pytest.raises(ValueError):
        first[0] = 1.0
    fresh = derivative_products.__wrapped__("sigmoid", 12, 1.5, 20_000)
    assert np.array_equal(first, fresh)


def test_two_linear_layers_collapse_to_one():
    collapsed = linear_layers_collapse(3, 4, 2)
    assert collapsed["proved"] and collapsed["W"].shape == (2, 3) and collapsed["b"].shape == (2, 1)
    rng = np.random.default_rng(2)
    entries = collapsed["two_layers"].atoms(MatrixElement)  # W1[j, k], b1[j, 0], x[k, 0], ...
    values = {e: rng.normal() for e in entries}
    two = np.array(collapsed["two_layers"].subs(values), dtype=float)
    one = np.array((collapsed["W"] * collapsed["x"] + collapsed["b"]).subs(values), dtype=float)
    assert np.allclose(two, one)


def test_timing_runs_and_is_positive():
    assert time_per_element("sigmoid", n=10_000, repeat=2) > 0 and time_per_element("relu", n=10_000, repeat=2) > 0


def test_the_gradient_check_names_the_worst_parameter():
    """#19: "the worst is parameter 13" said nothing; the name comes from the same flattening as θ."""
    from mathcore.network import backward, forward, gradient_check, initialize, parameter_names

    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(3, 6)), rng.integers(0, 2, (1, 6)).astype(float)
    layers = initialize([3, 4, 2, 1], "tanh", seed=1, b_scale=0.1)
    grads = [(g.dW.copy(), g.db.copy()) for g in backward(layers, forward(layers, X), X, Y)]
    grads[1][0][1, 3] += 0.5  # a learner's dW[2] wrong in one entry
    _, analytic, numeric = gradient_check(layers, X, Y, grads=grads)
    names = parameter_names(layers)
    assert len(names) == analytic.size == 3 * 4 + 4 + 4 * 2 + 2 + 2 * 1 + 1
    assert names[int(np.argmax(np.abs(analytic - numeric)))] == "W[2][1, 3]"
