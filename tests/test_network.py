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


# #35: training and the cost at their edges

def test_training_from_a_start_already_past_diverged_stops_at_once_and_says_why():
    """It raised "ValueError: not enough values to unpack": no iteration was recorded."""
    from mathcore.datasets import flower
    from mathcore.network import DIVERGED, train

    X, Y = flower()
    start = [Layer(layer.W * 10 * DIVERGED, layer.b, layer.activation) for layer in initialize([2, 4, 1], "tanh")]
    run = train(X, Y, start, 0.1, 10)
    assert run.diverged == 0 and run.layers is start and run.reason.startswith("The starting weights are already")
    assert run.costs.size == run.iterations.size == run.seconds.size == 0 and run.gradient_norms.shape == (0, 2)
    assert run.first_reaching(1.0) is None


def test_an_input_near_1e160_records_finite_gradient_norms_then_stops():
    """||dW[1]|| of a finite dW near 1e160 is near 1e160, not the inf of a sum of squares that overflowed."""
    from mathcore.datasets import flower
    from mathcore.network import backward, train

    X, Y = flower()
    X = X * 1e160
    layers = initialize([2, 4, 1], "relu", seed=1)
    with np.errstate(all="raise"):
        run = train(X, Y, layers, 0.1, 10, every=1)
    assert np.all(np.isfinite(run.gradient_norms)) and np.all(np.isfinite(run.costs))
    dW = [g.dW for g in backward(layers, forward(layers, X), X, Y)]
    expected = [1e160 * np.sqrt(np.sum((d / 1e160) ** 2)) for d in dW]  # scaled by hand
    np.testing.assert_allclose(run.gradient_norms[0], expected, rtol=1e-12)
    assert run.diverged == 1 and "1e+30" in run.reason  # the first step sent W past DIVERGED


@pytest.mark.parametrize("n_y", [1, 2, 3])
def test_the_cost_and_backward_agree_for_any_number_of_output_units(n_y):
    """With Y (2, m) the cost averaged over n[L]·m entries while backward differentiated a mean over m: the
    check read correct gradients as (n[L] − 1)/(n[L] + 1) = 0.333."""
    from mathcore.network import backward, cost, gradient_check

    rng = np.random.default_rng(n_y)
    X, Y = rng.normal(size=(3, 7)), rng.integers(0, 2, (n_y, 7)).astype(float)
    layers = initialize([3, 4, n_y], "tanh", seed=1, b_scale=0.1)
    assert gradient_check(layers, X, Y)[0] < 1e-7
    # J is the sum of the units' own costs, and each unit's row of dW[L] is its own network's
    units = [layers[:-1] + [Layer(layers[-1].W[k:k + 1], layers[-1].b[k:k + 1], "sigmoid")] for k in range(n_y)]
    assert cost(layers, forward(layers, X), Y) == pytest.approx(
        sum(cost(unit, forward(unit, X), Y[k:k + 1]) for k, unit in enumerate(units)), rel=1e-12)
    dW = backward(layers, forward(layers, X), X, Y)[-1].dW
    for k, unit in enumerate(units):
        np.testing.assert_allclose(backward(unit, forward(unit, X), X, Y[k:k + 1])[-1].dW, dW[k:k + 1], rtol=1e-12)


def test_squared_error_after_a_sigmoid_is_right_to_1e_12_for_every_z():
    """It computed σ(z) − 1 for y = 1: 2e-3 off at z = 30, exactly 0 from z = 37. Against mpmath at 400 digits (1 − σ
    at z = 350 needs 150 of them), for every z whose loss float64 holds as a normal number (|z| < 354)."""
    import mpmath

    from mathcore.losses import LOSSES

    z = np.concatenate([np.linspace(-353, 353, 1413), [-37.0, -36.7, 25.0, 30.0, 36.7, 37.0, 40.0]])
    with mpmath.workdps(400):
        for y in (0.0, 1.0):
            exact = [float((1 / (1 + mpmath.exp(-mpmath.mpf(t))) - y) ** 2 / 2) for t in z]
            np.testing.assert_allclose(LOSSES["squared_error"].of_z(z, y), exact, rtol=1e-12, atol=0)


@pytest.mark.parametrize("key", ["cross_entropy", "squared_error"])
def test_each_loss_records_dz_is_the_general_route_and_squared_errors_is_right_in_the_tails(key):
    """dZ[L] from z (the record's dz) against dL/da · σ'(z) from SymPy's derivatives, where both are accurate; and
    squared error's against mpmath where a rounds to 1 (the general route is 0 there, or 1e-3 off)."""
    import mpmath

    from mathcore.losses import LOSSES

    loss, sigmoid = LOSSES[key], ACTIVATIONS["sigmoid"]
    z = np.linspace(-10, 10, 201)
    for y in (0.0, 1.0):
        np.testing.assert_allclose(loss.dz(z, y), loss.slope(sigmoid.forward(z), y) * sigmoid.slope(z), rtol=1e-9)
    if key == "squared_error":
        z = np.array([25.0, 30.0, 37.0, 60.0, 300.0])
        with mpmath.workdps(400):
            s = [1 / (1 + mpmath.exp(-mpmath.mpf(t))) for t in z]
            exact = [float((a - 1) * a * (1 - a)) for a in s]
        np.testing.assert_allclose(loss.dz(z, 1.0), exact, rtol=1e-12)


@pytest.mark.parametrize("z", [25.0, 30.0, 37.0, 60.0])
def test_the_check_passes_correct_gradients_of_a_saturated_squared_error_output(z):
    """Every example at ŷ ≈ 1 for y = 1: the check read correct gradients as 1.0 from z = 25. The cost and dZ[L] now
    come from z, without 1 − σ(z)."""
    from mathcore.network import gradient_check

    X = np.random.default_rng(0).uniform(0.5, 1.5, size=(3, 6))
    layers = [Layer(np.full((1, 3), z / 3 / X.mean()), np.zeros((1, 1)), "sigmoid")]
    assert gradient_check(layers, X, np.ones((1, 6)), loss="squared_error")[0] < 1e-7
