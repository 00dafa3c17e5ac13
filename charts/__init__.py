"""Altair chart builders (and two diagrams as SVG, ``charts.svg``): data in, chart out, testable without Streamlit.

Altair checks every object it builds against the Vega-Lite schema as it is built ("debug mode"): a mark, a scale,
a legend, each copy a layer makes. That was a fifth of building a cost surface (about 7 ms a chart), on every rerun.
The tests check every chart every page shows, whole, against the schema instead
(tests/test_charts.py, test_every_chart_a_page_shows_is_valid_vega_lite), so the builders skip it.

A layered chart is built in one step, ``alt.LayerChart(layer=[...], height=..., title=...)``: Altair deep-copies a
layer chart's layers each time it makes one, and ``(a + b).properties(...)`` makes it again, copying them twice more.
"""

from altair.utils.schemapi import disable_debug_mode

from charts import surface, surface3d
from charts.derivation import derivative_check
from charts.graph import computation_graph
from charts.network import digits, flattening, network_diagram, vanishing
from charts.logistic import curves_with_point, decision_boundary, learning_curves, losses_against_prediction
from charts.surface import cost_surface, curvature_map, slices
from charts.training import curves, gradient_norms
from charts.vectorization import shape_walk, timings

__all__ = ["computation_graph", "cost_surface", "curvature_map", "curves", "curves_with_point", "decision_boundary",
           "derivative_check", "digits", "flattening", "gradient_norms", "learning_curves", "losses_against_prediction",
           "network_diagram", "shape_walk", "slices", "surface", "surface3d", "timings", "vanishing"]

disable_debug_mode()
