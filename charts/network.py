"""Pictures of networks and data: the layer diagram (SVG), digits and their flattening, vanishing products."""

import altair as alt
import numpy as np
import pandas as pd

from charts import svg
from charts.surface import PAD
from i18n import _


LAYER_COLOURS = {"input": "#4c78a8", "hidden": "#f58518", "output": "#54a24b"}


def network_diagram(layer_dims, hidden, activations=None):
    """SVG (``charts.svg``), left to right: input x, hidden layers, output ŷ; every unit joined to each unit of the
    next layer. Each layer is a column headed by its name, its units in order from the top.

    activations: optionally, one value per unit per layer (A[0] = x first), written in the units.
    """
    L = len(layer_dims) - 1
    kinds = ["input" if l == 0 else "output" if l == L else "hidden" for l in range(L + 1)]
    titles = [{"input": _("input x = A[0]"), "output": _("output (sigmoid)"),
               "hidden": _("hidden {l} ({activation})").format(l=l, activation=hidden)}[kind]
              for l, kind in enumerate(kinds)]
    step = max(120, max(svg.text_width(title, 12) for title in titles) + 20)  # from one column to the next
    r, pitch, top = 23, 58, 48  # a unit's radius, from one unit to the next, the first row's centre below the titles
    tallest = max(layer_dims)  # units in the tallest column; the others are centred beside it
    width, height = (L + 1) * step, top + (tallest - 1) * pitch + r + 8
    centre = [[((l + 0.5) * step, top + (tallest - n) * pitch / 2 + j * pitch) for j in range(n)]
              for l, n in enumerate(layer_dims)]
    body = [svg.line(x0 + r, y0, x1 - r, y1, colour=svg.GREY, width=0.8)
            for l in range(1, L + 1) for x0, y0 in centre[l - 1] for x1, y1 in centre[l]]
    for l, (kind, title) in enumerate(zip(kinds, titles)):
        body.append(svg.text((l + 0.5) * step, 14, title, size=12))
        for j, (x, y) in enumerate(centre[l]):
            name = f"x{j + 1}" if kind == "input" else "ŷ" if kind == "output" else f"a{j + 1}"
            body.append(svg.circle(x, y, r, LAYER_COLOURS[kind]))
            if activations is None:
                body.append(svg.text(x, y + 5, name, size=13))
            else:
                body += [svg.text(x, y - 2, name, size=12), svg.text(x, y + 12, f"{activations[l][j]:.2f}", size=11)]
    return svg.document(width, height, body, _("The network's layers, {dims}").format(dims=layer_dims))


def _pixels(image, name):
    rows, cols = np.indices(image.shape)
    return pd.DataFrame({"row": rows.ravel(), "col": cols.ravel(), "value": image.ravel(), "image": name})


_GREY = alt.Scale(scheme="greys", domain=[0, 16])


def digits(images, labels, first=1, per_row=10):
    """8x8 pictures side by side, each titled with its number (from ``first``) and its label y."""
    titles = [f"#{first + k}: y = {int(y)}" for k, y in enumerate(labels)]
    frame = pd.concat([_pixels(img, title) for img, title in zip(images, titles)])
    return alt.Chart(frame).mark_rect().encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
        color=alt.Color("value:Q", scale=_GREY, legend=None),
        tooltip=[alt.Tooltip("row:O", title=_("row r")), alt.Tooltip("col:O", title=_("column c")),
                 alt.Tooltip("value:Q", title=_("pixel"))],
    ).properties(width=56, height=56).facet(
        facet=alt.Facet("image:N", title=None, sort=titles), columns=per_row)


def flattening(image):
    """One picture (8, 8) beside its column x (64, 1): pixel (r, c) becomes entry 8 r + c."""
    picture = _pixels(image, "picture").assign(index=lambda f: 8 * f.row + f.col)
    grid = alt.Chart(picture).mark_rect().encode(
        x=alt.X("col:O", title=_("column c")), y=alt.Y("row:O", title=_("row r")),
        color=alt.Color("value:Q", scale=_GREY, title=_("pixel")),
        tooltip=[alt.Tooltip("row:O", title=_("row r")), alt.Tooltip("col:O", title=_("column c")),
                 alt.Tooltip("index:Q", title=_("entry of x"))],
    ).properties(width=200, height=200, title=_("the picture, 8 × 8"))
    column = alt.Chart(picture).mark_rect().encode(
        y=alt.Y("index:O", title=_("entry of x (8 r + c)"), axis=alt.Axis(values=list(range(0, 64, 8)))),
        color=alt.Color("value:Q", scale=_GREY),
        tooltip=[alt.Tooltip("index:Q", title=_("entry of x")), alt.Tooltip("value:Q", title=_("pixel"))],
    ).properties(width=24, height=320, title="x, 64 × 1")
    return alt.hconcat(grid, column, autosize=PAD)  # Streamlit's default, "fit", fits single and layered views only


#: One colour per activation (as many as there are records, up to seven), and the bound's red, never reused.
SERIES_COLOURS = ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#72b7b2", "#9d755d", "#eeca3b"]
BOUND_COLOUR = "#e45756"
SERIES_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "stroke"]


def vanishing(depth, products, bound, height=320):
    """Mean |product of g'| against depth, log scale, one line per activation, and the bound (1/4)^L dashed."""
    bound_name = _("(1/4)^L, the sigmoid's bound")
    frame = pd.concat([pd.DataFrame({"L": depth, "value": values, "series": name})
                       for name, values in {**products, bound_name: bound}.items()])
    frame = frame[frame.value > 0]
    names = list(products) + [bound_name]
    return alt.Chart(frame).mark_line(strokeWidth=2.5, point=True).encode(
        x=alt.X("L:Q", title=_("depth L")),
        y=alt.Y("value:Q", title=_("mean |g'(z₁) ⋯ g'(z_L)|"), scale=alt.Scale(type="log")),
        color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=320),
                        scale=alt.Scale(domain=names, range=SERIES_COLOURS[:len(products)] + [BOUND_COLOUR])),
        strokeDash=alt.StrokeDashValue([1, 0], condition={"test": alt.datum.series == names[-1], "value": [6, 4]}),
        shape=alt.Shape("series:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=320),  # one legend
                        # with the colour's; lines that lie on each other still show apart by their points
                        scale=alt.Scale(domain=names, range=SERIES_SHAPES[:len(products)] + ["circle"])),
        tooltip=[alt.Tooltip("series:N", title=_("series")), alt.Tooltip("L:Q", title=_("depth L")),
                 alt.Tooltip("value:Q", title=_("value"), format=".3e")],
    ).properties(height=height)
