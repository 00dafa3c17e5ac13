"""Both cost surfaces as rotatable 3-D plots (Plotly): cross-entropy's bowl, squared error's plateaus and bends,
with the gradient-descent path lying on each. Data in, ``plotly.graph_objects.Figure`` out."""

import numpy as np
import plotly.graph_objects as go

from charts.surface import drawn_stride
from i18n import _


def inside(path_w, path_b, path_J, w, b):
    """The path up to where it first leaves the plotted square (a path drawn beyond it would float in the air)."""
    out = (path_w < w[0]) | (path_w > w[-1]) | (path_b < b[0]) | (path_b > b[-1]) | ~np.isfinite(path_J)
    end = int(np.argmax(out)) if out.any() else len(path_w)
    return path_w[:end], path_b[:end], path_J[:end]


def cost_surface_3d(w, b, J, path, title, height=420):
    """J over (w, b) as a surface (at most ``DRAWN_CELLS`` cells a side, every one a computed value), and the
    descent path (w, b, J) on it, its start and end marked. ``path``: (w values, b values, J values)."""
    k = drawn_stride(w, b)
    path_w, path_b, path_J = inside(*(np.asarray(p, dtype=float) for p in path), w, b)
    traces = [go.Surface(x=w[::k], y=b[::k], z=J[::k, ::k], colorscale="Viridis", showscale=False, opacity=0.92,
                         name="J", hovertemplate="w = %{x:.2f}<br>b = %{y:.2f}<br>J = %{z:.4f}<extra></extra>")]
    if len(path_w):
        traces.append(go.Scatter3d(x=path_w, y=path_b, z=path_J, mode="lines", name=_("gradient descent"),
                                   line={"color": "#ff4b4b", "width": 6}, hoverinfo="skip"))
        ends = [0, len(path_w) - 1]
        traces.append(go.Scatter3d(x=path_w[ends], y=path_b[ends], z=path_J[ends], mode="markers+text",
                                   text=[_("start"), _("end")], textposition="top center", name="",
                                   marker={"size": 5, "color": "#ff4b4b", "symbol": ["circle", "diamond"]}))
    figure = go.Figure(traces)
    figure.update_layout(title=title, height=height, margin={"l": 0, "r": 0, "t": 40, "b": 0}, showlegend=False,
                         scene={"xaxis_title": "w", "yaxis_title": "b", "zaxis_title": "J", "aspectmode": "cube"})
    return figure
