"""Charts for training a network: curves against iterations or seconds, and the gradient's size per layer."""

import altair as alt
import numpy as np
import pandas as pd

from charts.logistic import _series_color
from i18n import _


def curves(series, x_title, y_title, log_y=True, height=280):
    """One line per run: series is {name: (x values, y values)}. A NaN y is no point: the line breaks there and
    the axis leaves it out (a log scale cannot show 0, so a caller passes NaN for it and says 0 in words). A run
    with a single point (one that stopped at once) is drawn as a dot: a line needs two."""
    frame = pd.concat([pd.DataFrame({"x": np.asarray(x, float), "y": np.asarray(y, float), "series": name})
                       for name, (x, y) in series.items()])
    lone = frame.groupby("series")["y"].transform("count") < 2
    encoding = dict(
        x=alt.X("x:Q", title=x_title),
        y=alt.Y("y:Q", title=y_title, scale=alt.Scale(type="log") if log_y else alt.Undefined),
        color=_series_color(series),
        tooltip=[alt.Tooltip("series:N", title=_("series")), alt.Tooltip("x:Q", title=x_title, format=".4g"),
                 alt.Tooltip("y:Q", title=y_title, format=".4g")])
    line = alt.Chart(frame[~lone]).mark_line(strokeWidth=2, invalid="break-paths-filter-domains").encode(**encoding)
    if not lone.any():
        return line.properties(height=height)
    dots = alt.Chart(frame[lone].dropna()).mark_point(filled=True, size=60).encode(**encoding)
    return alt.LayerChart(layer=[line, dots], height=height)


def gradient_norms(iterations, norms, height=260):
    """||dW[l]|| against iteration, one line per layer l, log scale: norms (records, L). An exact 0 has no place on
    a log scale: it is left out (the line breaks), and the caption says it in words (``ui.training``)."""
    series = {f"‖dW[{l + 1}]‖": (iterations, np.where(norms[:, l] > 0, norms[:, l], np.nan))
              for l in range(norms.shape[1])}
    return curves(series, _("iteration"), _("‖dW[l]‖ (log scale)"), height=height)
