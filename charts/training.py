"""Charts for training a network: curves against iterations or seconds, and the gradient's size per layer."""

import altair as alt
import numpy as np
import pandas as pd

from charts.logistic import _series_color
from i18n import _


def curves(series, x_title, y_title, log_y=True, height=280):
    """One line per run: series is {name: (x values, y values)}."""
    frame = pd.concat([pd.DataFrame({"x": np.asarray(x, float), "y": np.asarray(y, float), "series": name})
                       for name, (x, y) in series.items()])
    return alt.Chart(frame).mark_line(strokeWidth=2).encode(
        x=alt.X("x:Q", title=x_title),
        y=alt.Y("y:Q", title=y_title, scale=alt.Scale(type="log") if log_y else alt.Undefined),
        color=_series_color(series),
        tooltip=[alt.Tooltip("series:N", title=_("series")), alt.Tooltip("x:Q", title=x_title, format=".4g"),
                 alt.Tooltip("y:Q", title=y_title, format=".4g")],
    ).properties(height=height)


def gradient_norms(iterations, norms, height=260):
    """||dW[l]|| against iteration, one line per layer l, log scale: norms (records, L)."""
    series = {f"‖dW[{l + 1}]‖": (iterations, np.maximum(norms[:, l], 1e-300)) for l in range(norms.shape[1])}
    return curves(series, _("iteration"), _("‖dW[l]‖ (log scale)"), height=height)
