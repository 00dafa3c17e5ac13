"""Charts for the logistic-regression pages: the sigmoid, the losses, training."""

import altair as alt
import numpy as np
import pandas as pd

from charts import raster
from i18n import _

PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#b279a2"]


def _series_color(domain, title=None):
    return alt.Color("series:N", title=title, legend=alt.Legend(orient="bottom"),
                     scale=alt.Scale(domain=list(domain), range=PALETTE[:len(domain)]))


def curves_with_point(x, curves, x0, x_title, y_title, height=300, log_y=False, y_max=None, title=alt.Undefined):
    """Lines ``curves`` (name -> values over x), each with a ringed point at x0 (interpolated).

    The learner's point is drawn on every curve, so moving a slider moves them together; ``x0`` None: no point
    (a layer of points with no x would leave Vega an empty extent, and a console warning: 'Infinite extent').
    ``log_y`` draws a log axis; ``y_max`` cuts the axis there (curves that run off are clipped).
    """
    frame = pd.DataFrame({"x": x, **curves}).melt("x", var_name="series", value_name="value")
    color = _series_color(curves)
    scale = alt.Scale(type="log") if log_y else alt.Scale(domain=[0, y_max], clamp=True) if y_max else alt.Undefined
    y = alt.Y("value:Q", title=y_title, scale=scale)
    tooltip = [alt.Tooltip("series:N", title=_("series")), alt.Tooltip("x:Q", title=x_title, format=".3f"),
               alt.Tooltip("value:Q", title=y_title, format=".4f")]
    lines = alt.Chart(frame).mark_line(strokeWidth=2.5).encode(
        x=alt.X("x:Q", title=x_title), y=y, color=color, tooltip=tooltip)
    if x0 is None:
        return alt.LayerChart(layer=[lines], height=height, title=title)
    points = pd.DataFrame({"x": x0, "series": list(curves),
                           "value": [float(np.interp(x0, x, values)) for values in curves.values()]})
    marks = alt.Chart(points).mark_point(size=180, filled=False, strokeWidth=3, opacity=1).encode(
        x=alt.X("x:Q"), y=y, color=color, tooltip=tooltip)
    return alt.LayerChart(layer=[lines, marks], height=height, title=title)


def losses_against_prediction(y_hat, losses_by_label, point, height=260):
    """For each label y, the losses as functions of y-hat, one panel each (a page puts them side by side, each
    as wide as its column); the learner's point ringed on its label's panel.

    losses_by_label: {y: {loss name: values over y_hat}}; point: (y, y_hat).
    """
    return [curves_with_point(y_hat, curves, point[1] if point[0] == label else None, "ŷ", _("loss"),
                              height=height, y_max=5, title=f"y = {label}")
            for label, curves in losses_by_label.items()]


def learning_curves(costs, height=280):
    """Cost against iteration, one line per run: costs is {run name: list of costs}."""
    frame = pd.concat([pd.DataFrame({"iteration": np.arange(len(c)), "cost": c, "series": name})
                       for name, c in costs.items()])
    return alt.Chart(frame).mark_line(strokeWidth=2).encode(
        x=alt.X("iteration:Q", title=_("iteration")),
        y=alt.Y("cost:Q", title=_("cost J"), scale=alt.Scale(type="log")),
        color=_series_color(costs),
        tooltip=[alt.Tooltip("series:N", title=_("series")), alt.Tooltip("iteration:Q", title=_("iteration")),
                 alt.Tooltip("cost:Q", title=_("cost J"), format=".6f")],
    ).properties(height=height)


def decision_boundary(x1, x2, probability, boundary, X, Y, labels, height=380, curves=(), p_title="ŷ = σ(wᵀx + b)"):
    """The predicted probability over a grid as a heatmap, the boundary ŷ = 0.5, and the examples.

    x1, x2: 1-D grid axes; probability (len(x2), len(x1)); boundary: x2 along x1 (or None); curves: a curved
    boundary instead, as point lists (k, 2) (isolines at 0.5); X (2, m), Y (1, m); labels: what y = 0 and y = 1
    mean; p_title: the colour legend's title.
    """
    step1, step2 = x1[1] - x1[0], x2[1] - x2[0]
    x_scale = alt.Scale(domain=[float(x1[0]), float(x1[-1] + step1)], nice=False)
    y_scale = alt.Scale(domain=[float(x2[0]), float(x2[-1] + step2)], nice=False)
    x = alt.X("x1:Q", title=_("x1 (standardised)"), scale=x_scale)
    y = alt.Y("x2:Q", title=_("x2 (standardised)"), scale=y_scale)
    colour = alt.Color("p:Q", title=p_title, scale=alt.Scale(scheme="blueorange", domain=[0, 1]))
    layers = [raster.image(raster.scheme_colours("blueorange", probability), (x1[0], x1[-1] + step1),
                           (x2[0], x2[-1] + step2), x, y, opacity=0.55),
              raster.legend([0.0, 1.0], colour, x, y, (float(x1[0]), float(x2[0])), opacity=0.55)]
    if boundary is not None:  # a straight boundary is one more curve: the points of the line inside the plot
        inside = (boundary >= x2[0]) & (boundary <= x2[-1] + step2)
        curves = [*curves, np.column_stack([x1[inside], boundary[inside]])]
    lines = raster.polylines(curves, "x1", "x2")
    # every piece of the boundary in one layer, black on a white halo: readable on both classes, in both themes
    for colour, width in (("white", 4), ("black", 2)) if len(lines) else ():
        layers.append(alt.Chart(lines).mark_line(color=colour, strokeWidth=width, strokeDash=[6, 3]).encode(
            x=alt.X("x1:Q", scale=x_scale), y=alt.Y("x2:Q", scale=y_scale), detail=alt.Detail("line:N"),
            order=alt.Order("order:Q")))
    examples = pd.DataFrame({"x1": X[0], "x2": X[1], "label": [labels[int(v)] for v in Y.ravel()]})
    legend = alt.Legend(orient="bottom", title=None)
    layers.append(alt.Chart(examples).mark_point(filled=True, size=45, stroke="white", strokeWidth=0.8, opacity=1)
                  .encode(x=alt.X("x1:Q", scale=x_scale), y=alt.Y("x2:Q", scale=y_scale),
                          shape=alt.Shape("label:N", legend=legend, scale=alt.Scale(domain=list(labels))),
                          fill=alt.Fill("label:N", legend=legend,
                                        scale=alt.Scale(domain=list(labels), range=["#08306b", "#7f2704"]))))
    return alt.LayerChart(layer=layers, height=height)
