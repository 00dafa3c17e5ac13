"""Charts for vectorization: the shape walk of dW = (1/m) dZ A_prev.T, and loop-against-NumPy timings."""

import altair as alt
import pandas as pd

from charts.surface import PAD
from i18n import _


def shape_walk(n, n_prev, m, cell=26):
    """dZ (n, m) @ A_prev.T (m, n_prev) = dW (n, n_prev), each drawn as its grid of entries. Each example has its
    colour: its column of dZ and its row of A_prev.T, the pair the product multiplies and adds up; dW, where the m
    axis is summed away, is grey-blue."""
    examples = [_("example {i}").format(i=i + 1) for i in range(m)]
    summed = _("dW: the m examples summed")
    colour = alt.Color("role:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=300),
                       scale=alt.Scale(domain=[*examples, summed],
                                       range=[*EXAMPLE_COLOURS[:m], "#9ecae1"]))
    matrices = (("dZ", n, m, lambda r, c: examples[c]), ("A_prev.T", m, n_prev, lambda r, c: examples[r]),
                ("= dW", n, n_prev, lambda r, c: summed))
    panels = []
    for name, rows, cols, role in matrices:
        cells = pd.DataFrame([{"r": r, "c": c, "role": role(r, c)} for r in range(rows) for c in range(cols)])
        panels.append(alt.Chart(cells).mark_rect(stroke="white", strokeWidth=2).encode(
            x=alt.X("c:O", axis=None), y=alt.Y("r:O", axis=None), color=colour,
        ).properties(width=alt.Step(cell), height=alt.Step(cell), title=f"{name}  ({rows} × {cols})"))
    # autosize: Streamlit's default, "fit", fits single and layered views only (Vega warns, and pads anyway)
    return alt.hconcat(*panels, spacing=28, autosize=PAD).resolve_scale(color="shared")


#: One colour per example in the shape walk (m is at most 4 there), none of them dW's blue.
EXAMPLE_COLOURS = ["#fd8d3c", "#74c476", "#9e9ac8", "#f768a1"]


def timings(rows, height=320):
    """Seconds against m, log-log: the loop (dashed where extrapolated, from its last measured point on) and the
    vectorized gradient."""
    measured, extrapolated = _("measured"), _("extrapolated")
    loop = _("per-example loop")
    frame = pd.DataFrame([{"m": t.m, "seconds": t.loop, "method": loop, "how": measured if t.measured else extrapolated}
                          for t in rows]
                         + [{"m": t.m, "seconds": t.vectorized, "method": _("vectorized NumPy"), "how": measured}
                            for t in rows])
    last = [t for t in rows if t.measured][-1:] if not all(t.measured for t in rows) else []
    joins = pd.DataFrame([{"m": t.m, "seconds": t.loop, "method": loop, "how": extrapolated} for t in last])
    x = alt.X("m:Q", scale=alt.Scale(type="log"), title=_("examples m"))
    y = alt.Y("seconds:Q", scale=alt.Scale(type="log"), title=_("seconds per gradient"))
    colour = alt.Color("method:N", title=None, legend=alt.Legend(orient="bottom"))
    how = dict(title=None, legend=alt.Legend(orient="bottom"))
    dash = alt.StrokeDash("how:N", scale=alt.Scale(domain=[measured, extrapolated], range=[[1, 0], [6, 4]]), **how)
    lines = alt.Chart(pd.concat([frame, joins])).mark_line(strokeWidth=2.5).encode(  # joined: no gap in the loop's
        x=x, y=y, color=colour, strokeDash=dash)  # line where the dashes begin
    points = alt.Chart(frame).mark_point(filled=True, opacity=1, size=50).encode(
        x=x, y=y, color=colour,  # one legend: a circle and a triangle beside the dashes tell
        shape=alt.Shape("how:N", scale=alt.Scale(domain=[measured, extrapolated], range=["circle", "triangle-up"]),
                        **how),  # measured from extrapolated
        tooltip=[alt.Tooltip("method:N", title=_("method")), alt.Tooltip("m:Q"),
                 alt.Tooltip("seconds:Q", title=_("seconds per gradient"), format=".2e"),
                 alt.Tooltip("how:N", title=_("how"))])
    return (lines + points).properties(height=height)
