"""Chart builders: data in, alt.Chart out, checked through the Vega-Lite spec."""

import json
from xml.etree import ElementTree
from unittest.mock import patch

import altair as alt
import numpy as np
import pandas as pd
import pytest
from altair.utils.schemapi import _FromDict
from streamlit.testing.v1 import AppTest

import charts
from tests.test_app_router import routed_pages
from tests.test_graph import SVG


def test_network_diagram_draws_each_layer_as_a_column_with_every_unit_joined_to_the_next():
    values = [[0.1, -0.2, 0.3], [1.0, 2.0, 3.0, 4.0], [0.5]]
    root = ElementTree.fromstring(charts.network_diagram([3, 4, 1], "ReLU <b>", values))  # markup is text here
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert [t for t in texts if "(" in t or "=" in t] == ["input x = A[0]", "hidden 1 (ReLU <b>)", "output (sigmoid)"]
    assert [t for t in texts if t[0] in "xaŷ"] == ["x1", "x2", "x3", "a1", "a2", "a3", "a4", "ŷ"]
    assert {"-0.20", "4.00", "0.50"} <= set(texts)
    circles = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{SVG}circle")]
    assert [len([c for c in circles if c[0] == x]) for x in sorted({c[0] for c in circles})] == [3, 4, 1]
    assert len(list(root.iter(f"{SVG}line"))) == 3 * 4 + 4 * 1
    top = min(cy for _, cy in circles) - 23
    assert top > 14 + 4  # the titles' baseline: no unit under them
    height = float(root.find(f"{SVG}svg").get("viewBox").split()[3])
    assert height - 16 < max(cy for _, cy in circles) + 23 <= height  # the lowest unit inside, no empty band below


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
    chart = charts.timings(rows).to_dict()
    lines, points = (layer["encoding"] for layer in chart["layer"])
    assert lines["strokeDash"]["scale"]["range"] == [[1, 0], [6, 4]] and lines["strokeDash"]["legend"]
    assert len(set(points["shape"]["scale"]["range"])) == 2 and points["shape"]["legend"]["orient"] == "bottom"
    # the dashed line starts at the last measured point: no gap between the two parts of the loop's line
    drawn = pd.DataFrame(chart["datasets"][chart["layer"][0]["data"]["name"]])
    dashed = drawn[(drawn.how == "extrapolated") & (drawn.method == "per-example loop")]
    assert sorted(dashed.m) == [100, 1000]


def test_cost_surface_keeps_its_path_inside_and_names_both_ends():
    """#19: a path at alpha = 10 was drawn over the colour legend, and the "end" entry was cut off."""
    w = b = np.linspace(-8, 8, 5)
    chart = charts.cost_surface(w, b, np.ones((5, 5)), [], ([-6.0, 30.0], [6.0, -40.0]), "J").to_dict()
    trail, ends = chart["layer"][-2:]
    assert trail["mark"]["clip"] and ends["mark"]["clip"]
    assert ends["encoding"]["shape"]["legend"]["orient"] == "bottom"
    assert ends["encoding"]["shape"]["scale"]["domain"] == ["start", "end"]


def test_a_path_that_slows_down_is_drawn_with_the_steps_that_show():
    """#18: a descent of 300 steps that settles is sent as the few steps a pixel apart; every step left out lies
    within a pixel (280 pixels for 16 units) of the last one drawn before it, and both ends are drawn."""
    from mathcore.datasets import outlier_set
    from mathcore.surface import descend
    w = b = np.linspace(-8, 8, 50)
    run = descend(*outlier_set(), -6.0, 6.0, "cross_entropy", 1.0, 300)
    chart = charts.cost_surface(w, b, np.ones((50, 50)), [], (run.w, run.b), "J").to_dict()
    trail = pd.DataFrame(chart["datasets"][chart["layer"][-2]["data"]["name"]])
    assert len(trail) < 301 / 4 and trail.step.iloc[[0, -1]].tolist() == [0, 300]
    last_drawn = np.maximum.accumulate(np.isin(np.arange(301), trail.step) * np.arange(301))
    assert np.abs(run.w - run.w[last_drawn]).max() < 16 / 280 and np.abs(run.b - run.b[last_drawn]).max() < 16 / 280


def test_slices_pieces_meet_where_the_sign_changes():
    """A slice coloured by the sign of d²J is cut into pieces; each piece ends where the next begins (no gaps)."""
    t = np.linspace(-3, 3, 61)
    chart = charts.slices({"squared error": {"along w": (t, np.sin(t), -np.sin(t))}}).to_dict()
    rows = pd.DataFrame(chart["datasets"][chart["data"]["name"]])
    pieces = [piece.t.to_numpy() for _, piece in rows.groupby("segment")]
    assert len(pieces) == 2 and all(a[-1] == b[0] for a, b in zip(pieces, pieces[1:]))


def test_a_boundary_in_pieces_is_two_layers_whatever_the_number_of_pieces():
    """Each piece of a curved boundary keeps its own line (detail), in one halo layer and one line layer."""
    x = np.linspace(-1, 1, 4)
    pieces = [np.array([[-1.0, 0.0], [0.0, 0.5], [1.0, 0.0]]), np.array([[-1.0, -0.5], [1.0, -0.5]])]
    spec = charts.decision_boundary(x, x, np.full((4, 4), 0.5), None, np.zeros((2, 3)), np.array([[0, 1, 1]]),
                                    ["no", "yes"], curves=pieces).to_dict()
    lines = [layer for layer in spec["layer"] if layer["mark"]["type"] == "line"]
    assert [layer["mark"]["color"] for layer in lines] == ["white", "black"]
    rows = pd.DataFrame(spec["datasets"][lines[1]["data"]["name"]])
    assert lines[1]["encoding"]["detail"]["field"] == "line"
    for k, piece in enumerate(pieces):
        drawn = rows[rows.line == k].sort_values("order")
        assert np.allclose(drawn[["x1", "x2"]].to_numpy(), piece)


def test_the_builders_leave_the_schema_check_to_the_tests():
    """Altair's check of every object as it is built is off (the page test checks each whole spec instead)."""
    from altair.utils import schemapi

    assert not schemapi.DEBUG_MODE


def test_the_surface_and_curvature_maps_are_square():
    """w and b are on one scale, so a bowl looks like the bowl it is."""
    w = b = np.linspace(-8, 8, 5)
    for chart in (charts.cost_surface(w, b, np.ones((5, 5)), [], ([0.0], [0.0]), "J").to_dict(),
                  charts.curvature_map(w, b, np.ones((5, 5)), "λ").to_dict()):
        assert chart["width"] == chart["height"]


def test_the_heatmaps_with_pick_cells_are_drawn_on_a_canvas():
    """As SVG each transparent pick cell would be an element of the page (625 a heatmap)."""
    w = b = np.linspace(-8, 8, 5)
    for chart in (charts.cost_surface(w, b, np.ones((5, 5)), [], ([0.0], [0.0]), "J").to_dict(),
                  charts.curvature_map(w, b, np.ones((5, 5)), "λ").to_dict()):
        assert chart["usermeta"]["embedOptions"]["renderer"] == "canvas"


def test_the_shape_walk_gives_each_example_its_colour_in_dz_and_in_a_prev_t():
    spec = charts.shape_walk(3, 2, 4).to_dict()
    panels = [pd.DataFrame(spec["datasets"][panel["data"]["name"]]) for panel in spec["hconcat"]]
    dZ, A_prev_T, dW = panels
    for i in range(4):  # column i of dZ and row i of A_prev.T: one example, one colour
        assert set(dZ[dZ.c == i].role) == set(A_prev_T[A_prev_T.r == i].role) == {f"example {i + 1}"}
    assert dW.role.nunique() == 1 and len(dW) == 6


def _image_of(chart):
    """(RGB array of the chart's image layer, its corners) from a chart's dict."""
    import base64, io
    from PIL import Image
    layer = next(layer for layer in chart["layer"] if layer["mark"]["type"] == "image")
    corners = chart["datasets"][layer["data"]["name"]][0]
    png = base64.b64decode(corners["url"].split(",", 1)[1])
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")), corners


def test_a_fine_grid_is_one_image_with_every_computed_value_a_pixel_and_coarse_cells_to_pick():
    """#18: one image mark per heatmap; its pixels are Vega's viridis at log J; hovers and clicks go to a coarse
    grid of transparent cells whose values are computed ones."""
    w = b = np.linspace(-8, 8, 150)
    J = np.add.outer(b, w) ** 2 + 1  # J[i, j] at (w[j], b[i]); least along b = -w, most at the corners
    chart = charts.cost_surface(w, b, J, [], ([0.0], [0.0]), "J").to_dict()
    rgb, corners = _image_of(chart)
    assert rgb.shape == (150, 150, 3)
    assert corners["w"] < w[0] < w[-1] < corners["w_end"] and corners["b"] < b[0] < b[-1] < corners["b_end"]
    assert tuple(rgb[-1, -1]) == (0x44, 0x01, 0x54) == tuple(rgb[0, 0])  # row 0 on top: b = 8, w = -8, J = 1
    assert tuple(rgb[0, -1]) == (0xfd, 0xe7, 0x25)  # b = 8, w = 8: the largest J, viridis' last colour
    layer = next(layer for layer in chart["layer"] if "tooltip" in layer.get("encoding", {}))
    cells = pd.DataFrame(chart["datasets"][layer["data"]["name"]])
    assert len(cells) <= charts.surface.PICK_CELLS ** 2 and cells.w.nunique() == 25
    assert np.abs(np.subtract.outer(cells.w.to_numpy(), w)).min(axis=1).max() < 1e-5  # computed points (float32)
    assert np.allclose(cells.J, (cells.b + cells.w) ** 2 + 1, rtol=1e-6)
    assert layer["mark"]["width"] == layer["mark"]["height"] == 280 / cells.w.nunique()  # the cells tile the plot


def test_the_isolines_are_an_image_of_the_plot_drawn_where_the_contours_are():
    """#18: the isolines are one transparent image over the plot (2 pixels a plot pixel), not a layer of lines whose
    every point Vega would encode; the only line left is the descent path."""
    import base64, io
    from PIL import Image
    w = b = np.linspace(-8, 8, 101)
    circle = 4 * np.column_stack([np.cos(t := np.linspace(0, 2 * np.pi, 200)), np.sin(t)])  # J = w² + b² = 16
    chart = charts.cost_surface(w, b, np.add.outer(b ** 2, w ** 2), [(16.0, circle)], ([0.0], [0.0]), "J").to_dict()
    assert [layer["mark"]["type"] for layer in chart["layer"]].count("line") == 1  # the path
    layer = [layer for layer in chart["layer"] if layer["mark"]["type"] == "image"][1]
    corners = chart["datasets"][layer["data"]["name"]][0]
    assert (corners["w"], corners["w_end"], corners["b"], corners["b_end"]) == (-8, 8, -8, 8)  # the plot, exactly
    grey, alpha = np.moveaxis(np.asarray(Image.open(io.BytesIO(base64.b64decode(corners["url"].split(",")[1])))), -1, 0)
    assert alpha.shape == (560, 560) and (grey == 255).all()  # white, 2 pixels a plot pixel
    radius = np.hypot(*np.meshgrid(np.arange(560) - 279.5, np.arange(560) - 279.5)) / 280 * 8
    assert alpha[np.abs(radius - 4) < 0.005].min() >= 128  # on the circle
    assert alpha[np.abs(radius - 4) > 0.06].max() == 0  # and nowhere else (a plot pixel away: 0.057)


def test_the_image_colours_are_vegas_scheme_interpolated_in_rgb():
    """Between two of blueorange's eleven colours, halfway: the mean of the two (vega-scale interpolates in RGB)."""
    from charts.raster import scheme_colours
    first, second, _last = scheme_colours("blueorange", np.array([0.0, 0.1, 1.0]))
    assert tuple(first) == (0x13, 0x4b, 0x85) and tuple(second) == (0x2f, 0x78, 0xb3)
    halfway = scheme_colours("blueorange", np.array([0.05]))[0]
    assert np.abs(halfway.astype(int) - (first.astype(int) + second) / 2).max() <= 0.5


def test_the_curvature_map_paints_negative_points_red():
    w = b = np.linspace(-1, 1, 20)
    lam = np.add.outer(b, w)  # negative below the diagonal b = -w
    rgb, _corners = _image_of(charts.curvature_map(w, b, lam, "λ").to_dict())
    red = np.all(rgb == (0xd6, 0x27, 0x28), axis=-1)
    assert np.array_equal(red, (lam < 0)[::-1])


def test_the_3d_path_stops_where_it_leaves_the_square_and_lies_on_its_own_costs():
    w = b = np.linspace(-8, 8, 150)
    J = np.add.outer(b ** 2, w ** 2)
    path = (np.array([-6.0, -3.0, 0.0, 12.0, 1.0]), np.array([6.0, 3.0, 0.0, 0.0, 0.0]), np.array([72, 18, 0, 144, 1.0]))
    surface, line, ends = charts.surface3d.cost_surface_3d(w, b, J, path, "J").data
    assert np.shape(surface.z) == (50, 50) and np.allclose(surface.z, J[::3, ::3])
    assert list(line.x) == [-6.0, -3.0, 0.0] and list(line.z) == [72, 18, 0]  # cut at the first exit
    assert list(ends.text) == ["start", "end"]


@pytest.fixture(scope="module")
def vega_lite_schema():
    from altair.vegalite.v6.schema.core import load_schema

    return load_schema()


def spec_errors(spec, schema):
    """Altair's own check of a Vega-Lite spec against the schema: None when it is valid."""
    from altair.utils.schemapi import validate_jsonschema

    return validate_jsonschema(spec, schema, raise_error=False)


def test_every_chart_a_page_shows_is_valid_vega_lite(vega_lite_schema):
    """The pages draw their charts unvalidated (ui.chart.show_chart): here every spec they send is checked, on
    every page, in one session, with its toggles off and on."""
    at = AppTest.from_file("../app.py", default_timeout=120)
    at.run()
    checked = 0

    def check(page, toggles):
        assert not at.exception, page
        for element in at.get("vega_lite_chart"):
            assert spec_errors(json.loads(element.proto.spec), vega_lite_schema) is None, (page, toggles)
        return len(at.get("vega_lite_chart"))

    with patch.object(_FromDict, "__init__", autospec=True, side_effect=_FromDict.__init__) as converters:
        for page in routed_pages():
            at.switch_page(page).run()
            checked += check(page, "off")
            if at.toggle:  # then with every toggle on: what they show too (the race)
                for toggle in at.toggle:
                    toggle.set_value(True)
                at.run()
                checked += check(page, "on")
    assert checked >= 20  # every page with charts drew them
    # Every channel is given as an Altair object: Altair 6.3 turns a string or a dict (alt.value, alt.condition)
    # into one by hashing every schema class it has, ~5 ms each, on every rerun (#18).
    assert converters.call_count == 0


def test_the_vega_lite_check_finds_a_broken_spec(vega_lite_schema):
    spec = charts.learning_curves({"α = 0.1": [0.7, 0.5, 0.4]}).to_dict()
    assert spec_errors(spec, vega_lite_schema) is None
    spec["encoding"]["x"]["type"] = "quantity"
    assert spec_errors(spec, vega_lite_schema) is not None
