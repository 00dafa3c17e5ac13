"""The computation graph: backprop, SymPy and finite differences agree at every node."""

import itertools

import numpy as np
import pytest

from charts import computation_graph
from mathcore.graph import LEAF_RANGE, NODES, forward_backward
from mathcore.functions import sigmoid_numpy


def random_values(seed):
    rng = np.random.default_rng(seed)
    values = {name: float(rng.uniform(-2, 2)) for name in ("x1", "w1", "x2", "w2", "b")}
    return {**values, "y": float(rng.integers(0, 2))}


@pytest.mark.parametrize("loss", ["cross_entropy", "squared_error"])
@pytest.mark.parametrize("seed", range(5))
def test_every_node_gradient_agrees_three_ways(loss, seed):
    nodes, _ = forward_backward(random_values(seed), loss)
    assert [n.symbol for n in nodes] == list(NODES)
    for n in nodes:
        assert n.backprop == pytest.approx(n.sympy, rel=1e-12, abs=1e-14), n.name
        assert n.backprop == pytest.approx(n.finite_difference, rel=1e-6, abs=1e-8), n.name


def test_forward_values_and_parameter_gradients_by_hand():
    v = {"x1": 1.0, "w1": 0.5, "x2": -2.0, "w2": 0.25, "b": 0.1, "y": 1.0}
    nodes = {n.name: n for n in forward_backward(v)[0]}
    z = 0.5 * 1.0 + 0.25 * -2.0 + 0.1
    a = float(sigmoid_numpy(z))
    assert nodes["z"].value == pytest.approx(z) and nodes["a"].value == pytest.approx(a)
    assert nodes["L"].value == pytest.approx(-np.log(a))
    assert nodes["z"].backprop == pytest.approx(a - 1.0)  # a - y
    assert nodes["w1"].backprop == pytest.approx((a - 1.0) * 1.0)  # (a - y) x1
    assert nodes["x2"].backprop == pytest.approx((a - 1.0) * 0.25)  # (a - y) w2


def test_graph_dot_has_every_node_and_edge():
    nodes, edges = forward_backward(random_values(0))
    dot = computation_graph(nodes, edges)
    assert dot.startswith("digraph {") and dot.rstrip().endswith("}")
    assert all(f"  {n.name} [" in dot for n in nodes)
    assert dot.count("->") - dot.count("style=invis") == len(edges) == 8  # and two unseen edges lay out the rows


@pytest.mark.parametrize("loss", ["cross_entropy", "squared_error"])
@pytest.mark.parametrize("y_value", [0.0, 1.0])
@pytest.mark.parametrize("corner", list(itertools.product(LEAF_RANGE, repeat=2)))
def test_backprop_agrees_with_finite_differences_at_the_corners_of_the_inputs(loss, y_value, corner):
    """|z| = 10 at the worst corner: a is 4.5e-5 from 1, and dL/da for cross-entropy is 1/(1 - a) = 22,000."""
    x_value, w_value = corner
    values = {"x1": x_value, "w1": w_value, "x2": x_value, "w2": w_value, "b": x_value * w_value / 2, "y": y_value}
    with np.errstate(all="raise"):
        nodes, _ = forward_backward(values, loss)
    for n in nodes:
        assert np.isfinite([n.value, n.backprop, n.sympy, n.finite_difference]).all()
        assert n.backprop == pytest.approx(n.sympy, rel=1e-9, abs=1e-12)
        assert n.backprop == pytest.approx(n.finite_difference, rel=1e-5, abs=1e-7)
