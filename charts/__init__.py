"""Altair chart builders (and the Graphviz graph): data in, chart out, testable without Streamlit."""

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
