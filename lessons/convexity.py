"""Convex or not: cross-entropy against squared error after a sigmoid, proved symbolically,
measured on a grid, and felt by gradient descent from the same start."""

import numpy as np
import sympy as sp
import streamlit as st

import charts
from i18n import _
from mathcore.datasets import breast_cancer_feature_names
from mathcore.losses import LOSSES
from mathcore.surface import descend, negative_curvature_example, outcome, slices
from ui import link
from ui.chart import show_chart
from ui.data import synthetic_controls
from ui.derivation_view import open_tab, show_steps, verified
from ui.inert import prose
from ui.surfaces import SOURCES, one_feature, surfaces

st.title(_("Convex or not: the cost surface"))
st.markdown(_("The course says: after a sigmoid, cross-entropy gives a convex cost $J(w, b)$, squared error does not. "
              "Here is the proof, then the evidence on the same data, then gradient descent on both."))

st.header(_("The proof"))
tab, loss = open_tab({_("Cross-entropy: convex"): "cross_entropy", _("Squared error: not convex"): "squared_error"})
with tab:
    show_steps(verified(f"d2L_dz2_{loss}"))
    if loss == "squared_error":
        example = negative_curvature_example()
        st.markdown(_("For $y = 1$ this is ${factored}$: negative for $a < {a_root}$, that is $z < {z_root}$. "
                      "At $z = -1$ SymPy gets exactly").format(factored=sp.latex(example["factored"]),
                                                             a_root=sp.latex(example["a_root"]),
                                                             z_root=sp.latex(example["z_root"])))
        st.latex(rf"\frac{{\partial^2 L}}{{\partial z^2}}\Big|_{{z=-1,\,y=1}} = {sp.latex(example['value'])} "
                 rf"\approx {example['float']:.5f} < 0")
    show_steps(verified(f"curvature_along_{loss}"))

st.header(_("The surfaces, on one data set"))
source = st.radio(_("Data (one feature x, parameters w and b)"), list(SOURCES), format_func=lambda k: _(SOURCES[k]),
                  horizontal=True, **link.option("data", "outlier", SOURCES))
shape = {}
if source == "synthetic":
    shape = synthetic_controls(m_min=10, m_default=100)
elif source == "breast cancer":
    features = breast_cancer_feature_names()
    shape = {"feature": st.selectbox(_("feature (standardised)"), features,
                                     **link.option("feature", "mean radius", features))}
data_key = (source, shape.get("m", 100), shape.get("separation", 2.0), shape.get("noise", 1.0), shape.get("seed", 0),
            shape.get("feature", "mean radius"))
x, y = one_feature(*data_key)
n = st.select_slider(_("grid points per axis"), [50, 100, 150], **link.option("grid", 100, [50, 100, 150],
                                                                                slider=True))
grid = surfaces(data_key, n, 8.0)
w_grid = b_grid = grid["cross_entropy"][0].w

st.subheader(_("Curvature: the Hessian's smaller eigenvalue"))
st.markdown(_("$H = \\frac1m \\sum_i \\frac{\\partial^2 L}{\\partial z^2}(z_i)\\,[x_i; 1][x_i; 1]^\\top$ at every "
              "grid point, from the derivation above; where its smaller eigenvalue is negative the surface bends down "
              "in some direction, and $J$ is not convex there."))
left, right = st.columns(2)
for col, (loss, record) in zip((left, right), LOSSES.items()):
    name = record.name
    lam = grid[loss][0].smallest_eigenvalue
    show_chart(col, charts.curvature_map(w_grid, b_grid, lam, f"λ_min, {_(name)}"), width="content")
    col.metric(_("smallest λ_min on the grid, {loss}").format(loss=_(name)), f"{lam.min():.2e}",
               help=_("Cross-entropy's can dip below 0 only by rounding, around 1e-17."))
    col.caption(_("negative at {share:.0%} of the grid points").format(share=np.mean(lam < -1e-12)))


def start_from_click(key):
    """A click on a surface selects a cell: start both runs from its (w, b)."""
    picked = st.session_state[key].selection.get(charts.surface.START) or []
    if picked:
        st.session_state[link.widget_key("w0")] = float(picked[0]["w"])
        st.session_state[link.widget_key("b0")] = float(picked[0]["b"])


RATES = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]


@link.fragment
def descent(x, y, grid, w_grid, b_grid):
    """Gradient descent on both surfaces from one start, and the slices through it: its controls rerun only this."""
    st.subheader(_("Gradient descent from the same start"))
    cols = st.columns(4)
    w0 = cols[0].number_input(_("start w"), step=0.5, **link.number("w0", -6.0, -8.0, 8.0))
    b0 = cols[1].number_input(_("start b"), step=0.5, **link.number("b0", 6.0, -8.0, 8.0))
    alpha = cols[2].select_slider(_("learning rate α"), RATES, **link.option("alpha", 1.0, RATES, slider=True))
    iterations = cols[3].slider(_("iterations"), step=10, **link.number("iterations", 300, 10, 2000))
    runs = {loss: descend(x, y, w0, b0, loss, alpha, iterations) for loss in LOSSES}
    st.caption(_("Click a cell of either surface to start both runs there."))

    left, right = st.columns(2)
    outcomes = {}
    for col, (loss, record) in zip((left, right), LOSSES.items()):
        name = record.name
        s, isolines = grid[loss]
        run = runs[loss]
        show_chart(col, charts.cost_surface(w_grid, b_grid, s.J, isolines, (run.w, run.b), f"J(w, b), {_(name)}"),
                   on_select=lambda key=f"surface_{loss}": start_from_click(key), key=f"surface_{loss}",
                   width="content")
        top, bottom = col.columns(2), col.columns(2)
        top[0].metric(_("final w"), f"{run.w[-1]:.2f}")
        top[1].metric(_("final b"), f"{run.b[-1]:.2f}")
        bottom[0].metric(_("final J"), f"{run.J[-1]:.4f}")
        bottom[1].metric(_("‖∇J‖ at the end"), f"{run.gradient_norm:.1e}")
        outcomes[loss], said = outcome(run, s.J.min(), s.J.max(), alpha)
        (col.warning if outcomes[loss] in ("oscillating", "diverged") else col.caption)(prose(_(said)))
        if not (w_grid[0] <= run.w[-1] <= w_grid[-1] and b_grid[0] <= run.b[-1] <= b_grid[-1]):
            col.caption(_("The path leaves the plotted square: it ends at w = {w:.2f}, b = {b:.2f}.").format(
                w=run.w[-1], b=run.b[-1]))
    if outcomes == {"cross_entropy": "minimum", "squared_error": "flat"}:
        st.info(_("From the same start, cross-entropy reached its one minimum and squared error stopped on a flat "
                  "part of its surface: a convex cost has no such place to stop."))
    show_chart(st, charts.learning_curves({_(LOSSES[loss].name): run.J for loss, run in runs.items()}),
               width="stretch")
    if st.toggle(_("Show both surfaces in 3-D, with the paths on them (drag to rotate)"),
                 **link.flag("three_d", False)):
        left, right = st.columns(2)
        for col, (loss, record) in zip((left, right), LOSSES.items()):
            run = runs[loss]
            col.plotly_chart(charts.surface3d.cost_surface_3d(w_grid, b_grid, grid[loss][0].J, (run.w, run.b, run.J),
                                                              f"J(w, b), {_(record.name)}"), key=f"three_d_{loss}")
        st.caption(_("Look for cross-entropy's one bowl (proved convex above), and for squared error's flat plateaus "
                     "where the sigmoid saturates. Each path is drawn up to where it leaves the plotted square."))

    st.subheader(_("Slices through the start"))
    show_chart(st, charts.slices({_(LOSSES[loss].name): slices(x, y, w0, b0, w_grid, b_grid, loss)
                                  for loss in LOSSES}))


descent(x, y, grid, w_grid, b_grid)
