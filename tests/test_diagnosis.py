"""The gradient chart's caption reads the whole run: real networks (small, few iterations) for each case, their
reading, and sentences that are true of the charts and suggest only settings not already chosen."""

import re

import numpy as np
import pytest

import charts
from mathcore import datasets, network
from mathcore.diagnosis import Reading, VANISHES, diagnose, start_ratio
from mathcore.functions import ACTIVATIONS
from mathcore.network import INITIALIZATIONS, Layer
from ui.training import gradient_caption, snapshot_iterations


def case(key, hidden_dims, hidden, init, alpha=1.2, iterations=200, every=10):
    """(run, diagnosis, caption) for the training page's settings, trained here (few iterations)."""
    d = datasets.two_class(key)
    layers = network.initialize([d.X_train.shape[0], *hidden_dims, 1], hidden, seed=1, init=init)
    run = network.train(d.X_train, d.Y_train, layers, alpha, iterations, every=every,
                        snapshots=snapshot_iterations(iterations))
    reading = diagnose(run, d.X_train)
    caption = gradient_caption(reading, hidden, init, len(hidden_dims), lower_alpha=alpha > 0.01)
    check_against_the_charts(run, reading, caption, hidden, init, len(hidden_dims))
    return run, reading, caption


def check_against_the_charts(run, reading, caption, hidden, init, depth):
    """What every caption must be: its numbers are the run's, it says in words exactly the ||dW[l]|| that are 0
    (which the chart leaves out: no 0 and no 1e-300 on its log scale), and it names no chosen setting."""
    if run.costs.size:
        assert f"The cost J goes from {run.costs[0]:.4f} to {run.costs[-1]:.4f}." in caption or reading.diverged
    if reading.largest > 0:
        values = [row["y"] for row in charts.gradient_norms(run.iterations, run.gradient_norms).to_dict()["datasets"]
                  .popitem()[1]]
        assert all(v is None or v > 0 for v in values) and (None in values) == bool(reading.zeros)
    said_zero = {int(l) for sentence in re.findall(r"[^.]*exactly 0[^.]*\.", caption)
                 for l in re.findall(r"‖dW\[(\d)\]‖", sentence)}
    if reading.largest > 0:
        assert said_zero == {l for l in range(1, run.gradient_norms.shape[1] + 1)
                             if (run.gradient_norms[:, l - 1] == 0).any()}
    else:
        assert "Every ‖dW[l]‖ is exactly 0 at every iteration, so there is no chart of them" in caption
    assert "1e-300" not in caption
    assert f"hidden activation “{ACTIVATIONS[hidden].name}”" not in caption
    assert f"initialization “{INITIALIZATIONS[init].name}”" not in caption
    assert f"hidden layers “{depth}”" not in caption


@pytest.mark.parametrize("hidden", ["relu", "tanh"])
def test_a_small_start_learns_nothing_and_says_why(hidden):
    """The course's randn × 0.01 with three hidden layers: every ||dW[l]|| about 1e-6, J stays near 0.69."""
    run, reading, caption = case("flower", [4, 4, 4], hidden, "course")
    assert reading.reading is Reading.TINY and reading.largest < 1e-5 and reading.small_start
    assert caption.startswith(f"Every ‖dW[l]‖ stays below 1e-04 (the largest is {reading.largest:.2g}): almost "
                              "nothing learns. The network sits near its symmetric start W = 0")
    assert "usable" not in caption and "vanish" not in caption  # the old caption read a ratio of 16 as usable
    assert "To get it learning, try initialization “" in caption and "fewer “hidden layers”" in caption


def test_the_sigmoid_from_a_small_start_vanishes_across_depth():
    run, reading, caption = case("flower", [4, 4, 4], "sigmoid", "course")
    assert reading.reading is Reading.VANISHING and reading.ratio < 1e-5
    assert caption.startswith(f"At the start, ‖dW[1]‖ / ‖dW[L]‖ = {reading.ratio:.2g}: far below 1, the gradient "
                              "vanishes on its way back")
    assert "To keep the gradient, try initialization “Xavier: randn × √(1/n[l−1])”" in caption


def test_a_diverging_run_explodes():
    run, reading, caption = case("digits", [8, 8, 8], "leaky_relu", "he", alpha=2.4, iterations=20, every=1)
    assert reading.reading is Reading.EXPLODING and run.diverged == 7
    assert caption == (f"Training diverged at iteration 7 (the warning above): the weights and their gradients grew "
                       f"until the numbers overflowed, so the charts end at iteration {run.iterations[-1]}, the last "
                       f"one recorded.")
    assert run.gradient_norms[-1].max() > 1e3 * run.gradient_norms[0].max()  # what the chart shows: it grew


def test_a_gradient_that_grows_on_its_way_back_explodes():
    """A network built by hand (the page's starts do not do this): a tiny last hidden layer makes dW[L] small, huge
    output weights make every gradient below it large."""
    d = datasets.two_class("flower")
    rng = np.random.default_rng(0)
    layers = [Layer(rng.normal(size=(4, 2)), np.zeros((4, 1)), "tanh"),
              Layer(rng.normal(size=(4, 4)) * 1e-3, np.zeros((4, 1)), "tanh"),
              Layer(rng.normal(size=(1, 4)) * 1e3, np.zeros((1, 1)), "sigmoid")]
    run = network.train(d.X_train, d.Y_train, layers, 0.01, 20, every=1, snapshots=(0,))
    reading = diagnose(run, d.X_train)
    assert reading.reading is Reading.EXPLODING and reading.diverged is None and reading.ratio > 100
    caption = gradient_caption(reading, "tanh", "xavier", 2, lower_alpha=False)
    assert caption.startswith(f"At the start, ‖dW[1]‖ / ‖dW[L]‖ = {reading.ratio:.2g}: far above 1, the gradient "
                              "grows on its way back")


def test_zeros_keep_every_unit_identical_and_the_caption_says_the_zeros_in_words():
    run, reading, caption = case("flower", [4, 4, 4], "tanh", "zeros")
    assert reading.reading is Reading.SYMMETRIC and reading.largest == 0
    assert caption.startswith("From zeros, the units of each hidden layer compute the same value and get the same "
                              "gradient at every step, so they stay identical")
    assert "Every ‖dW[l]‖ is exactly 0 at every iteration, so there is no chart of them (a log scale has no 0)." \
           in caption
    assert "learns far more slowly than the last" not in caption  # the old caption, said of a last layer at 0 too
    trained, sigmoid, said = case("flower", [4, 4, 4], "sigmoid", "zeros")
    assert sigmoid.reading is Reading.SYMMETRIC and sigmoid.largest > 0
    assert all(trained.units_identical(l) for l in (1, 2, 3))  # "they stay identical"
    assert f"In the hidden layers ‖dW[l]‖ is at most {trained.gradient_norms[:, :3].max():.2g}." in said
    assert "‖dW[1]‖, ‖dW[2]‖ and ‖dW[3]‖ are exactly 0 at 1 of the 21 recorded iterations, which their lines skip" \
           in said


def test_dead_relus_are_counted():
    run, reading, caption = case("flower", [4, 4, 4], "relu", "he")
    assert reading.reading is Reading.DEAD and reading.dead == ((0, 4), (4, 4), (2, 4))
    assert caption.startswith("6 of the 12 hidden units are dead at the end (layer 1: 0 of 4, layer 2: 4 of 4, "
                              "layer 3: 2 of 4): their g′(z) is 0 on every example, so no gradient passes through "
                              "them. Layer 2 has no live unit left, so it and every layer below it get no gradient.")
    assert "‖dW[1]‖, ‖dW[2]‖ and ‖dW[3]‖ are exactly 0 from iteration 150 on, where their lines stop" in caption
    assert caption.endswith("To keep units alive, try a lower “learning rate α” or hidden activation "
                            "“leaky ReLU (α = 0.01)”.")
    assert np.all(run.gradient_norms[run.iterations >= 150, :3] == 0)  # what the sentence says


def test_a_healthy_run_suggests_only_what_is_not_chosen():
    run, reading, caption = case("flower", [4], "tanh", "xavier", iterations=300)
    assert reading.reading is Reading.HEALTHY and 0.01 < reading.ratio < 100
    assert caption.endswith("To see it vanish, try hidden activation “sigmoid”, hidden layers “3” and initialization "
                            "“the course's randn × 0.01”.")
    _run, _reading, sigmoid = case("flower", [4], "sigmoid", "course", iterations=300)
    assert sigmoid.endswith("To see it vanish, try hidden layers “3”.")


@pytest.mark.parametrize("key", list(datasets.TWO_CLASS))
def test_the_suggested_way_to_see_it_vanish_does_at_every_width(key):
    """The sigmoid, three hidden layers and the course's start: the gradient vanishes, whatever the data set and the
    units per layer (the suggestion names the missing parts, so this is what it leads to)."""
    d = datasets.two_class(key)
    for units in range(1, 9):
        layers = network.initialize([d.X_train.shape[0], units, units, units, 1], "sigmoid", seed=1, init="course")
        run = network.train(d.X_train, d.Y_train, layers, 1.2, 0)
        assert start_ratio(run.gradient_norms) < VANISHES, units


def test_the_chart_leaves_zeros_out_instead_of_drawing_them_at_1e_300():
    norms = np.array([[1e-3, 0.0], [1e-4, 0.0], [0.0, 2e-2], [1e-3, 3e-2]])
    spec = charts.gradient_norms(np.array([0, 10, 20, 30]), norms).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [row["y"] for row in rows] == [1e-3, 1e-4, None, 1e-3, None, None, 2e-2, 3e-2]
    assert spec["mark"]["invalid"] == "break-paths-filter-domains"  # the line breaks at a gap, never drops to 0


def test_a_run_that_stopped_at_once_is_a_dot():
    spec = charts.curves({"network": ([0], [0.7]), "logistic regression": ([0, 10], [0.7, 0.6])}, "iteration",
                         "cost J").to_dict()
    line, dots = spec["layer"]
    assert spec["datasets"][dots["data"]["name"]] == [{"x": 0.0, "y": 0.7, "series": "network"}]
