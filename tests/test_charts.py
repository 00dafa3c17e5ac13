"""Chart builders: data in, alt.Chart out, checked through the Vega-Lite spec."""

import altair as alt
import numpy as np

import charts


def test_derivative_check_layers_formula_differences_and_point():
    z = np.linspace(-6, 6, 241)
    chart = charts.derivative_check(z, np.tanh(z), np.tanh(z) + 1e-9, (1.5, np.tanh(1.5)), "∂L/∂z")
    assert isinstance(chart, alt.LayerChart)
    spec = chart.to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["line", "circle", "point"]
    datasets = list(spec["datasets"].values())
    assert sorted(len(rows) for rows in datasets) == [1, 31, 241]
    point = next(rows for rows in datasets if len(rows) == 1)[0]
    assert point["z"] == 1.5 and point["series"] == "your point"
    assert spec["layer"][0]["encoding"]["y"]["title"] == "∂L/∂z"


def test_vanishing_gives_every_activation_its_own_colour_and_the_bound_its_red():
    from mathcore.functions import ACTIVATIONS

    depth = np.arange(1, 6)
    products = {key: 0.5 ** depth for key in ACTIVATIONS}
    scale = charts.vanishing(depth, products, 0.25 ** depth).to_dict()["encoding"]["color"]["scale"]
    assert scale["domain"][:-1] == list(ACTIVATIONS)
    assert len(set(scale["range"])) == len(ACTIVATIONS) + 1 and scale["range"][-1] == charts.network.BOUND_COLOUR


def test_vanishing_lines_that_coincide_still_show_apart():
    """#19: ReLU, leaky ReLU and swish all lie near (1/2)^L, so leaky ReLU looked missing: each has its own mark."""
    from mathcore.functions import ACTIVATIONS

    depth = np.arange(1, 6)
    products = {key: 0.5 ** depth for key in ACTIVATIONS}  # all on one line
    shape = charts.vanishing(depth, products, 0.25 ** depth).to_dict()["encoding"]["shape"]["scale"]
    assert shape["domain"][:-1] == list(ACTIVATIONS) and len(set(shape["range"][:-1])) == len(ACTIVATIONS)


def test_timings_legend_tells_measured_from_extrapolated():
    """#19: the legend's dots for measured and extrapolated were identical: now a circle and a triangle."""
    from types import SimpleNamespace

    rows = [SimpleNamespace(m=m, loop=m * 1e-6, vectorized=m * 1e-8, measured=m < 1000) for m in (10, 100, 1000)]
    encoding = charts.timings(rows).to_dict()["encoding"]
    assert encoding["strokeDash"]["scale"]["range"] == [[1, 0], [6, 4]] and encoding["strokeDash"]["legend"]
    assert len(set(encoding["shape"]["scale"]["range"])) == 2 and encoding["shape"]["legend"]["orient"] == "bottom"


def test_cost_surface_keeps_its_path_inside_and_names_both_ends():
    """#19: a path at alpha = 10 was drawn over the colour legend, and the "end" entry was cut off."""
    w = b = np.linspace(-8, 8, 5)
    chart = charts.cost_surface(w, b, np.ones((5, 5)), [], ([-6.0, 30.0], [6.0, -40.0]), "J").to_dict()
    trail, ends = chart["layer"][-2:]
    assert trail["mark"]["clip"] and ends["mark"]["clip"]
    assert ends["encoding"]["shape"]["legend"]["orient"] == "bottom"
    assert ends["encoding"]["shape"]["scale"]["domain"] == ["start", "end"]
