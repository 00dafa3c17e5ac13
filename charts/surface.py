"""Cost surfaces over (w, b): heatmap, contour lines, descent paths; curvature maps; slices.

Altair has no contour mark: the isolines come computed (contourpy) and are drawn as lines.
"""

import altair as alt
import numpy as np
import pandas as pd

from i18n import _

START = "start"  # the click selection's name: Streamlit reports it under this key


#: At most this many cells per axis are drawn: a 280-pixel plot shows no more (4 px a cell), and each is a mark the
#: browser lays out. Every value drawn is a computed one (every k-th row and column); contours use the whole grid.
DRAWN_CELLS = 70


def drawn_stride(w, b):
    """k: every k-th row and column is drawn, so at most DRAWN_CELLS a side (k = ceil(cells / DRAWN_CELLS))."""
    return max(1, -(-max(len(w), len(b)) // DRAWN_CELLS))


def _grid_frame(w, b, values, name):
    """One row per drawn cell (at most DRAWN_CELLS per axis). Each cell reaches a third past its neighbour's edge
    (clipped at the plot's): cells that only touched left hairline seams where the canvas anti-aliased both edges,
    striping the map."""
    k = drawn_stride(w, b)
    w, b, values = w[::k], b[::k], values[::k, ::k]
    W, B = np.meshgrid(w, b)
    dw, db = (w[1] - w[0], b[1] - b[0]) if len(w) > 1 and len(b) > 1 else (1.0, 1.0)
    return pd.DataFrame({"w": W.ravel(), "b": B.ravel(), name: values.ravel(),
                         "w_end": W.ravel() + 1.33 * dw, "b_end": B.ravel() + 1.33 * db})


def _axes(w, b):
    return (alt.X("w:Q", title="w", scale=alt.Scale(domain=[float(w[0]), float(w[-1])], nice=False)),
            alt.Y("b:Q", title="b", scale=alt.Scale(domain=[float(b[0]), float(b[-1])], nice=False)))


#: Streamlit fits a whole chart, legends and titles included, into its height; "pad" keeps the plot its own size.
PAD = alt.AutoSizeParams(type="pad")


def cost_surface(w, b, J, contours, path, title, size=280):
    """J as a heatmap (log colour scale), its isolines, and a descent path from its start, in a square plot
    (w and b on one scale, so the bowl's shape is its own) with its legends under it, so it fits half a page.
    Show it at its own width (width="content").

    contours: [(level, points (k, 2))]; path: (w values, b values). Clicking a cell selects
    its (w, b) under the selection name ``START``.
    """
    x, y = _axes(w, b)
    pick = alt.selection_point(name=START, on="click", fields=["w", "b"], nearest=False, empty=False)
    colour = alt.Scale(type="log", scheme="viridis")
    heat = alt.Chart(_grid_frame(w, b, J, "J")).mark_rect(clip=True).encode(
        x=x, x2="w_end", y=y, y2="b_end",
        color=alt.Color("J:Q", title="J", scale=colour, legend=alt.Legend(orient="bottom", direction="horizontal",
                                                                          gradientLength=size - 80)),
        tooltip=[alt.Tooltip("w:Q", format=".2f"), alt.Tooltip("b:Q", format=".2f"), alt.Tooltip("J:Q", format=".4f")],
    ).add_params(pick)
    lines = pd.DataFrame([{"w": p[0], "b": p[1], "line": k, "order": i}
                          for k, (_level, points) in enumerate(contours) for i, p in enumerate(points)])
    isolines = alt.Chart(lines).mark_line(color="white", strokeWidth=0.8, opacity=0.7).encode(
        x=x, y=y, detail="line:N", order="order:Q") if len(lines) else None
    walk = pd.DataFrame({"w": path[0], "b": path[1], "step": np.arange(len(path[0]))})
    trail = alt.Chart(walk).mark_line(color="#ff4b4b", strokeWidth=2.5, clip=True).encode(x=x, y=y, order="step:Q")
    ends_names = [_("start"), _("end")]
    ends = alt.Chart(walk.iloc[[0, -1]].assign(where=ends_names)).mark_point(  # clipped, like the trail: a
        filled=True, size=110, stroke="white", strokeWidth=1.5, opacity=1, clip=True).encode(  # page says where
        x=x, y=y, shape=alt.Shape("where:N", title=None, scale=alt.Scale(domain=ends_names,
                                                                         range=["circle", "diamond"]),
                                  legend=alt.Legend(orient="bottom", direction="horizontal")),
        color=alt.value("#ff4b4b"))
    layers = [heat] + ([isolines] if isolines is not None else []) + [trail, ends]
    return alt.layer(*layers).properties(title=title, width=size, height=size, autosize=PAD)


def curvature_map(w, b, smallest_eigenvalue, title, size=280):
    """The Hessian's smaller eigenvalue at each (w, b): red where negative (not convex), blue where >= 0; a square
    plot like ``cost_surface``'s, so the two read side by side."""
    frame = _grid_frame(w, b, smallest_eigenvalue, "lambda_min")
    negative = _("negative: not convex here")
    frame["curvature"] = np.where(frame.lambda_min < 0, negative, "≥ 0")
    x, y = _axes(w, b)
    colour = alt.Scale(domain=["≥ 0", negative], range=["#c6dbef", "#d62728"])
    return alt.Chart(frame).mark_rect(clip=True).encode(
        x=x, x2="w_end", y=y, y2="b_end",
        color=alt.Color("curvature:N", title=None, legend=alt.Legend(orient="bottom"), scale=colour),
        tooltip=[alt.Tooltip("w:Q", format=".2f"), alt.Tooltip("b:Q", format=".2f"),
                 alt.Tooltip("lambda_min:Q", title="λ_min", format=".2e")],
    ).properties(title=title, width=size, height=size, autosize=PAD)


def _segments(line):
    """One curve cut where its colour changes, each piece carrying the next one's first point, so the pieces meet
    (without it the curve shows a gap at every change of sign)."""
    line = line.reset_index(drop=True).assign(segment=lambda f: (f.sign != f.sign.shift()).cumsum())
    starts = line.index[(line.segment != line.segment.shift()) & (line.index > 0)]
    joins = line.loc[starts].assign(sign=line.sign[starts - 1].values, segment=line.segment[starts - 1].values)
    return pd.concat([line, joins]).sort_values(["segment", "t"])


def slices(data, height=200):
    """J along lines through the start, coloured by the sign of the second derivative along them.

    data: {loss name: {"along w" or "along b": (t values, J, d2J/dt2)}}.
    """
    concave, convex = _("d²J < 0 (concave)"), _("d²J ≥ 0 (convex)")
    frame = pd.concat([_segments(pd.DataFrame({"t": t, "J": J, "second": second, "loss": loss, "along": _(along),
                                               "sign": np.where(np.asarray(second) < 0, concave, convex)}))
                       for loss, lines in data.items() for along, (t, J, second) in lines.items()])
    return alt.Chart(frame).mark_line(strokeWidth=3).encode(
        x=alt.X("t:Q", title=_("parameter value")),
        y=alt.Y("J:Q", title="J"),
        color=alt.Color("sign:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=[convex, concave], range=["#1f77b4", "#d62728"])),
        detail="segment:N",
        tooltip=[alt.Tooltip("t:Q", format=".2f"), alt.Tooltip("J:Q", format=".4f"),
                 alt.Tooltip("second:Q", title="d²J/dt²", format=".2e")],
    ).properties(height=height, width=280).facet(
        row=alt.Row("loss:N", title=None), column=alt.Column("along:N", title=None)
    ).resolve_scale(y="independent")
