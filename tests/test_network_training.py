"""Networks that learn: the course's week-3 and week-4 functions against the values its exercises publish (more
of them, week by week, in tests/test_course.py), backward against finite differences for every loss and activation,
training, prediction, initialization."""

import numpy as np
import pytest

from mathcore import course, network
from mathcore.datasets import flower
from mathcore.functions import ACTIVATIONS
from mathcore.gradcheck import verdict
from mathcore.judge import Outcome
from mathcore.losses import LOSSES


def test_initialize_parameters_deep_gives_the_exercise_values():
    parameters = course.initialize_parameters_deep([5, 4, 3])
    np.testing.assert_allclose(parameters["W1"], [
        [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
        [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
        [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
        [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068]], atol=5e-9)
    np.testing.assert_allclose(parameters["W2"], [
        [-0.01185047, -0.0020565, 0.01486148, 0.00236716],
        [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
        [-0.00768836, -0.00230031, 0.00745056, 0.01976111]], atol=5e-9)
    assert not parameters["b1"].any() and parameters["b2"].shape == (3, 1)
    np.random.seed(3)  # seed=None: the notebook's own np.random.seed(3) gives the same
    np.testing.assert_allclose(course.initialize_parameters_deep([5, 4, 3], seed=None)["W2"], parameters["W2"])


def test_the_week_3_functions_give_the_exercise_values():
    parameters = course.initialize_parameters(2, 4, 1)
    np.testing.assert_allclose(parameters["W1"], [[-0.00416758, -0.00056267], [-0.02136196, 0.01640271],
                                                  [-0.01793436, -0.00841747], [0.00502881, -0.01245288]], atol=5e-9)
    np.testing.assert_allclose(parameters["W2"], [[-0.01057952, -0.00909008, 0.00551454, 0.02292208]], atol=5e-9)
    assert not parameters["b1"].any() and not parameters["b2"].any()
    np.random.seed(1)  # the exercise's layer_sizes_test_case: X (5, 3), Y (2, 3)
    assert course.layer_sizes(np.random.randn(5, 3), np.random.randn(2, 3)) == (5, 4, 2)


def test_linear_backward_gives_the_exercise_values():
    np.random.seed(1)
    dZ, A, W, b = np.random.randn(1, 2), np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1)
    dA_prev, dW, db = course.linear_backward(dZ, (A, W, b))
    np.testing.assert_allclose(dA_prev, [[0.51822968, -0.19517421], [-0.40506361, 0.15255393],
                                         [2.37496825, -0.89445391]], atol=5e-9)
    np.testing.assert_allclose(dW, [[-0.10076895, 1.40685096, 1.64992505]], atol=5e-9)
    np.testing.assert_allclose(db, [[0.50629448]], atol=5e-9)


@pytest.mark.parametrize("activation, dA_prev, dW, db", [
    ("sigmoid", [[0.11017994, 0.01105339], [0.09466817, 0.00949723], [-0.05743092, -0.00576154]],
     [[0.10266786, 0.09778551, -0.01968084]], [[-0.05729622]]),
    ("relu", [[0.44090989, 0.0], [0.37883606, 0.0], [-0.2298228, 0.0]],
     [[0.44513824, 0.37371418, -0.10478989]], [[-0.20837892]]),
])
def test_linear_activation_backward_gives_the_exercise_values(activation, dA_prev, dW, db):
    np.random.seed(2)
    dA, A, W, b, Z = (np.random.randn(*shape) for shape in ((1, 2), (3, 2), (1, 3), (1, 1), (1, 2)))
    got = course.linear_activation_backward(dA, ((A, W, b), Z), activation)
    for value, expected in zip(got, (dA_prev, dW, db)):
        np.testing.assert_allclose(value, expected, atol=5e-9)


def test_update_parameters_gives_the_exercise_values():
    np.random.seed(2)
    parameters = {k: np.random.randn(*s) for k, s in (("W1", (3, 4)), ("b1", (3, 1)), ("W2", (1, 3)), ("b2", (1, 1)))}
    np.random.seed(3)
    grads = {k: np.random.randn(*s) for k, s in (("dW1", (3, 4)), ("db1", (3, 1)), ("dW2", (1, 3)), ("db2", (1, 1)))}
    updated = course.update_parameters(parameters, grads, 0.1)
    np.testing.assert_allclose(updated["W1"], [[-0.59562069, -0.09991781, -2.14584584, 1.82662008],
                                               [-1.76569676, -0.80627147, 0.51115557, -1.18258802],
                                               [-1.0535704, -0.86128581, 0.68284052, 2.20374577]], atol=5e-9)
    np.testing.assert_allclose(updated["b1"], [[-0.04659241], [-1.28888275], [0.53405496]], atol=5e-9)
    np.testing.assert_allclose(updated["W2"], [[-0.55569196, 0.0354055, 1.32964895]], atol=5e-9)
    np.testing.assert_allclose(updated["b2"], [[-0.84610769]], atol=5e-9)


def problem(hidden, seed=0, scale=1.0):
    rng = np.random.default_rng(seed)
    layers = network.initialize([3, 4, 3, 1], hidden, seed=seed, b_scale=0.1)
    layers = [network.Layer(l.W * scale, l.b, l.activation) for l in layers]
    return layers, rng.normal(size=(3, 7)), rng.integers(0, 2, (1, 7)).astype(float)


@pytest.mark.parametrize("loss", list(LOSSES))
@pytest.mark.parametrize("hidden", list(ACTIVATIONS))
def test_backward_from_dAL_matches_finite_differences_for_every_loss_and_activation(loss, hidden):
    layers, X, Y = problem(hidden)
    difference, _, _ = network.gradient_check(layers, X, Y, loss=loss)
    assert verdict(difference).outcome is Outcome.EQUIVALENT, difference


def test_the_shortcut_dZ_equals_A_minus_Y_is_the_general_route_for_cross_entropy_after_a_sigmoid():
    layers, X, Y = problem("tanh")
    caches = network.forward(layers, X)
    general = network.output_gradient(layers, caches, Y, "cross_entropy", shortcut=False)
    np.testing.assert_allclose(general, caches[-1][1] - Y, rtol=1e-12, atol=1e-14)


def test_a_saturated_network_still_checks_finite():
    layers, X, Y = problem("tanh", scale=200.0)  # |Z[L]| far past 37: A[L] rounds to 0 or 1
    assert np.abs(network.forward(layers, X)[-1][0]).max() > 40
    difference, analytic, numeric = network.gradient_check(layers, X, Y, eps=1e-6)
    assert np.isfinite(difference) and np.all(np.isfinite(numeric)) and np.all(np.isfinite(analytic))


def test_gradient_check_judges_the_learners_own_gradients():
    layers, X, Y = problem("relu")
    right = [(g.dW, g.db) for g in network.backward(layers, network.forward(layers, X), X, Y)]
    assert verdict(network.gradient_check(layers, X, Y, grads=right)[0]).right
    wrong = [(dW * 2, db) for dW, db in right]  # a learner who forgot the 1/2 somewhere
    assert verdict(network.gradient_check(layers, X, Y, grads=wrong)[0]).outcome is Outcome.NOT_EQUIVALENT


@pytest.mark.parametrize("hidden", list(ACTIVATIONS))
def test_every_hidden_activation_record_trains(hidden):
    X, Y = flower()
    layers = network.initialize([2, 6, 1], hidden, seed=1, init="he" if "relu" in hidden else "xavier")
    run = network.train(X, Y, layers, 1.2, 1500, every=50)
    assert run.costs[-1] < 0.65 * run.costs[0]
    assert network.accuracy(run.layers, X, Y) > 0.7  # a line alone gets about half
    assert run.gradient_norms.shape == (len(run.iterations), 2) and np.all(np.diff(run.seconds) >= 0)


def test_the_week_3_model_with_4_tanh_units_reaches_the_courses_accuracy_on_the_flower():
    X, Y = flower()
    parameters = course.nn_model(X, Y, n_h=4, num_iterations=10000)
    assert np.mean(course.predict(parameters, X) == Y) >= 0.88  # the course reports about 90 % on its flower


def test_zeros_keep_every_hidden_unit_identical():
    X, Y = flower()
    run = network.train(X, Y, network.initialize([2, 5, 1], "tanh", init="zeros"), 1.2, 300, every=100)
    W1 = run.layers[0].W
    assert np.allclose(W1, W1[:1]) and network.accuracy(run.layers, X, Y) < 0.7
    assert run.units_identical()
    seeded = network.train(X, Y, network.initialize([2, 5, 1], "tanh", seed=1), 1.2, 300, every=100)
    assert not seeded.units_identical()


def test_snapshots_and_first_reaching():
    X, Y = flower()
    run = network.train(X, Y, network.initialize([2, 4, 1], "tanh", seed=1), 1.2, 200, every=10, snapshots=(0, 100))
    assert [i for i, _ in run.snapshots] == [0, 100]
    iterations, accuracies = run.accuracy_along(X, Y)
    assert iterations == [0, 100] and accuracies == [network.accuracy(layers, X, Y) for _, layers in run.snapshots]
    assert not np.allclose(run.snapshots[0][1][0].W, run.snapshots[1][1][0].W)
    hit = run.first_reaching(run.costs[-1])
    assert hit is not None and hit[0] <= 200 and run.first_reaching(-1.0) is None


def test_a_learning_rate_too_large_stops_training_where_it_diverges_without_a_warning():
    X, Y = flower()
    with np.errstate(all="raise"):
        run = network.train(X, Y, network.initialize([2, 8, 1], "relu", seed=1), 1e6, 200, every=10)
    assert run.diverged is not None and run.diverged < 200 and np.all(np.isfinite(run.costs))
    assert all(np.all(np.isfinite(layer.W)) for layer in run.layers)
