"""The computation graph: backprop, SymPy and finite differences agree at every node."""

import itertools
from xml.etree import ElementTree

import numpy as np
import pytest

from charts import computation_graph
from charts.graph import NAMES, ranks
from charts.svg import text_width
from mathcore.graph import LEAF_RANGE, NODES, forward_backward
from mathcore.functions import sigmoid_numpy

SVG = "{http://www.w3.org/2000/svg}"


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


def boxes_and_edges(svg_text):
    """The drawn graph read back: each node's box (x, y, width, height) with its texts, each edge's label and line."""
    root = ElementTree.fromstring(svg_text).find(f"{SVG}svg")  # in its scrolling box
    g = lambda kind: [e for e in root.iter(f"{SVG}g") if e.get("class") == kind]  # noqa: E731
    nodes = [(tuple(float(n.find(f"{SVG}rect").get(k)) for k in ("x", "y", "width", "height")),
              [(t.text, float(t.get("font-size"))) for t in n.iter(f"{SVG}text")]) for n in g("node")]
    edges = [(e.find(f"{SVG}text").text, tuple(float(e.find(f"{SVG}line").get(k)) for k in ("x1", "y1", "x2", "y2")))
             for e in g("edge")]
    return root, nodes, edges


def test_graph_draws_every_node_and_edge_apart():
    nodes, edges = forward_backward(random_values(0))
    drawn = computation_graph(nodes, edges)
    assert "\n" not in drawn  # one line: Markdown takes it as one block of HTML (ui.chart.show_diagram)
    root, boxes, lines = boxes_and_edges(drawn)
    assert root.get("role") == "img" and root.find(f"{SVG}title").text.startswith("The computation graph")
    assert len(boxes) == len(nodes) == 9 and len(lines) == len(edges) == 8
    for (box, texts), n in zip(boxes, nodes):
        assert [t for t, _ in texts[1:]] == [f"{n.value:.4f}", f"∂L/∂{NAMES[n.name]} = {n.backprop:.4f}"]
        assert all(text_width(t, size) < box[2] for t, size in texts)  # each text inside its box
    for (a, _), (b, _) in itertools.combinations(boxes, 2):  # no two boxes overlap
        assert a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]
    at = {n.name: box for (box, _), n in zip(boxes, nodes)}
    ends = []
    for (label, (x1, y1, x2, y2)), e in zip(lines, edges):
        parent, child = at[str(e.parent)], at[str(e.child)]
        assert label == f"∂{NAMES[str(e.child)]}/∂{NAMES[str(e.parent)]} = {e.local:.3f}"
        assert x1 == parent[0] + parent[2] / 2 and parent[1] + parent[3] < y1 < child[1]  # from under its parent...
        assert child[0] < x2 < child[0] + child[2] and y2 == pytest.approx(child[1], abs=2)  # ...down to its child
        ends.append((x1, y1, x2, y2))
    for (a, b) in itertools.combinations(ends, 2):  # edges meet only where they end, never cross on the way
        if a[3] == b[3]:  # into the same node: left to right in the order they start
            assert (a[0] - b[0]) * (a[2] - b[2]) > 0


def test_graph_places_y_beside_a_and_inputs_on_top():
    nodes, edges = forward_backward(random_values(1))
    assert ranks(nodes, edges) == {"x1": 0, "w1": 0, "x2": 0, "w2": 0, "b": 0, "z": 1, "a": 2, "y": 2, "L": 3}


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
