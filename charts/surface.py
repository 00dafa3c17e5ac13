"""Cost surfaces over (w, b): heatmap, contour lines, descent paths; curvature maps; slices.

Altair has no contour mark: the isolines come computed (contourpy) and are drawn into an image
(``charts.raster.line_drawing``).
"""

import altair as alt
import numpy as np
import pandas as pd

from charts import raster
from i18n import _

START = "start"  # the click selection's name: Streamlit reports it under this key


#: The 3-D surface draws at most this many cells a side (every k-th row and column of the computed grid).
DRAWN_CELLS = 70
#: Over each heatmap (one image, every computed value a pixel: ``charts.raster``), this many transparent cells a side
#: answer a hover with the values at their centre and a click with its (w, b): 11 pixels a cell in a 280-pixel plot,
#: every 2nd, 4th or 6th point of a 50, 100 or 150 grid. Each cell is a row the browser encodes, about 0.1 ms (#18).
PICK_CELLS = 25


def drawn_stride(w, b, cells=DRAWN_CELLS):
    """k: every k-th row and column is drawn, so at most ``cells`` a side (k = ceil(grid points / cells))."""
    return max(1, -(-max(len(w), len(b)) // cells))


def _pick_frame(w, b, values, name):
    """One row per pick cell (at most PICK_CELLS a side): a computed grid point, the centre of its cell. Single
    precision: every rerun sends these cells to the browser again."""
    k = drawn_stride(w, b, PICK_CELLS)
    w, b, values = w[::k], b[::k], values[::k, ::k]
    W, B = np.meshgrid(w, b)
    return pd.DataFrame({"w": W.ravel(), "b": B.ravel(), name: values.ravel()}).astype(np.float32)


def _spans(w, b):
    """The image's extent: every grid point is the centre of its pixel."""
    dw, db = (w[1] - w[0], b[1] - b[0]) if len(w) > 1 and len(b) > 1 else (1.0, 1.0)
    return (w[0] - dw / 2, w[-1] + dw / 2), (b[0] - db / 2, b[-1] + db / 2)


def _pick_cells(frame, x, y, tooltip, size):
    """Transparent cells over the image, ``size`` pixels a side in all, each centred on its point: a hover shows
    ``tooltip``, a click picks the cell's centre (w, b)."""
    cell = size / frame.w.nunique()
    return alt.Chart(frame).mark_rect(opacity=0, clip=True, width=cell, height=cell).encode(x=x, y=y, tooltip=tooltip)


def _axes(w, b):
    return (alt.X("w:Q", title="w", scale=alt.Scale(domain=[float(w[0]), float(w[-1])], nice=False)),
            alt.Y("b:Q", title="b", scale=alt.Scale(domain=[float(b[0]), float(b[-1])], nice=False)))


#: The isolines' image has this many pixels for each of the plot's (two: sharp on a high-density screen too).
ISOLINE_PIXELS = 2
#: Streamlit fits a whole chart, legends and titles included, into its height; "pad" keeps the plot its own size.
PAD = alt.AutoSizeParams(type="pad")
#: The heatmaps are drawn on a canvas (Streamlit reads the renderer from the spec's usermeta): as SVG, each of their
#: 625 transparent pick cells was an element, 2,500 on the cost-surface page; a canvas draws them and still answers a
#: hover and a click. A/B, new session, medians of 7 and 9: 2,240 -> 2,182 ms and 2,307 -> 2,196 ms.
CANVAS = {"embedOptions": {"renderer": "canvas"}}


def _drawn_path(w, b, w_pixel, b_pixel):
    """The path's steps as drawn (w, b, step): a step in the same pixel as the step before it is left out, so the
    line drawn is within a pixel of the path, and a descent that has slowed down costs the browser only the steps
    that show. The first and the last are always kept.

    >>> _drawn_path([0, 0.2, 0.4, 1.4, 1.5], [0, 0, 0, 0, 0], 1.0, 1.0).step.tolist()
    [0, 3, 4]
    """
    w, b = np.asarray(w, float), np.asarray(b, float)
    at = np.column_stack([np.round(w / w_pixel), np.round(b / b_pixel)])
    keep = np.r_[True, (at[1:] != at[:-1]).any(axis=1)]
    keep[-1] = True
    return pd.DataFrame({"w": w, "b": b, "step": np.arange(len(w))})[keep]


def cost_surface(w, b, J, contours, path, title, size=280):
    """J as a heatmap (log colour scale), its isolines (one more image), and a descent path from its start, in a
    square plot (w and b on one scale, so the bowl's shape is its own) with its legends under it, so it fits half a
    page. Show it at its own width (width="content").

    contours: [(level, points (k, 2))]; path: (w values, b values). Clicking a cell selects
    its (w, b) under the selection name ``START``.
    """
    x, y = _axes(w, b)
    low, high = float(np.min(J[J > 0], initial=1.0)), float(np.max(J, initial=1.0))
    high = high if high > low else low * 10
    t = (np.log(np.maximum(J, low)) - np.log(low)) / (np.log(high) - np.log(low))
    colour = alt.Color("J:Q", title="J", scale=alt.Scale(type="log", scheme="viridis", domain=[low, high]),
                       legend=alt.Legend(orient="bottom", direction="horizontal", gradientLength=size - 80))
    heat = raster.image(raster.scheme_colours("viridis", t), *_spans(w, b), x, y)
    key = raster.legend([low, high], colour, x, y, (float(w[0]), float(b[0])))
    pick = alt.selection_point(name=START, on="click", fields=["w", "b"], nearest=False, empty=False)
    cells = _pick_cells(_pick_frame(w, b, J, "J"), x, y, size=size, tooltip=[alt.Tooltip("w:Q", format=".2f"),
                                                          alt.Tooltip("b:Q", format=".2f"),
                                                          alt.Tooltip("J:Q", format=".4f")]).add_params(pick)
    plot = (float(w[0]), float(w[-1])), (float(b[0]), float(b[-1]))  # the axes' domains: the image is the plot
    isolines = raster.image(raster.line_drawing([points for _level, points in contours], *plot, ISOLINE_PIXELS * size,
                                                0.8 * ISOLINE_PIXELS), *plot, x, y, opacity=0.7)
    walk = _drawn_path(*path, *((high - low) / size for low, high in plot))  # a pixel, in w and in b
    trail = alt.Chart(walk).mark_line(color="#ff4b4b", strokeWidth=2.5, clip=True).encode(
        x=x, y=y, order=alt.Order("step:Q"))
    ends_names = [_("start"), _("end")]
    ends = alt.Chart(walk.iloc[[0, -1]].assign(where=ends_names)).mark_point(  # clipped, like the trail: a
        filled=True, size=110, stroke="white", strokeWidth=1.5, opacity=1, clip=True).encode(  # page says where
        x=x, y=y, shape=alt.Shape("where:N", title=None, scale=alt.Scale(domain=ends_names,
                                                                         range=["circle", "diamond"]),
                                  legend=alt.Legend(orient="bottom", direction="horizontal")),
        color=alt.ColorValue("#ff4b4b"))
    layers = [heat, key, isolines, cells, trail, ends]
    return alt.LayerChart(layer=layers, title=title, width=size, height=size, autosize=PAD, usermeta=CANVAS)


#: The curvature map's two colours: where the smaller eigenvalue is >= 0, and where it is negative.
CONVEX, NOT_CONVEX = "#c6dbef", "#d62728"


def curvature_map(w, b, smallest_eigenvalue, title, size=280):
    """The Hessian's smaller eigenvalue at each (w, b): red where negative (not convex), blue where >= 0; a square
    plot like ``cost_surface``'s, so the two read side by side."""
    negative = _("negative: not convex here")
    x, y = _axes(w, b)
    (red,), (blue,) = raster.hex_rgb(NOT_CONVEX), raster.hex_rgb(CONVEX)
    rgb = np.where((np.asarray(smallest_eigenvalue) < 0)[..., None], red, blue).astype(np.uint8)
    colour = alt.Color("curvature:N", title=None, legend=alt.Legend(orient="bottom"),
                       scale=alt.Scale(domain=["≥ 0", negative], range=[CONVEX, NOT_CONVEX]))
    cells = _pick_cells(_pick_frame(w, b, smallest_eigenvalue, "lambda_min"), x, y, size=size,
                        tooltip=[alt.Tooltip("w:Q", format=".2f"), alt.Tooltip("b:Q", format=".2f"),
                         alt.Tooltip("lambda_min:Q", title="λ_min", format=".2e")])
    return alt.LayerChart(layer=[raster.image(rgb, *_spans(w, b), x, y),
                                 raster.legend(["≥ 0", negative], colour, x, y, (float(w[0]), float(b[0]))), cells],
                          title=title, width=size, height=size, autosize=PAD, usermeta=CANVAS)


def _segments(t, J, second):
    """One curve cut where its colour changes (t increasing), as columns: each piece carries the next one's first
    point, so the pieces meet (without it the curve shows a gap at every change of sign)."""
    negative = np.asarray(second) < 0
    segment = np.cumsum(np.r_[True, negative[1:] != negative[:-1]])
    starts = np.flatnonzero(segment[1:] != segment[:-1]) + 1
    rows = np.insert(np.arange(len(t)), starts, starts)  # the copy of a piece's first point ends the piece before
    copy = np.zeros(len(rows), bool)
    copy[starts + np.arange(len(starts))] = True
    owner = np.where(copy, rows - 1, rows)  # a copy takes its sign and segment from the point before it
    return {"t": np.asarray(t)[rows], "J": np.asarray(J)[rows], "second": np.asarray(second)[rows],
            "segment": segment[owner], "sign": negative[owner]}


def slices(data, height=200):
    """J along lines through the start, coloured by the sign of the second derivative along them.

    data: {loss name: {"along w" or "along b": (t values, J, d2J/dt2)}}.
    """
    concave, convex = _("d²J < 0 (concave)"), _("d²J ≥ 0 (convex)")
    frame = pd.concat([pd.DataFrame(_segments(t, J, second)).assign(loss=loss, along=_(along))
                       for loss, lines in data.items() for along, (t, J, second) in lines.items()])
    frame["sign"] = np.where(frame.sign, concave, convex)
    return alt.Chart(frame).mark_line(strokeWidth=3).encode(
        x=alt.X("t:Q", title=_("parameter value")),
        y=alt.Y("J:Q", title="J"),
        color=alt.Color("sign:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=[convex, concave], range=["#1f77b4", "#d62728"])),
        detail=alt.Detail("segment:N"),
        tooltip=[alt.Tooltip("t:Q", format=".2f"), alt.Tooltip("J:Q", format=".4f"),
                 alt.Tooltip("second:Q", title="d²J/dt²", format=".2e")],
    ).properties(height=height, width=280).facet(
        row=alt.Row("loss:N", title=None), column=alt.Column("along:N", title=None)
    ).resolve_scale(y="independent")
